import {
  jcs,
  todayInChina,
  type ContractDoc,
  type LicenceAvailability,
  type OrderDetail,
  type OrderQuery,
  type OrderState,
  type Paged,
  type Order,
} from '@shuliu/contracts';
import type { Updateable } from 'kysely';
import type { z } from 'zod';
import type { OrderQuery as OrderQuerySchema } from '@shuliu/contracts';
import { recordAudit } from '../audit/index.js';
import { sm3Hex } from '../crypto/index.js';
import { notifyOrg } from '../identity/index.js';
import { lockProductLicence, productForDeal, productLicence } from '../market/index.js';
import { hasRole, requirePrincipal, systemContext, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { isUniqueViolation } from '../shared/sql.js';
import { contractsRepository as contracts } from './contracts.repository.js';
import { negotiationsRepository as negotiations } from './negotiations.repository.js';
import { LIVE, ordersRepository as repo, type OrderRow } from './orders.repository.js';
import {
  billingOf,
  cancelledState,
  daysAfter,
  licenceCapacity,
  orderStepRefused,
  type OrderActor,
  type OrderStep,
} from './orders.rules.js';
import { toOrder, toOrderDetail } from './trade.mappers.js';
import {
  AcceptancePeriodOver,
  ContractNotConcluded,
  IdempotencyMismatch,
  OrderOutOfOrder,
  ProductNotOffered,
  SoldOut,
} from './trade.errors.js';
import type { Executor, TradeDeps } from './trade.support.js';
import type { TradeOrdersTable } from './trade.tables.js';

type Query = z.output<typeof OrderQuerySchema>;
type Row = NonNullable<Awaited<ReturnType<typeof repo.lock>>>;

const ROLES = { buyer: ['org_admin', 'buyer'], seller: ['org_admin', 'merchant'] };
const WORDS: Record<string, string> = {
  place: '已下单，待付款',
  pay: '已付款（平台托管）',
  deliver: '已交付，请在验收期内验收',
  accept: '已验收，款项进入结算',
  dispute: '买方提出异议，平台调解中',
  resolve: '平台已处理异议',
  cancel: '订单已取消',
  refund: '订单已取消并退款',
  lapse: '验收期届满，视为验收合格',
};

/** What a delivery mode does when the seller delivers (file copies, API keys): run in the delivering transaction. */
export type OnDelivered = (tx: Executor, order: Row) => Promise<void>;

/**
 * 订单: orders placed on concluded contracts and their escrow — the platform holds the price from payment to
 * acceptance (验收). A licence with seats or exclusivity is never oversold: seats are counted under the
 * product's row lock, one placing transaction at a time across every process on the database. Every step is
 * refused out of order with the state named, audited, told to the other party and kept in the timeline.
 */
export class OrdersService {
  private readonly delivered = new Map<string, OnDelivered>();

  constructor(private readonly deps: TradeDeps) {}

  /** Lets a delivery mode act when an order of it is delivered (in that transaction). */
  onDelivered(mode: 'file' | 'api' | 'compute' | 'report', fn: OnDelivered) {
    this.delivered.set(mode, fn);
  }

  async place(ctx: RequestContext, b: { contractNo: string; idempotencyKey: string }): Promise<OrderDetail> {
    const p = requirePrincipal(ctx);
    if (!p.orgId) throw Forbidden('an order is placed by a buyer organization');
    const buyerOrgId = p.orgId;
    const hash = sm3Hex(jcs({ contractNo: b.contractNo }));
    const again = await this.replay(ctx, buyerOrgId, b.idempotencyKey, hash);
    if (again) return again;
    const id = newId('ord');
    try {
      await this.deps.db.transaction().execute(async (tx) => {
        const c = await contracts.find(tx, b.contractNo);
        if (!c || c.buyer_org_id !== buyerOrgId) throw NotFound('contract', b.contractNo);
        if (c.state !== 'concluded')
          throw ContractNotConcluded(`contract ${c.contract_no} is ${c.state}: both parties sign it first`, {
            contractState: c.state,
          });
        const n = (await negotiations.find(tx, c.negotiation_id))!;
        const product = (await productForDeal(tx, n.product_id))!;
        // a licence with seats is counted under the product's row lock, which orders every placement on it until
        // commit; an unlimited one needs none (a listed product's licence changes only through a new review)
        const capacity = licenceCapacity(product);
        const licence = capacity === null ? product : (await lockProductLicence(tx, n.product_id))!;
        if (licence.status === 'suspended')
          throw ProductNotOffered('the listing is suspended: no order is placed on it meanwhile', {
            productId: product.id,
          });
        const live = await repo.liveOnContract(tx, c.contract_no);
        if (live)
          throw OrderOutOfOrder(`contract ${c.contract_no} already has order ${live.id} (${live.state})`, {
            orderId: live.id,
            state: live.state,
          });
        const today = todayInChina(this.deps.now());
        if (capacity !== null) {
          const held = await repo.seatsHeld(tx, product.id, today);
          if (held >= capacity)
            throw SoldOut(
              licence.exclusive
                ? 'the licence is exclusive and a live order holds it'
                : `all ${capacity} seats of the licence are held by live orders`,
              { seats: licence.seats, exclusive: licence.exclusive, held },
            );
        }
        const doc = JSON.parse(c.canonical) as ContractDoc;
        const t = n.terms;
        const bill = billingOf(t.deliveryMode, product.price_model as { kind?: string } | null, t);
        const at = this.deps.now();
        await repo.insert(tx, {
          id,
          contract_no: c.contract_no,
          product_id: product.id,
          seller_org_id: c.seller_org_id,
          buyer_org_id: buyerOrgId,
          delivery_mode: t.deliveryMode as TradeOrdersTable['delivery_mode'],
          state: 'awaiting_payment',
          billing: bill.billing,
          unit_fen: bill.unitFen,
          quota: bill.quota,
          amount_fen: bill.amountFen,
          starts_on: t.startsOn,
          ends_on: t.endsOn,
          acceptance_days: doc.acceptance.days,
          pay_by: daysAfter(at, doc.price.paymentDays),
          idempotency_key: b.idempotencyKey,
          request_hash: hash,
          created_by: p.userId,
          created_at: at,
          updated_at: at,
        });
        await repo.appendEvent(tx, {
          order_id: id,
          kind: 'place',
          side: 'buyer',
          actor_user_id: p.userId,
          state: 'awaiting_payment',
          message: `依据合同 ${c.contract_no} 下单`,
          reference: null,
        });
        await recordAudit(tx, ctx, {
          action: 'trade.order.place',
          objectType: 'order',
          objectId: id,
          details: { contractNo: c.contract_no, productId: product.id, amountFen: bill.amountFen },
        });
        await this.tell(tx, c.seller_org_id, 'seller', id, 'place', product.title);
      });
    } catch (e) {
      // the same key sent twice at once: the first one made it, the second answers as it
      if (isUniqueViolation(e)) {
        const raced = await this.replay(ctx, buyerOrgId, b.idempotencyKey, hash);
        if (raced) return raced;
      }
      throw e;
    }
    return this.get(ctx, id);
  }

  /** The buyer — or the operator, seeing the money arrive — marks the order paid into escrow. */
  pay(ctx: RequestContext, id: string, b: { reference: string }) {
    return this.step(ctx, id, 'pay', (row, at) => ({
      to: 'paid',
      set: { payment_ref: b.reference, paid_at: at },
      message: `付款流水号 ${b.reference}`,
      reference: b.reference,
      details: { reference: b.reference, amountFen: Number(row.amount_fen) },
    }));
  }

  /** The seller delivers: the acceptance period starts; the delivery mode prepares what the buyer receives. */
  deliver(ctx: RequestContext, id: string, b: { note: string | null }) {
    return this.step(ctx, id, 'deliver', (row, at) => ({
      to: 'delivered',
      set: { delivered_at: at, accept_by: daysAfter(at, row.acceptance_days) },
      message: b.note,
      details: { deliveryMode: row.delivery_mode },
      then: (tx) => this.delivered.get(row.delivery_mode)?.(tx, row),
    }));
  }

  /** The buyer accepts within the acceptance period (after it, the delivery already counts as accepted). */
  accept(ctx: RequestContext, id: string, b: { note: string | null }) {
    return this.step(ctx, id, 'accept', (row, at) => {
      this.withinPeriod(row, at);
      return {
        to: 'accepted',
        set: { accepted_at: at, accepted_how: 'buyer' },
        message: b.note,
        details: { amountFen: Number(row.amount_fen) },
      };
    });
  }

  /** The buyer objects in writing within the acceptance period: the platform mediates. */
  dispute(ctx: RequestContext, id: string, b: { reason: string }) {
    return this.step(ctx, id, 'dispute', (row, at) => {
      this.withinPeriod(row, at);
      return {
        to: 'disputed',
        set: { dispute_reason: b.reason, disputed_at: at },
        message: b.reason,
        details: { reason: b.reason },
      };
    });
  }

  /** The operator closes a dispute after mediation: accepted, or the escrow refunded to the buyer. */
  resolve(ctx: RequestContext, id: string, b: { outcome: 'accepted' | 'refunded'; reason: string }) {
    return this.step(ctx, id, 'resolve', (row, at) => ({
      to: b.outcome,
      set:
        b.outcome === 'accepted'
          ? { accepted_at: at, accepted_how: 'operator' }
          : { closed_at: at, closed_reason: b.reason, refund_ref: refundRef(row.id) },
      message: b.reason,
      reference: b.outcome === 'refunded' ? refundRef(row.id) : null,
      details: { outcome: b.outcome, reason: b.reason },
    }));
  }

  /** Either party cancels before delivery: unpaid, cancelled; paid, refunded from escrow. The seat is freed. */
  cancel(ctx: RequestContext, id: string, b: { reason: string }) {
    return this.step(ctx, id, 'cancel', (row, at) => {
      const to = cancelledState(row.state);
      const ref = to === 'refunded' ? refundRef(row.id) : null;
      return {
        to,
        set: { closed_at: at, closed_reason: b.reason, refund_ref: ref },
        message: b.reason,
        reference: ref,
        event: to === 'refunded' ? 'refund' : 'cancel',
        details: { reason: b.reason, refunded: to === 'refunded' },
      };
    });
  }

  /**
   * The platform's own steps, each safe to repeat: a delivery whose acceptance period ended is accepted
   * (视为验收合格), and an order unpaid past its payment deadline is cancelled, freeing its seat.
   */
  async sweep(limit = 200): Promise<{ lapsed: number; unpaid: number }> {
    const ctx = systemContext('trade.orders');
    const now = this.deps.now();
    const lapsed = await repo.lapsed(this.deps.db, now, limit);
    for (const { id } of lapsed)
      await this.transition(ctx, id, 'platform', null, (row) =>
        row.state === 'delivered' && row.accept_by! < now
          ? {
              to: 'accepted',
              set: { accepted_at: now, accepted_how: 'lapsed' },
              event: 'lapse',
              message: '验收期届满未提出异议，视为验收合格',
              details: { acceptBy: row.accept_by!.toISOString() },
            }
          : null,
      );
    const unpaid = await repo.unpaidPastDue(this.deps.db, now, limit);
    for (const { id } of unpaid)
      await this.transition(ctx, id, 'platform', null, (row) =>
        row.state === 'awaiting_payment' && row.pay_by < now
          ? {
              to: 'cancelled',
              set: { closed_at: now, closed_reason: 'payment deadline passed' },
              event: 'cancel',
              message: '付款期限届满未付款，订单自动取消',
              details: { payBy: row.pay_by.toISOString() },
            }
          : null,
      );
    return { lapsed: lapsed.length, unpaid: unpaid.length };
  }

  async get(ctx: RequestContext, id: string): Promise<OrderDetail> {
    const row = await repo.find(this.deps.db, id);
    if (!row || !this.actorOf(ctx, row, true)) throw NotFound('order', id);
    return toOrderDetail(row, await repo.events(this.deps.db, id));
  }

  async list(ctx: RequestContext, q: Query): Promise<Paged<Order>> {
    const p = requirePrincipal(ctx);
    const overseer = hasRole(ctx, 'operator', 'regulator');
    if (q.side === 'all' && !overseer)
      throw Forbidden('every order is listed for the operator and regulator');
    if (!p.orgId && !overseer) throw Forbidden('orders are listed for an organization');
    const everyOrder = q.side === 'all' || (overseer && !p.orgId);
    const { rows, total } = await repo.page(
      this.deps.db,
      {
        orgId: everyOrder ? undefined : p.orgId!,
        side: q.side,
        state: q.state,
        productId: q.product,
        q: q.q,
      },
      q.page,
      q.pageSize,
    );
    return { items: rows.map(toOrder), total, page: q.page, pageSize: q.pageSize };
  }

  /** What the product's licence has left today: public, as a listing shows it. */
  async availability(productId: string): Promise<LicenceAvailability> {
    const product = await productLicence(this.deps.db, productId);
    if (!product || product.status !== 'published') throw NotFound('product', productId);
    const live = await repo.seatsHeld(this.deps.db, productId, todayInChina(this.deps.now()));
    const capacity = licenceCapacity(product);
    return {
      productId,
      seats: product.seats,
      exclusive: product.exclusive,
      live,
      left: capacity === null ? null : Math.max(0, capacity - live),
    };
  }

  private withinPeriod(row: Row, at: Date) {
    if (row.accept_by && row.accept_by < at)
      throw AcceptancePeriodOver(`the acceptance period ended at ${row.accept_by.toISOString()}`, {
        acceptBy: row.accept_by.toISOString(),
      });
  }

  /** A party's (or the operator's) step: the caller's role in the order decides whether it is theirs. */
  private async step(ctx: RequestContext, id: string, step: OrderStep, plan: Plan): Promise<OrderDetail> {
    const found = await repo.find(this.deps.db, id);
    if (!found || !this.actorOf(ctx, found, true)) throw NotFound('order', id);
    const actor = this.actorOf(ctx, found, false);
    if (!actor || actor === 'overseer') throw Forbidden(`the order is the parties’ to ${step}`);
    await this.transition(ctx, id, actor, step, (row, at) => {
      const refused = orderStepRefused(row.state, actor, step);
      if (refused) throw refused;
      return plan(row, at);
    });
    return this.get(ctx, id);
  }

  private async transition(
    ctx: RequestContext,
    id: string,
    actor: OrderActor,
    step: OrderStep | null,
    plan: (row: Row, at: Date) => Planned | null,
  ) {
    await this.deps.db.transaction().execute(async (tx) => {
      const row = (await repo.lock(tx, id))!;
      const at = this.deps.now();
      const next = plan(row, at);
      if (!next) return;
      await recordAudit(tx, ctx, {
        action: `trade.order.${next.event ?? step}`,
        objectType: 'order',
        objectId: id,
        orgId: actor === 'platform' ? null : undefined,
        details: { from: row.state, to: next.to, ...next.details },
      });
      await repo.updateAt(tx, id, row.version, { ...next.set, state: next.to, updated_at: at });
      await repo.appendEvent(tx, {
        order_id: id,
        kind: next.event ?? step!,
        side: actor,
        actor_user_id: ctx.principal?.userId ?? null,
        state: next.to,
        message: next.message ?? null,
        reference: next.reference ?? null,
      });
      await next.then?.(tx);
      const title = row.product_title ?? id;
      const kind = next.event ?? step!;
      if (actor !== 'buyer') await this.tell(tx, row.buyer_org_id, 'buyer', id, kind, title);
      if (actor !== 'seller') await this.tell(tx, row.seller_org_id, 'seller', id, kind, title);
    });
  }

  /** The caller's part in the order: its buyer or seller org, the operator; overseers only read. */
  private actorOf(
    ctx: RequestContext,
    row: { buyer_org_id: string; seller_org_id: string },
    reading: boolean,
  ): OrderActor | 'overseer' | null {
    const org = ctx.principal?.orgId;
    if (org && org === row.buyer_org_id) return 'buyer';
    if (org && org === row.seller_org_id) return 'seller';
    if (hasRole(ctx, 'operator')) return 'platform';
    return reading && hasRole(ctx, 'regulator') ? 'overseer' : null;
  }

  private async replay(ctx: RequestContext, buyerOrgId: string, key: string, hash: string) {
    const found = await repo.byKey(this.deps.db, buyerOrgId, key);
    if (!found) return null;
    if (found.request_hash !== hash) throw IdempotencyMismatch(undefined, { field: 'idempotencyKey' });
    return this.get(ctx, found.id);
  }

  private tell(
    tx: Executor,
    orgId: string,
    side: 'buyer' | 'seller',
    id: string,
    kind: string,
    title: string,
  ) {
    return notifyOrg(tx, orgId, ROLES[side], {
      kind: `trade.order.${kind}`,
      title: `订单${WORDS[kind] ?? kind}`,
      body: title,
      params: { orderId: id, step: kind },
      link: `/trade/orders/${id}`,
    });
  }
}

interface Planned {
  to: OrderState;
  set: Updateable<TradeOrdersTable>;
  message?: string | null;
  reference?: string | null;
  event?: 'refund' | 'cancel' | 'lapse';
  details: Record<string, unknown>;
  then?: (tx: Executor) => Promise<void> | undefined;
}
type Plan = (row: Row, at: Date) => Planned;

/** The escrow's refund reference: the platform pays back what it holds. */
const refundRef = (orderId: string) => `REFUND-${orderId}`;

export { LIVE };
export type { OrderRow, OrderQuery };
