import type {
  CreateSharingBody,
  Paged,
  SharingQuery,
  SharingRequest,
  SharingStats,
  SharingStatsQuery,
  SharingStatus,
} from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { memberIds, orgById } from '../identity/index.js';
import { notifyUsers } from '../notifications/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import {
  NotGovernment,
  SharingDuplicate,
  SharingIllegalTransition,
  SharingNotAllowed,
  SharingWrongSide,
} from './sharing.errors.js';
import { adminLevelOf, type ResourcesService } from '../catalog/index.js';
import type { SharingPeriods } from './sharing.periods.js';
import { toSharingRequest } from './sharing.mappers.js';
import { sharingRepository as repo, type OrgRow, type SharingRow } from './sharing.repository.js';
import { actingSide, nextSharingStatus, sharingRefusal, type SharingAction } from './sharing.rules.js';
import { sharingStats } from './sharing.stats.js';

type Executor = Kysely<DB>;
export type Clock = () => Date;

/** The caller's organization, if it is an active government department (an authority org) and they act for it. */
export async function governmentOrgOf(db: Executor, ctx: RequestContext): Promise<OrgRow> {
  const p = requirePrincipal(ctx);
  const org = p.orgId ? await orgById(db, p.orgId) : undefined;
  if (!org || org.status !== 'active' || !org.types.includes('authority') || !hasRole(ctx, 'authority'))
    throw NotGovernment();
  return org;
}

/** Operators and regulators oversee every request; departments see their own org's, both ways. */
export const partyOrgOf = (ctx: RequestContext): string | null =>
  hasRole(ctx, 'operator', 'regulator') ? null : (requirePrincipal(ctx).orgId ?? '-');

const NOTICES: Record<SharingAction, { kind: string; title: string; verb: string }> = {
  approve: { kind: 'sharing.approved', title: '政务共享申请已同意', verb: '同意了' },
  reject: { kind: 'sharing.rejected', title: '政务共享申请被驳回', verb: '驳回了' },
  deliver: { kind: 'sharing.delivered', title: '政务共享数据已交付', verb: '交付了' },
  withdraw: { kind: 'sharing.withdrawn', title: '政务共享申请已撤回', verb: '撤回了' },
};

/** 政务共享: departments at province, city and county level ask each other for published resources. */
export class SharingService {
  constructor(
    private readonly db: Executor,
    private readonly resources: ResourcesService,
    readonly periods: SharingPeriods,
    private readonly now: Clock = () => new Date(),
  ) {}

  /** Whether any sharing request exists at all (the demo seeds them only once). */
  anyRequests(): Promise<boolean> {
    return repo.anyRequest(this.db);
  }

  async list(ctx: RequestContext, q: z.output<typeof SharingQuery>): Promise<Paged<SharingRequest>> {
    const now = this.now();
    const orgId = q.box ? (requirePrincipal(ctx).orgId ?? '-') : partyOrgOf(ctx);
    const { rows, total } = await repo.searchRequests(this.db, { ...q, orgId, now }, q.page, q.pageSize);
    return { items: rows.map((r) => toSharingRequest(r, now)), total, page: q.page, pageSize: q.pageSize };
  }

  async get(ctx: RequestContext, id: string): Promise<SharingRequest> {
    return toSharingRequest(await this.load(this.db, ctx, id), this.now());
  }

  /** The request if the caller's org is a party to it (or they oversee); otherwise the same 404 as a missing one. */
  private async load(db: Executor, ctx: RequestContext, id: string, lock = false): Promise<SharingRow> {
    const r = lock ? await repo.lockRequest(db, id) : await repo.findRequest(db, id);
    const org = partyOrgOf(ctx);
    if (!r || (org !== null && r.provider_org_id !== org && r.requester_org_id !== org))
      throw NotFound('sharing request', id);
    return r;
  }

  async request(ctx: RequestContext, body: z.output<typeof CreateSharingBody>): Promise<SharingRequest> {
    const p = requirePrincipal(ctx);
    const id = newId('shr');
    await this.db.transaction().execute(async (tx) => {
      const requester = await governmentOrgOf(tx, ctx);
      const { resource, provider } = await this.requestable(tx, ctx, requester, body.resourceId);
      const now = this.now();
      const due = await this.periods.deadline(now, (await this.periods.sharing(tx)).sharingResponseDays, tx);
      const levels = { provider: adminLevelOf(provider.uscc), requester: adminLevelOf(requester.uscc) };
      await repo.insertRequest(tx, {
        id,
        resource_id: resource.id,
        provider_org_id: provider.id,
        requester_org_id: requester.id,
        provider_level: levels.provider,
        requester_level: levels.requester,
        purpose: body.purpose,
        status: 'pending',
        due_at: due,
        created_by: p.userId,
        created_at: now,
      });
      await notifyUsers(tx, await memberIds(tx, provider.id, ['authority']), {
        kind: 'sharing.requested',
        title: '收到政务共享申请',
        body: `${requester.name} 申请共享「${resource.title}」，请于 ${due.toISOString().slice(0, 10)} 前答复。`,
        params: {
          requestId: id,
          resourceId: resource.id,
          requester: requester.name,
          dueAt: due.toISOString(),
        },
        link: `/sharing/requests/${id}`,
      });
      await recordAudit(tx, ctx, {
        action: 'catalog.sharing.request',
        objectType: 'sharing_request',
        objectId: id,
        details: { resourceId: resource.id, providerOrgId: provider.id, levels, dueAt: due.toISOString() },
      });
    });
    return this.get(ctx, id);
  }

  /** The resource, locked, if the requester may ask for it (visible, requestable, not asked for already). */
  private async requestable(tx: Executor, ctx: RequestContext, requester: OrgRow, resourceId: string) {
    const resource = await this.resources.load(ctx, resourceId, tx);
    await this.resources.lock(tx, resource.id); // one open request per org and resource
    const provider = await orgById(tx, resource.owner_org_id);
    const refusal = sharingRefusal(resource, requester.id, provider);
    if (refusal || !provider) throw SharingNotAllowed(refusal ?? undefined, { field: 'resourceId' });
    const open = await repo.findOpenRequest(tx, resource.id, requester.id);
    if (open) throw SharingDuplicate(undefined, { requestId: open.id, status: open.status });
    return { resource, provider };
  }

  approve = (ctx: RequestContext, id: string, note?: string) => this.act(ctx, id, 'approve', { note });
  reject = (ctx: RequestContext, id: string, reason: string) => this.act(ctx, id, 'reject', { reason });
  deliver = (ctx: RequestContext, id: string, note?: string) => this.act(ctx, id, 'deliver', { note });
  withdraw = (ctx: RequestContext, id: string) => this.act(ctx, id, 'withdraw', {});

  /** One move of the flow by the side it belongs to; the other side is told, and the move audited, in one go. */
  private async act(
    ctx: RequestContext,
    id: string,
    action: SharingAction,
    words: { note?: string; reason?: string },
  ): Promise<SharingRequest> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      const org = await governmentOrgOf(tx, ctx);
      const r = await this.load(tx, ctx, id, true);
      const side = actingSide(action);
      const own = side === 'provider' ? r.provider_org_id : r.requester_org_id;
      if (own !== org.id) throw SharingWrongSide(`only the ${side} department may ${action} this request`);
      const to = nextSharingStatus(r.status as SharingStatus, action);
      if (!to)
        throw SharingIllegalTransition(
          `a ${r.status} request cannot be ${action === 'withdraw' ? 'withdrawn' : `${action}d`}`,
          {
            status: r.status,
          },
        );
      const now = this.now();
      await repo.updateRequest(tx, id, {
        status: to,
        ...(words.reason !== undefined && { reason: words.reason }),
        ...(words.note !== undefined && { note: words.note }),
        ...((action === 'approve' || action === 'reject') && { decided_by: p.username, decided_at: now }),
        ...(action === 'deliver' && { delivered_at: now }),
        ...(action === 'withdraw' && { withdrawn_at: now }),
      });
      await this.tellOtherSide(tx, r, action, org, words.reason ?? words.note ?? null);
      await recordAudit(tx, ctx, {
        action: `catalog.sharing.${action}`,
        objectType: 'sharing_request',
        objectId: id,
        details: {
          from: r.status,
          to,
          resourceId: r.resource_id,
          reason: words.reason ?? null,
          note: words.note ?? null,
        },
      });
    });
    return this.get(ctx, id);
  }

  private async tellOtherSide(
    tx: Executor,
    r: SharingRow,
    action: SharingAction,
    by: OrgRow,
    why: string | null,
  ) {
    const n = NOTICES[action];
    const users =
      actingSide(action) === 'provider'
        ? [r.created_by, ...(await memberIds(tx, r.requester_org_id, ['authority']))]
        : await memberIds(tx, r.provider_org_id, ['authority']);
    await notifyUsers(tx, users, {
      kind: n.kind,
      title: n.title,
      body: `${by.name} ${n.verb}「${r.resource_title ?? r.resource_id}」的共享申请${why ? `：${why}` : '。'}`,
      params: { requestId: r.id, resourceId: r.resource_id, by: by.name, reason: why },
      link: `/sharing/requests/${r.id}`,
    });
  }

  async stats(_ctx: RequestContext, q: z.output<typeof SharingStatsQuery>): Promise<SharingStats> {
    return sharingStats(
      this.db,
      this.now(),
      q.from ? new Date(q.from) : undefined,
      q.to ? new Date(q.to) : undefined,
    );
  }
}
