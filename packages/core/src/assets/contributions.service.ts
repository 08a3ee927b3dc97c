import type { Contribution, ContributionBody } from '@shuliu/contracts';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { ValuationNotSigned } from './assets.errors.js';
import { toContribution } from './assets.mappers.js';
import { assetsRepository as repo, type Executor } from './assets.repository.js';
import type { LedgerService } from './ledger.service.js';

/** 出资入股: the asset contributed as capital to an investee, on the strength of a signed valuation report. */
export class ContributionsService {
  constructor(
    private readonly db: Executor,
    private readonly assets: LedgerService,
  ) {}

  /** 出资入股: refused unless the valuation used is a signed one of the same asset. Audited. */
  async contribute(
    ctx: RequestContext,
    assetId: string,
    body: z.output<typeof ContributionBody>,
  ): Promise<Contribution> {
    const id = newId('aci');
    await this.db.transaction().execute(async (tx) => {
      const asset = await this.assets.editable(tx, ctx, assetId);
      const v = await repo.findValuation(tx, body.valuationId);
      if (!v || v.asset_id !== assetId || v.status !== 'signed')
        throw ValuationNotSigned(
          !v || v.asset_id !== assetId
            ? `valuation ${body.valuationId} is not a valuation of this asset`
            : `valuation ${body.valuationId} is a draft: the valuer has not signed it`,
          { field: 'valuationId' },
        );
      await repo.insertContribution(tx, {
        id,
        asset_id: assetId,
        investee_name: body.investeeName,
        investee_uscc: body.investeeUscc,
        share_bp: Math.round(body.sharePercent * 100),
        amount_fen: body.amountFen,
        contributed_on: body.contributedOn,
        valuation_id: v.id,
        created_by: requirePrincipal(ctx).userId,
      });
      await recordAudit(tx, ctx, {
        action: 'asset.contribution.record',
        objectType: 'asset',
        objectId: assetId,
        orgId: asset.org_id,
        details: { contributionId: id, ...body },
      });
    });
    const rows = await repo.contributionsOf(this.db, assetId);
    return toContribution(rows.find((r) => r.id === id)!);
  }
}
