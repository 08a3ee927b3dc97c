import type {
  AddCostBody,
  AmortizationPlanBody,
  Asset,
  AssetDetail,
  AssetQuery,
  CreateAssetBody,
  ImpairmentBody,
  Paged,
  UpdateAssetBody,
} from '@shuliu/contracts';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import { resourceOwners } from '../catalog/index.js';
import { certificatesByNumbers } from '../registry/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import {
  CertificateNotHeld,
  ImpairmentTooLarge,
  NotAmortizable,
  NotYourOrg,
  ResourceNotOwned,
  VersionConflict,
} from './assets.errors.js';
import {
  carryingAt,
  day,
  parsed,
  scheduleOf,
  toAsset,
  toContribution,
  toValuation,
} from './assets.mappers.js';
import { assetsRepository as repo, type AssetRow, type Executor } from './assets.repository.js';
import { classify } from './assets.rules.js';

export type Clock = () => Date;
const EDITORS = ['org_admin', 'merchant'] as const;
const month = (d: Date) => d.toISOString().slice(0, 7);

/** What the domain knows of an asset beyond its row: its costs, plan, impairments and schedule. */
type Books = Awaited<ReturnType<LedgerService['books']>>[number];

/**
 * 资产台账: an org's data assets, classified per 财会〔2023〕11号 from the owner's recognition checklist, with
 * their cost records, amortization plan and impairments, and the disclosure table by source. The org's
 * administrators and merchants edit their own org's ledger; its members, the regulator and the operator read.
 */
export class LedgerService {
  constructor(
    private readonly db: Executor,
    private readonly now: Clock,
  ) {}

  /** Oversight reads every org's ledger; a member reads its own. */
  readerOrg(ctx: RequestContext, orgId?: string): string | null {
    if (hasRole(ctx, 'operator', 'regulator')) return orgId ?? null;
    const own = requirePrincipal(ctx).orgId;
    if (!own || (orgId && orgId !== own)) throw NotYourOrg();
    return own;
  }

  async visible(ctx: RequestContext, id: string, db: Executor = this.db, lock = false): Promise<AssetRow> {
    const row = await repo.findAsset(db, id, lock);
    const p = ctx.principal;
    if (!row || !(hasRole(ctx, 'operator', 'regulator') || p?.orgId === row.org_id))
      throw NotFound('asset', id);
    return row;
  }

  /** The asset, locked, when the caller may edit its org's ledger. */
  async editable(tx: Executor, ctx: RequestContext, id: string): Promise<AssetRow> {
    const row = await this.visible(ctx, id, tx, true);
    if (requirePrincipal(ctx).orgId !== row.org_id || !hasRole(ctx, ...EDITORS)) throw NotYourOrg();
    return row;
  }

  async list(ctx: RequestContext, q: z.output<typeof AssetQuery>): Promise<Paged<Asset>> {
    const orgId = this.readerOrg(ctx, q.orgId);
    const { rows, total } = await repo.search(
      this.db,
      { orgId, classification: q.classification },
      q.page,
      q.pageSize,
    );
    const books = await this.books(this.db, rows);
    return {
      items: rows.map((r, i) => this.toAssetNow(r, books[i]!)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async get(ctx: RequestContext, id: string): Promise<AssetDetail> {
    const row = await this.visible(ctx, id);
    const [b] = await this.books(this.db, [row]);
    const nos = parsed<string[]>(row.certificate_nos);
    const [certs, resources, valuations, contributions] = await Promise.all([
      certificatesByNumbers(this.db, nos, this.now()),
      repo.resourceTitles(this.db, parsed<string[]>(row.resource_ids)),
      repo.valuationsOf(this.db, id),
      repo.contributionsOf(this.db, id),
    ]);
    return {
      ...this.toAssetNow(row, b!),
      certificates: certs.map((c) => ({
        certNo: c.certNo,
        status: c.status,
        holderOrgName: c.holderOrgName,
        objectTitle: c.objectTitle,
        pledged: c.flags.pledged,
        pledgeeOrgName: c.pledge?.pledgeeOrgName ?? null,
        pledgedAt: c.pledge?.since ?? null,
      })),
      resources,
      costs: b!.costs.map((c) => ({
        id: c.id,
        category: c.category as AssetDetail['costs'][number]['category'],
        amountFen: Number(c.amount_fen),
        incurredOn: day(c.incurred_on),
        note: c.note,
        createdAt: c.created_at.toISOString(),
      })),
      amortization: b!.plan
        ? {
            method: b!.plan.method,
            costFen: b!.costFen,
            residualFen: Number(b!.plan.residual_fen),
            startPeriod: b!.plan.start_period,
            months: b!.plan.months,
            units: parsed<number[] | null>(b!.plan.units),
            schedule: b!.schedule,
          }
        : null,
      impairments: b!.impairments.map((i) => ({
        id: i.id,
        period: i.period,
        amountFen: Number(i.amount_fen),
        reason: i.reason,
        createdAt: i.created_at.toISOString(),
      })),
      valuations: valuations.map(toValuation),
      contributions: contributions.map(toContribution),
    };
  }

  /** 财会〔2023〕11号: records an asset with the classification its checklist decides. Audited. */
  async create(ctx: RequestContext, body: z.output<typeof CreateAssetBody>): Promise<AssetDetail> {
    const p = requirePrincipal(ctx);
    if (!p.orgId || !hasRole(ctx, ...EDITORS)) throw NotYourOrg();
    const id = newId('ast');
    await this.db.transaction().execute(async (tx) => {
      await this.checkLinks(tx, p.orgId!, body.certificateNos, body.resourceIds);
      const c = classify(body.source, body.checklist);
      await repo.insertAsset(tx, {
        id,
        org_id: p.orgId!,
        name: body.name,
        description: body.description ?? null,
        source: body.source,
        classification: c.classification,
        classification_reasons: JSON.stringify(c.reasons),
        checklist: JSON.stringify(body.checklist),
        recognized_period: body.recognizedPeriod,
        certificate_nos: JSON.stringify(body.certificateNos),
        resource_ids: JSON.stringify(body.resourceIds),
        status: 'active',
        created_by: p.userId,
      });
      await this.audit(tx, ctx, 'asset.create', id, p.orgId!, { classification: c.classification });
    });
    return this.get(ctx, id);
  }

  /** Edits the asset (optimistic on `version`); a new checklist re-classifies it. Audited with what changed. */
  async update(
    ctx: RequestContext,
    id: string,
    body: z.output<typeof UpdateAssetBody>,
  ): Promise<AssetDetail> {
    await this.db.transaction().execute(async (tx) => {
      const row = await this.editable(tx, ctx, id);
      if (body.certificateNos || body.resourceIds)
        await this.checkLinks(tx, row.org_id, body.certificateNos ?? [], body.resourceIds ?? []);
      const c = body.checklist && classify(row.source, body.checklist);
      const n = await repo.updateAsset(tx, id, body.version, {
        ...(body.name !== undefined && { name: body.name }),
        ...(body.description !== undefined && { description: body.description }),
        ...(body.certificateNos && { certificate_nos: JSON.stringify(body.certificateNos) }),
        ...(body.resourceIds && { resource_ids: JSON.stringify(body.resourceIds) }),
        ...(body.status && { status: body.status }),
        ...(c && {
          checklist: JSON.stringify(body.checklist),
          classification: c.classification,
          classification_reasons: JSON.stringify(c.reasons),
        }),
      });
      if (!n) throw VersionConflict(undefined, { field: 'version' });
      const changed = Object.keys(body).filter((k) => k !== 'version');
      await this.audit(tx, ctx, 'asset.update', id, row.org_id, {
        changed,
        classification: c?.classification,
      });
    });
    return this.get(ctx, id);
  }

  /** A cost record by category (购买价款; 脱敏、清洗、标注…; 权属鉴证、质量评估…). Audited. */
  async addCost(ctx: RequestContext, id: string, body: z.output<typeof AddCostBody>): Promise<AssetDetail> {
    await this.db.transaction().execute(async (tx) => {
      const row = await this.editable(tx, ctx, id);
      const costId = newId('acs');
      await repo.insertCost(tx, {
        id: costId,
        asset_id: id,
        category: body.category,
        amount_fen: body.amountFen,
        incurred_on: body.incurredOn,
        note: body.note ?? null,
        created_by: requirePrincipal(ctx).userId,
      });
      await this.audit(tx, ctx, 'asset.cost.add', id, row.org_id, {
        costId,
        category: body.category,
        amountFen: body.amountFen,
      });
    });
    return this.get(ctx, id);
  }

  /** Sets (or replaces) the amortization plan of an intangible asset with its cost recorded. Audited. */
  async setPlan(
    ctx: RequestContext,
    id: string,
    body: z.output<typeof AmortizationPlanBody>,
  ): Promise<AssetDetail> {
    await this.db.transaction().execute(async (tx) => {
      const row = await this.editable(tx, ctx, id);
      const [b] = await this.books(tx, [row]);
      if (row.classification !== 'intangible' || b!.costFen <= 0) throw NotAmortizable();
      if (body.residualFen >= b!.costFen)
        throw NotAmortizable('the residual value must be below the cost', { field: 'residualFen' });
      await repo.upsertPlan(tx, {
        asset_id: id,
        method: body.method,
        residual_fen: body.residualFen,
        start_period: body.startPeriod,
        months: body.method === 'straight_line' ? body.months! : null,
        units: body.method === 'units_of_use' ? JSON.stringify(body.units) : null,
        created_by: requirePrincipal(ctx).userId,
      });
      await this.audit(tx, ctx, 'asset.amortization.set', id, row.org_id, { ...body });
    });
    return this.get(ctx, id);
  }

  /** CAS 8: an impairment at the end of a month, at most the carrying amount then. Audited. */
  async impair(ctx: RequestContext, id: string, body: z.output<typeof ImpairmentBody>): Promise<AssetDetail> {
    await this.db.transaction().execute(async (tx) => {
      const row = await this.editable(tx, ctx, id);
      if (row.classification === 'expensed') throw NotAmortizable('expensed data is not an asset to impair');
      const [b] = await this.books(tx, [row]);
      const carrying = carryingAt(b!.costFen, b!.schedule, b!.impairments, body.period);
      if (body.amountFen > carrying)
        throw ImpairmentTooLarge(`the carrying amount at the end of ${body.period} is ${carrying} fen`, {
          field: 'amountFen',
        });
      const impairmentId = newId('aim');
      await repo.insertImpairment(tx, {
        id: impairmentId,
        asset_id: id,
        period: body.period,
        amount_fen: body.amountFen,
        reason: body.reason,
        created_by: requirePrincipal(ctx).userId,
      });
      await this.audit(tx, ctx, 'asset.impair', id, row.org_id, { impairmentId, ...body });
    });
    return this.get(ctx, id);
  }

  /** Cost, costs, plan, impairments and schedule of each row, in a few reads for the whole page. */
  async books(db: Executor, rows: AssetRow[]) {
    const ids = rows.map((r) => r.id);
    const [costs, plans, impairments] = await Promise.all([
      repo.costsOf(db, ids),
      repo.plansOf(db, ids),
      repo.impairmentsOf(db, ids),
    ]);
    return rows.map((r) => {
      const own = costs.filter((c) => c.asset_id === r.id);
      const costFen = own.reduce((s, c) => s + Number(c.amount_fen), 0);
      const plan = plans.find((p) => p.asset_id === r.id);
      const imps = impairments.filter((i) => i.asset_id === r.id);
      return { costFen, costs: own, plan, impairments: imps, schedule: scheduleOf(plan, costFen, imps) };
    });
  }

  private toAssetNow(r: AssetRow, b: Books): Asset {
    return toAsset(r, b.costFen, carryingAt(b.costFen, b.schedule, b.impairments, month(this.now())));
  }

  /** A linked certificate must be held by the org; a linked resource must be its own (read through their domains). */
  private async checkLinks(tx: Executor, orgId: string, certNos: string[], resourceIds: string[]) {
    const certs = await certificatesByNumbers(tx, certNos, this.now());
    for (const no of certNos)
      if (!certs.some((c) => c.certNo === no && c.holderOrgId === orgId))
        throw CertificateNotHeld(`certificate ${no} is not held by your organization`, {
          field: 'certificateNos',
        });
    const owners = await resourceOwners(tx, resourceIds);
    for (const id of resourceIds)
      if (owners.get(id) !== orgId)
        throw ResourceNotOwned(`resource ${id} is not your organization’s`, { field: 'resourceIds' });
  }

  private audit(
    tx: Executor,
    ctx: RequestContext,
    action: string,
    assetId: string,
    orgId: string,
    details: Record<string, unknown>,
  ) {
    return recordAudit(tx, ctx, { action, objectType: 'asset', objectId: assetId, orgId, details });
  }
}
