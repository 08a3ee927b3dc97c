import type { Complaint, ComplaintBody, ComplaintStatus, Paged } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { memberIds, notifyOrg } from '../identity/index.js';
import { notifyUsers } from '../notifications/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { iso } from '../shared/iso.js';
import { ComplaintStateConflict, NotSeller, NotYourOrder } from './complaints.errors.js';
import {
  complaintsRepository as repo,
  type ComplaintEventRow,
  type ComplaintRow,
} from './complaints.repository.js';
import {
  COMPLAINT_STEPS,
  isClosed,
  nextComplaintStatus,
  orderMayComplain,
  type ComplaintStep,
} from './complaints.rules.js';

type Executor = Kysely<DB>;

/** What a complaint needs of the order it is about and of the product's resources (the trade and the market). */
export interface ComplaintDeps {
  orderOf: (
    ctx: RequestContext,
    orderId: string,
  ) => Promise<{
    productId: string;
    productTitle: string | null;
    buyerOrgId: string;
    sellerOrgId: string;
    state: string;
  } | null>;
  productResources: (ctx: RequestContext, productId: string) => Promise<string[]>;
}

const STEP_TITLE: Record<ComplaintStep | 'file', string> = {
  file: '收到数据产品质量投诉',
  investigate: '质量投诉已受理调查',
  note: '质量投诉有新的调查记录',
  requireRectification: '质量投诉成立，要求整改',
  respond: '卖方已提交整改措施',
  confirm: '整改已确认，投诉办结',
  dismiss: '质量投诉已驳回',
};

/** 数据产品质量监督: a buyer's complaint → investigation → rectification (respond, confirm) or dismissal. */
export class ComplaintsService {
  constructor(
    private readonly db: Executor,
    private readonly deps: ComplaintDeps,
    private readonly now: () => Date,
  ) {}

  async file(ctx: RequestContext, b: ComplaintBody): Promise<Complaint> {
    const p = requirePrincipal(ctx);
    const order = await this.deps.orderOf(ctx, b.orderId).catch(() => null);
    if (!order || order.buyerOrgId !== p.orgId) throw NotYourOrder(undefined, { field: 'orderId' });
    if (!orderMayComplain(order.state))
      throw NotYourOrder(`the order is ${order.state}: a complaint needs an order that was paid for`, {
        field: 'orderId',
      });
    const resourceIds = await this.deps.productResources(ctx, order.productId).catch(() => []);
    const id = newId('qcp');
    await this.db.transaction().execute(async (tx) => {
      await repo.insert(tx, {
        id,
        order_id: b.orderId,
        product_id: order.productId,
        product_title: order.productTitle,
        resource_ids: resourceIds,
        buyer_org_id: order.buyerOrgId,
        seller_org_id: order.sellerOrgId,
        category: b.category,
        description: b.description,
        evidence_note: b.evidenceNote?.trim() || null,
        status: 'filed',
        investigator_id: null,
        filed_by: p.userId,
        closed_at: null,
      });
      await repo.addEvent(tx, {
        id: newId('qce'),
        complaint_id: id,
        action: 'file',
        actor_id: p.userId,
        note: null,
      });
      await recordAudit(tx, ctx, {
        action: 'quality.complaint.file',
        objectType: 'quality_complaint',
        objectId: id,
        details: { orderId: b.orderId, productId: order.productId, category: b.category },
      });
      await this.notify(tx, id, 'file', order.buyerOrgId, order.sellerOrgId);
      await notifyUsers(tx, await memberIds(tx, null, ['operator']), {
        kind: 'quality.complaint.file',
        title: STEP_TITLE.file,
        body: order.productTitle ?? order.productId,
        params: { id },
        link: `/quality/complaints/${id}`,
      });
    });
    return this.get(ctx, id);
  }

  /** One step of the flow on the locked complaint, refused with 409 naming its state when out of order. */
  async step(ctx: RequestContext, id: string, step: ComplaintStep, note: string): Promise<Complaint> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      const c = await repo.lock(tx, id);
      if (!c) throw NotFound('complaint', id);
      if (step === 'respond' && c.seller_org_id !== p.orgId) throw NotSeller();
      const to = nextComplaintStatus(step, c.status);
      if (!to)
        throw ComplaintStateConflict(
          `the complaint is ${c.status}: ${step} needs it ${COMPLAINT_STEPS[step].from.join(' or ')}`,
          { status: c.status },
        );
      await repo.update(tx, id, {
        status: to,
        ...(step === 'investigate' && { investigator_id: p.userId }),
        ...(isClosed(to) && { closed_at: this.now() }),
      });
      await repo.addEvent(tx, { id: newId('qce'), complaint_id: id, action: step, actor_id: p.userId, note });
      await recordAudit(tx, ctx, {
        action: `quality.complaint.${step === 'requireRectification' ? 'require_rectification' : step}`,
        objectType: 'quality_complaint',
        objectId: id,
        details: { from: c.status, to },
      });
      await this.notify(tx, id, step, c.buyer_org_id, c.seller_org_id);
    });
    return this.get(ctx, id);
  }

  async get(ctx: RequestContext, id: string): Promise<Complaint> {
    const c = await repo.find(this.db, id);
    if (!c) throw NotFound('complaint', id);
    return this.toComplaint(ctx, c, await repo.eventsOf(this.db, [id]));
  }

  /**
   * A resource's or a product's history is shown to every signed-in user (what was complained of and how it
   * ended); without either, the caller org's complaints, or all for oversight.
   */
  async list(
    ctx: RequestContext,
    q: { page: number; pageSize: number; status?: ComplaintStatus; resourceId?: string; productId?: string },
  ): Promise<Paged<Complaint>> {
    const p = requirePrincipal(ctx);
    const oversight = hasRole(ctx, 'operator', 'regulator');
    const scoped = q.resourceId || q.productId;
    if (!scoped && !oversight && !p.orgId) throw Forbidden('only members of an organization have complaints');
    const partyOrgId = scoped || oversight ? undefined : p.orgId!;
    const { rows, total } = await repo.list(this.db, { ...q, partyOrgId }, q.page, q.pageSize);
    const events = await repo.eventsOf(
      this.db,
      rows.map((r) => r.id),
    );
    const items = rows.map((r) =>
      this.toComplaint(
        ctx,
        r,
        events.filter((e) => e.complaint_id === r.id),
      ),
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  /** The parties and oversight read the description, evidence and notes; other readers see the outline. */
  private toComplaint(ctx: RequestContext, c: ComplaintRow, events: ComplaintEventRow[]): Complaint {
    const org = ctx.principal?.orgId;
    const full = hasRole(ctx, 'operator', 'regulator') || org === c.buyer_org_id || org === c.seller_org_id;
    return {
      id: c.id,
      orderId: c.order_id,
      productId: c.product_id,
      productTitle: c.product_title,
      resourceIds: c.resource_ids,
      buyerOrgId: c.buyer_org_id,
      buyerName: c.buyer_name,
      sellerOrgId: c.seller_org_id,
      sellerName: c.seller_name,
      category: c.category,
      description: full ? c.description : null,
      evidenceNote: full ? c.evidence_note : null,
      status: c.status,
      investigatorName: c.investigator_name,
      history: events.map((e) => ({
        action: e.action,
        actorName: full ? e.actor_name : null,
        note: full ? e.note : null,
        at: iso(e.at)!,
      })),
      createdAt: iso(c.created_at)!,
      closedAt: iso(c.closed_at),
    };
  }

  private async notify(
    tx: Executor,
    id: string,
    step: ComplaintStep | 'file',
    buyer: string,
    seller: string,
  ) {
    const n = {
      kind: `quality.complaint.${step}`,
      title: STEP_TITLE[step],
      body: STEP_TITLE[step],
      params: { id },
      link: `/quality/complaints/${id}`,
    };
    await notifyOrg(tx, buyer, ['buyer', 'org_admin'], n);
    await notifyOrg(tx, seller, ['merchant', 'org_admin'], n);
  }
}
