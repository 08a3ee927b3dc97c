import type { OpenDecisionBody, OpenRequest, OpenRequestQuery, Paged } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { notifyOrg } from '../identity/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { IllegalTransition, RawPersonalInfo, RequestNotAllowed } from './catalog.errors.js';
import { rawPersonalInfoReason } from './catalog.rules.js';
import { openDataRepository as repo, type OpenRequestRow } from './open-data.repository.js';
import type { ResourcesService } from './resources.service.js';

type Executor = Kysely<DB>;

const toRequest = (r: OpenRequestRow): OpenRequest => ({
  id: r.id,
  resourceId: r.resource_id,
  resourceTitle: r.resource_title,
  ownerOrgId: r.owner_org_id,
  ownerOrgName: r.owner_org_name,
  applicantOrgId: r.applicant_org_id,
  applicantOrgName: r.applicant_org_name,
  purpose: r.purpose,
  status: r.status,
  reason: r.reason,
  decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
  createdAt: new Date(r.created_at).toISOString(),
});

/** 有条件开放: an org applies to use a conditionally open resource; the owning department decides. */
export class OpenDataService {
  constructor(
    private readonly db: Executor,
    private readonly resources: ResourcesService,
  ) {}

  async apply(ctx: RequestContext, resourceId: string, purpose: string): Promise<OpenRequest> {
    const p = requirePrincipal(ctx);
    if (!p.orgId) throw Forbidden('apply on behalf of an organization');
    const id = newId('opr');
    await this.db.transaction().execute(async (tx) => {
      const r = await this.resources.load(ctx, resourceId, tx);
      if (r.status !== 'published' || r.subject_type !== 'public' || r.open_class !== 'conditional')
        throw RequestNotAllowed(
          'only published public data open on conditions (有条件开放) takes applications',
        );
      if (r.owner_org_id === p.orgId) throw RequestNotAllowed('your organization owns this resource');
      this.refusePersonal(r);
      const open = await repo.findOf(tx, resourceId, p.orgId!, ['pending', 'approved']);
      if (open)
        throw RequestNotAllowed('your organization already has a pending or approved application', {
          id: open.id,
        });
      await repo.insert(tx, {
        id,
        resource_id: resourceId,
        applicant_org_id: p.orgId!,
        applicant_user_id: p.userId,
        purpose,
        status: 'pending',
      });
      await notifyOrg(tx, r.owner_org_id, ['authority', 'org_admin'], {
        kind: 'catalog.open_request.submitted',
        title: '收到有条件开放申请',
        body: `${p.displayName} 申请使用「${r.title}」：${purpose}`,
        params: { requestId: id, resourceId },
        link: `/catalog/open-requests`,
      });
      await recordAudit(tx, ctx, {
        action: 'catalog.open_request.create',
        objectType: 'open_request',
        objectId: id,
        details: { resourceId, purpose },
      });
    });
    return this.get(ctx, id);
  }

  async decide(
    ctx: RequestContext,
    id: string,
    body: z.output<typeof OpenDecisionBody>,
  ): Promise<OpenRequest> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      const q = await this.find(tx, id, true);
      if (q.owner_org_id !== p.orgId) throw NotFound('open request', id);
      if (q.status !== 'pending') throw IllegalTransition(`the application is already ${q.status}`);
      if (body.approve) this.refusePersonal((await this.resources.row(q.resource_id, tx))!);
      const status = body.approve ? 'approved' : 'rejected';
      await repo.update(tx, id, {
        status,
        reason: body.reason ?? null,
        decided_by: p.userId,
        decided_at: new Date(),
      });
      await notifyOrg(tx, q.applicant_org_id, [], {
        kind: `catalog.open_request.${status}`,
        title: body.approve ? '有条件开放申请已通过' : '有条件开放申请未通过',
        body: `「${q.resource_title}」${body.approve ? '可下载使用' : `：${body.reason}`}`,
        params: { requestId: id, resourceId: q.resource_id, reason: body.reason ?? null },
        link: `/catalog/resources/${q.resource_id}`,
      });
      await recordAudit(tx, ctx, {
        action: 'catalog.open_request.decide',
        objectType: 'open_request',
        objectId: id,
        details: { status, reason: body.reason ?? null, resourceId: q.resource_id },
      });
    });
    return this.get(ctx, id);
  }

  async get(ctx: RequestContext, id: string): Promise<OpenRequest> {
    const q = await this.find(this.db, id);
    const org = ctx.principal?.orgId;
    if (!hasRole(ctx, 'operator', 'regulator') && org !== q.owner_org_id && org !== q.applicant_org_id)
      throw NotFound('open request', id);
    return toRequest(q);
  }

  async list(ctx: RequestContext, f: z.output<typeof OpenRequestQuery>): Promise<Paged<OpenRequest>> {
    const p = requirePrincipal(ctx);
    // only the supervisors see every application; anyone else asking for all sees those on their resources
    const box = f.box === 'all' && !hasRole(ctx, 'operator', 'regulator') ? 'incoming' : f.box;
    const { rows, total } = await repo.search(
      this.db,
      { orgId: p.orgId, box, status: f.status },
      f.page,
      f.pageSize,
    );
    return { items: rows.map(toRequest), total, page: f.page, pageSize: f.pageSize };
  }

  /** PIPL Art. 23: 有条件开放 hands the data to the applicant, so personal information in the clear never qualifies. */
  private refusePersonal(r: Parameters<typeof rawPersonalInfoReason>[0]) {
    const personal = rawPersonalInfoReason(r);
    if (personal)
      throw RawPersonalInfo(
        `有条件开放 would hand it to the applicant, but ${personal}; open a masked derivative`,
      );
  }

  /** Whether `orgId` holds an approved application for the resource (it may then download its files). */
  async isApproved(orgId: string, resourceId: string): Promise<boolean> {
    return !!(await repo.findOf(this.db, resourceId, orgId, ['approved']));
  }

  private async find(db: Executor, id: string, lock = false): Promise<OpenRequestRow> {
    const r = await repo.find(db, id, lock);
    if (!r) throw NotFound('open request', id);
    return r;
  }
}
