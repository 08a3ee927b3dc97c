import type {
  AdminLevel,
  CreateReturnFlowBody,
  Department,
  Paged,
  ReturnFlow,
  ReturnFlowBoard,
  ReturnFlowQuery,
} from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { activeOrgs, memberIds, orgById } from '../identity/index.js';
import { notifyUsers } from '../notifications/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import {
  ReturnFlowDelivered,
  ReturnFlowDuplicate,
  ReturnFlowNotProvincial,
  ReturnFlowRefused,
  SharingWrongSide,
} from './sharing.errors.js';
import {
  adminLevelOf,
  divisionOf,
  isWithin,
  ResourceIllegalTransition,
  type ResourcesService,
} from '../catalog/index.js';
import type { SharingPeriods } from './sharing.periods.js';
import { toReturnFlow } from './sharing.mappers.js';
import { sharingRepository as repo, type OrgRow, type ReturnFlowRow } from './sharing.repository.js';
import { returnFlowRefusal } from './sharing.rules.js';
import { governmentOrgOf, partyOrgOf, type Clock } from './sharing.service.js';
import { returnFlowBoard } from './sharing.stats.js';

type Executor = Kysely<DB>;

/**
 * 省级数据回流 (应返尽返): a provincial department owes the cities and counties within its province the data it
 * holds about them, within `returnFlowDays` working days; the board tracks who got theirs on time.
 */
export class ReturnFlowService {
  constructor(
    private readonly db: Executor,
    private readonly resources: ResourcesService,
    readonly periods: SharingPeriods,
    private readonly now: Clock = () => new Date(),
  ) {}

  async list(ctx: RequestContext, q: z.output<typeof ReturnFlowQuery>): Promise<Paged<ReturnFlow>> {
    const now = this.now();
    const orgId = q.box ? (requirePrincipal(ctx).orgId ?? '-') : partyOrgOf(ctx);
    const { rows, total } = await repo.searchFlows(this.db, { ...q, orgId, now }, q.page, q.pageSize);
    return { items: rows.map((r) => toReturnFlow(r, now)), total, page: q.page, pageSize: q.pageSize };
  }

  async get(ctx: RequestContext, id: string): Promise<ReturnFlow> {
    return toReturnFlow(await this.load(this.db, ctx, id), this.now());
  }

  /** Active authority orgs with their level (GB 32100 division code), optionally only those inside the caller's. */
  async departments(
    ctx: RequestContext,
    q: { level?: AdminLevel; within?: 'true' | 'false' },
  ): Promise<Department[]> {
    const p = requirePrincipal(ctx);
    const own = p.orgId ? await orgById(this.db, p.orgId) : undefined;
    const rows = await activeOrgs(this.db, { type: 'authority', by: 'uscc' });
    return rows
      .filter((o) => q.within !== 'true' || (own && o.id !== own.id && isWithin(o.uscc, own.uscc)))
      .map((o) => ({
        id: o.id,
        name: o.name,
        level: adminLevelOf(o.uscc),
        division: divisionOf(o.uscc),
        region: o.region,
      }))
      .filter((d) => !q.level || d.level === q.level);
  }

  board(ctx: RequestContext): Promise<ReturnFlowBoard> {
    return returnFlowBoard(this.db, { orgId: partyOrgOf(ctx), now: this.now() });
  }

  private async load(db: Executor, ctx: RequestContext, id: string, lock = false): Promise<ReturnFlowRow> {
    const r = lock ? await repo.lockFlow(db, id) : await repo.findFlow(db, id);
    const org = partyOrgOf(ctx);
    if (!r || (org !== null && r.from_org_id !== org && r.to_org_id !== org))
      throw NotFound('return flow', id);
    return r;
  }

  async create(ctx: RequestContext, body: z.output<typeof CreateReturnFlowBody>): Promise<ReturnFlow> {
    const p = requirePrincipal(ctx);
    const id = newId('rtf');
    await this.db.transaction().execute(async (tx) => {
      const from = await governmentOrgOf(tx, ctx);
      if (adminLevelOf(from.uscc) !== 'province') throw ReturnFlowNotProvincial();
      const resource = await this.resources.lockOwned(tx, ctx, body.resourceId);
      if (resource.status === 'retired')
        throw ResourceIllegalTransition('a retired resource is not returned');
      const to = await this.receiver(tx, from, body.toOrgId, resource.id);
      const now = this.now();
      const due = await this.periods.deadline(now, (await this.periods.sharing(tx)).returnFlowDays, tx);
      await repo.insertFlow(tx, {
        id,
        resource_id: resource.id,
        from_org_id: from.id,
        to_org_id: to.id,
        to_level: adminLevelOf(to.uscc),
        status: 'pending',
        due_at: due,
        note: body.note ?? null,
        created_by: p.userId,
        created_at: now,
      });
      await notifyUsers(tx, await memberIds(tx, to.id, ['authority']), {
        kind: 'return_flow.created',
        title: '省级数据回流待交付',
        body: `${from.name} 将向贵单位回流「${resource.title}」，应于 ${due.toISOString().slice(0, 10)} 前交付。`,
        params: { returnFlowId: id, resourceId: resource.id, from: from.name, dueAt: due.toISOString() },
        link: `/sharing/return-flows/${id}`,
      });
      await recordAudit(tx, ctx, {
        action: 'catalog.return_flow.create',
        objectType: 'return_flow',
        objectId: id,
        details: {
          resourceId: resource.id,
          toOrgId: to.id,
          toLevel: adminLevelOf(to.uscc),
          dueAt: due.toISOString(),
        },
      });
    });
    return this.get(ctx, id);
  }

  /** The receiving department, if the province may owe it this resource (within it, government, not owed yet). */
  private async receiver(tx: Executor, from: OrgRow, toOrgId: string, resourceId: string): Promise<OrgRow> {
    const to = await orgById(tx, toOrgId);
    if (!to) throw NotFound('org', toOrgId);
    if (to.status !== 'active' || !to.types.includes('authority'))
      throw ReturnFlowRefused('data is returned to an active government department', { field: 'toOrgId' });
    const refusal = returnFlowRefusal(from.uscc, to.uscc);
    if (refusal) throw ReturnFlowRefused(refusal.message, { field: 'toOrgId', rule: refusal.code });
    if (await repo.findOpenFlow(tx, resourceId, to.id))
      throw ReturnFlowDuplicate(undefined, { field: 'toOrgId' });
    return to;
  }

  /** The providing department records the return; whether it was late follows from the due date. */
  async deliver(ctx: RequestContext, id: string, note?: string): Promise<ReturnFlow> {
    await this.db.transaction().execute(async (tx) => {
      const org = await governmentOrgOf(tx, ctx);
      const r = await this.load(tx, ctx, id, true);
      if (r.from_org_id !== org.id)
        throw SharingWrongSide('only the providing department records the return');
      if (r.status !== 'pending') throw ReturnFlowDelivered(undefined, { status: r.status });
      const now = this.now();
      await repo.updateFlow(tx, id, {
        status: 'delivered',
        delivered_at: now,
        ...(note !== undefined && { note }),
      });
      const late = now.getTime() > new Date(r.due_at).getTime();
      await notifyUsers(tx, await memberIds(tx, r.to_org_id, ['authority']), {
        kind: 'return_flow.delivered',
        title: '省级回流数据已交付',
        body: `${org.name} 已交付回流数据「${r.resource_title ?? r.resource_id}」${note ? `：${note}` : '。'}`,
        params: { returnFlowId: id, resourceId: r.resource_id, late },
        link: `/sharing/return-flows/${id}`,
      });
      await recordAudit(tx, ctx, {
        action: 'catalog.return_flow.deliver',
        objectType: 'return_flow',
        objectId: id,
        details: { toOrgId: r.to_org_id, dueAt: new Date(r.due_at).toISOString(), late, note: note ?? null },
      });
    });
    return this.get(ctx, id);
  }
}
