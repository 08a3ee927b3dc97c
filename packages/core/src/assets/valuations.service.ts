import {
  jcs,
  valuationFigures,
  valuationProblem,
  type CreateValuationBody,
  type OrgSignature,
  type Paged,
  type Valuation,
  type ValuationBundle,
  type ValuationQuery,
  type ValuationReport,
  type Valuer,
} from '@shuliu/contracts';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import { sm3Hex, type KeyService, type OrgKeysService } from '../crypto/index.js';
import { activeOrgs, notifyOrg, orgById, type PasswordConfirmation } from '../identity/index.js';
import type { LedgerService } from '../ledger/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { AlreadySigned, NotTheValuer, NotYourOrg, ValuationInvalid, ValuerInvalid } from './assets.errors.js';
import { day, parsed, toValuation } from './assets.mappers.js';
import { assetsRepository as repo, type Executor, type ValuationRow } from './assets.repository.js';
import type { Clock, LedgerService as AssetLedger } from './ledger.service.js';

/** How the valuer signs: its custodied key on an org_admin's re-entered password, or offline with its own key. */
export type ValuationSignHow =
  | { custody: 'platform'; confirmed: PasswordConfirmation }
  | { custody: 'org'; keyId: string; signature: string };

export interface ValuationDeps {
  db: Executor;
  now: Clock;
  keys: Pick<KeyService, 'ensureSigningKey'>;
  orgKeys: Pick<OrgKeysService, 'signAsOrg' | 'verifyOrgSignature' | 'list'>;
  ledger: Pick<LedgerService, 'appendIn' | 'entry' | 'inclusionProof' | 'checkpoint'>;
}

/**
 * 资产评估: the owner drafts a valuation of its asset by the cost, income or market method (the figures computed
 * by the same pure rules the wizard runs) and assigns it to a valuer org; the valuer's org_admin signs the report
 * — asset, owner with USCC, method, inputs, every figure, value, date, valuer — with its org key over the RFC 8785
 * form, and its SM3 goes into the transparency ledger (`asset.valuation.signed`). 出资入股 stands on a signed one.
 */
export class ValuationsService {
  constructor(
    private readonly deps: ValuationDeps,
    private readonly assets: AssetLedger,
  ) {}

  async list(ctx: RequestContext, q: z.output<typeof ValuationQuery>): Promise<Paged<Valuation>> {
    const oversight = hasRole(ctx, 'operator', 'regulator');
    const own = requirePrincipal(ctx).orgId;
    if (!oversight && !own) throw NotYourOrg();
    const orgId = oversight ? null : own!;
    const { rows, total } = await repo.searchValuations(this.deps.db, { orgId, ...q }, q.page, q.pageSize);
    return { items: rows.map(toValuation), total, page: q.page, pageSize: q.pageSize };
  }

  /** The orgs a valuation may be assigned to: active providers offering valuation (资产评估), by name. */
  async valuers(): Promise<{ items: Valuer[] }> {
    const orgs = await activeOrgs(this.deps.db, { type: 'provider', by: 'name' });
    return {
      items: orgs
        .filter((o) => o.provider_kinds.includes('valuer'))
        .map((o) => ({ id: o.id, name: o.name, uscc: o.uscc })),
    };
  }

  async get(ctx: RequestContext, id: string): Promise<Valuation> {
    return toValuation(await this.visible(ctx, id));
  }

  /** The owner's draft: inputs checked and valued by the pure rules; the valuer a provider offering valuation. */
  async create(
    ctx: RequestContext,
    assetId: string,
    body: z.output<typeof CreateValuationBody>,
  ): Promise<Valuation> {
    const problem = valuationProblem(body.inputs);
    if (problem) throw ValuationInvalid(problem.message, { field: `inputs.${problem.field}` });
    const figures = valuationFigures(body.inputs);
    const id = newId('avl');
    await this.deps.db.transaction().execute(async (tx) => {
      const asset = await this.assets.editable(tx, ctx, assetId);
      const valuer = await orgById(tx, body.valuerOrgId);
      if (
        !valuer ||
        valuer.status !== 'active' ||
        valuer.id === asset.org_id ||
        !valuer.types.includes('provider') ||
        !valuer.provider_kinds.includes('valuer')
      )
        throw ValuerInvalid(undefined, { field: 'valuerOrgId' });
      await repo.insertValuation(tx, {
        id,
        asset_id: assetId,
        owner_org_id: asset.org_id,
        valuer_org_id: valuer.id,
        method: body.inputs.method,
        inputs: JSON.stringify(body.inputs),
        figures: JSON.stringify(figures),
        value_fen: figures.valueFen,
        valuation_date: body.valuationDate,
        status: 'draft',
        created_by: requirePrincipal(ctx).userId,
      });
      await recordAudit(tx, ctx, {
        action: 'asset.valuation.create',
        objectType: 'asset_valuation',
        objectId: id,
        orgId: asset.org_id,
        details: { assetId, method: body.inputs.method, valueFen: figures.valueFen, valuerOrgId: valuer.id },
      });
      await notifyOrg(tx, valuer.id, ['org_admin'], {
        kind: 'asset.valuation.assigned',
        title: `数据资产评估委托：${asset.name}`,
        body: `${asset.org_name ?? ''} 委托贵机构出具评估报告`,
        params: { valuationId: id },
        link: `/assets/valuations/${id}`,
      });
    });
    return this.get(ctx, id);
  }

  /**
   * The valuer's org_admin signs the report (once): custodied key on a confirmed password, or a signature
   * made offline checked against the canonical report with an active key of the valuer org. The report, its
   * SM3, the signature and the `asset.valuation.signed` ledger entry are stored in one transaction. Audited.
   */
  async sign(ctx: RequestContext, id: string, how: ValuationSignHow): Promise<Valuation> {
    const p = requirePrincipal(ctx);
    await this.deps.keys.ensureSigningKey();
    await this.deps.db.transaction().execute(async (tx) => {
      const v = await repo.findValuation(tx, id, true);
      if (!v || (p.orgId !== v.valuer_org_id && p.orgId !== v.owner_org_id)) throw NotFound('valuation', id);
      if (p.orgId !== v.valuer_org_id || !hasRole(ctx, 'org_admin')) throw NotTheValuer();
      if (v.status === 'signed') throw AlreadySigned();
      const report = await this.report(tx, v);
      const canonical = jcs(report);
      const hash = sm3Hex(canonical);
      const sig = await this.signature(tx, ctx, v.valuer_org_id, report, how, hash);
      const publicKey = (await this.deps.orgKeys.list(v.valuer_org_id, tx)).find(
        (k) => k.id === sig.keyId,
      )!.publicKey;
      await recordAudit(tx, ctx, {
        action: 'asset.valuation.sign',
        objectType: 'asset_valuation',
        objectId: id,
        orgId: v.valuer_org_id,
        details: { assetId: v.asset_id, reportHash: hash, keyId: sig.keyId, custody: how.custody },
      });
      const { firstIndex } = await this.deps.ledger.appendIn(tx, [
        {
          type: 'asset.valuation.signed',
          objectType: 'asset_valuation',
          objectId: id,
          objectSm3: hash,
          attrs: {
            valuationId: id,
            reportHash: hash,
            assetId: v.asset_id,
            valuerOrgId: v.valuer_org_id,
            keyId: sig.keyId,
            publicKey,
            signature: sig.signature,
          },
        },
      ]);
      await repo.updateValuation(tx, id, {
        status: 'signed',
        report: canonical,
        report_sm3: hash,
        key_id: sig.keyId,
        signature: sig.signature,
        ledger_index: firstIndex,
        signed_by: p.userId,
        signed_at: new Date(sig.signedAt),
      });
      await notifyOrg(tx, v.owner_org_id, ['org_admin', 'merchant'], {
        kind: 'asset.valuation.signed',
        title: `评估报告已签署：${v.asset_name}`,
        body: `${v.valuer_org_name ?? ''} 已签署评估报告`,
        params: { valuationId: id },
        link: `/assets/valuations/${id}`,
      });
    });
    return this.get(ctx, id);
  }

  /** The report the valuer signs, exactly: the canonical text is what a signer sent from offline must sign. */
  async reportOf(ctx: RequestContext, id: string): Promise<ValuationReport> {
    const v = await this.visible(ctx, id);
    return v.report ? (JSON.parse(v.report) as ValuationReport) : this.report(this.deps.db, v);
  }

  /** The bundle `shuliu verify-valuation` checks offline. A draft has none (404). */
  async bundle(ctx: RequestContext, id: string): Promise<ValuationBundle> {
    const v = await this.visible(ctx, id);
    if (v.status !== 'signed' || v.ledger_index === null) throw NotFound('signed valuation', id);
    const index = Number(v.ledger_index);
    const checkpoint = await this.deps.ledger.checkpoint();
    const [entry, proof, keys] = await Promise.all([
      this.deps.ledger.entry(index),
      this.deps.ledger.inclusionProof(index, checkpoint.treeSize),
      this.deps.orgKeys.list(v.valuer_org_id),
    ]);
    return {
      report: JSON.parse(v.report!) as Record<string, unknown>,
      signature: {
        keyId: v.key_id!,
        publicKey: keys.find((k) => k.id === v.key_id)!.publicKey,
        signature: v.signature!,
      },
      ledgerEntry: entry.entry,
      inclusionProof: proof,
      checkpoint,
    };
  }

  /** The valuation, to the owner org, the valuer org and oversight; 404 to anyone else. */
  private async visible(ctx: RequestContext, id: string): Promise<ValuationRow> {
    const v = await repo.findValuation(this.deps.db, id);
    const org = ctx.principal?.orgId;
    const party = !!org && (org === v?.owner_org_id || org === v?.valuer_org_id);
    if (!v || !(party || hasRole(ctx, 'operator', 'regulator'))) throw NotFound('valuation', id);
    return v;
  }

  private async report(db: Executor, v: ValuationRow): Promise<ValuationReport> {
    const asset = (await repo.findAsset(db, v.asset_id))!;
    const [owner, valuer] = await Promise.all([orgById(db, v.owner_org_id), orgById(db, v.valuer_org_id)]);
    return {
      type: 'shuliu.asset-valuation-report',
      version: 1,
      valuationId: v.id,
      asset: {
        id: asset.id,
        name: asset.name,
        classification: asset.classification,
        certificateNos: parsed<string[]>(asset.certificate_nos),
      },
      owner: { orgId: owner!.id, name: owner!.name, uscc: owner!.uscc },
      valuer: { orgId: valuer!.id, name: valuer!.name, uscc: valuer!.uscc },
      method: v.method,
      inputs: parsed<Record<string, unknown>>(v.inputs),
      figures: parsed<Record<string, unknown>>(v.figures),
      valueFen: Number(v.value_fen),
      valuationDate: day(v.valuation_date),
    };
  }

  private async signature(
    tx: Executor,
    ctx: RequestContext,
    orgId: string,
    report: ValuationReport,
    how: ValuationSignHow,
    hash: string,
  ): Promise<OrgSignature> {
    if (how.custody === 'platform') return this.deps.orgKeys.signAsOrg(tx, ctx, orgId, report, how.confirmed);
    const r = await this.deps.orgKeys
      .verifyOrgSignature(report, { keyId: how.keyId, signature: how.signature, orgId }, tx)
      .catch(() => ({ valid: false, failure: 'org' as const, retired: false }));
    if (!r.valid || r.retired)
      throw ValuationInvalid(
        r.failure === 'org'
          ? `key ${how.keyId} is not an active signing key of your organization`
          : r.retired
            ? `key ${how.keyId} was rotated out: sign with the org’s active key`
            : `the signature does not check against the report (SM3 ${hash}) with key ${how.keyId}`,
        { field: 'signature' },
      );
    return {
      keyId: how.keyId,
      algorithm: 'sm2-sm3',
      signature: how.signature,
      signedAt: this.deps.now().toISOString(),
    };
  }
}
