import {
  type CounterBody,
  categoriesHeld,
  jcs,
  uncoveredCategories,
  type NegotiationQuery,
  type StartNegotiationBody,
  type StepBody,
  type TerminateBody,
  type Negotiation,
  type NegotiationSummary,
  type OrgType,
  type Paged,
  type UsagePolicy,
} from '@shuliu/contracts';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import { identifierKindsOf, resourcesAboutPersons } from '../catalog/index.js';
import { fieldsOf, scenarioVersionOf } from '../consent/index.js';
import { sm3Hex } from '../crypto/index.js';
import { notifyOrg, orgById } from '../identity/index.js';
import { productForDeal } from '../market/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { DomainError, Forbidden, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { isUniqueViolation } from '../shared/sql.js';
import { negotiationsRepository as repo, type NegotiationRow } from './negotiations.repository.js';
import { toNegotiation, toSummary } from './trade.mappers.js';
import {
  ConsentScenarioRequired,
  IdempotencyMismatch,
  OwnProduct,
  ProductNotOffered,
} from './trade.errors.js';
import {
  changedFields,
  nextState,
  termsFitProduct,
  termsRow,
  termsWithinPolicy,
  type Side,
  type Step,
} from './trade.rules.js';
import type { Executor, TradeDeps } from './trade.support.js';
import type { TermsRow } from './trade.tables.js';

type Start = z.output<typeof StartNegotiationBody>;
type Counter = z.output<typeof CounterBody>;
type StepInput = z.output<typeof StepBody>;
type Terminate = z.output<typeof TerminateBody>;
type Product = NonNullable<Awaited<ReturnType<typeof productForDeal>>>;

const SELLER_ROLES = ['org_admin', 'merchant'];
const BUYER_ROLES = ['org_admin', 'buyer'];
const WORDS: Record<Step, string> = {
  request: '提出交易请求',
  offer: '提出报价',
  accept: '接受报价',
  agree: '同意成交',
  terminate: '终止磋商',
};

/** What a request was, for its idempotency key: the same key with another request is refused. */
const hashOf = (body: object) => {
  const { idempotencyKey: _, ...rest } = body as Record<string, unknown>;
  return sm3Hex(jcs(rest));
};

/**
 * 交易磋商: contract negotiation between a buyer and a seller on a listed product, in the Dataspace Protocol's
 * states — request, offer, counter-offers on price, term, scope and the policy's context for as many rounds
 * as needed, acceptance, the seller's agreement (or the platform's, where the seller turned automatic
 * agreement on), termination. Every step is idempotent on its key, checked against the offer's ODRL policy,
 * audited, told to the other side and kept in the timeline both sides see.
 */
export class NegotiationsService {
  constructor(private readonly deps: TradeDeps) {}

  async start(ctx: RequestContext, b: Start): Promise<Negotiation> {
    const p = requirePrincipal(ctx);
    if (!p.orgId) throw Forbidden('a negotiation is started by a buyer organization');
    const buyerOrgId = p.orgId;
    const hash = hashOf(b);
    const again = await this.replay(ctx, buyerOrgId, b.idempotencyKey, hash);
    if (again) return again;
    const id = newId('ngt');
    try {
      await this.deps.db.transaction().execute(async (tx) => {
        const product = await productForDeal(tx, b.productId);
        if (!product) throw NotFound('product', b.productId);
        if (product.status !== 'published')
          throw ProductNotOffered(`the product is ${product.status}, not listed`, { productId: b.productId });
        if (product.org_id === buyerOrgId) throw OwnProduct();
        const terms = termsRow(b.terms);
        await this.checkTerms(tx, product, terms, buyerOrgId);
        await repo.insert(tx, {
          id,
          product_id: product.id,
          seller_org_id: product.org_id,
          buyer_org_id: buyerOrgId,
          state: 'requested',
          terms: JSON.stringify(terms),
          idempotency_key: b.idempotencyKey,
          request_hash: hash,
          created_by: p.userId,
        });
        await repo.appendEvent(tx, {
          negotiation_id: id,
          kind: 'request',
          side: 'buyer',
          actor_user_id: p.userId,
          state: 'requested',
          terms: JSON.stringify(terms),
          message: b.message,
          idempotency_key: b.idempotencyKey,
          request_hash: hash,
        });
        await recordAudit(tx, ctx, {
          action: 'trade.negotiation.request',
          objectType: 'negotiation',
          objectId: id,
          details: { productId: product.id, sellerOrgId: product.org_id, priceFen: terms.priceFen },
        });
        await this.tell(tx, product.org_id, SELLER_ROLES, id, 'request', product.title);
        await this.autoAgree(tx, ctx, id, product, terms);
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

  /** New terms on the table: the seller offers or counters, the buyer counters. */
  counter(ctx: RequestContext, id: string, b: Counter): Promise<Negotiation> {
    return this.move(ctx, id, (side) => (side === 'buyer' ? 'request' : 'offer'), b, b.terms);
  }

  accept(ctx: RequestContext, id: string, b: StepInput): Promise<Negotiation> {
    return this.move(ctx, id, () => 'accept', b);
  }

  agree(ctx: RequestContext, id: string, b: StepInput): Promise<Negotiation> {
    return this.move(ctx, id, () => 'agree', b);
  }

  terminate(ctx: RequestContext, id: string, b: Terminate): Promise<Negotiation> {
    return this.move(ctx, id, () => 'terminate', { message: b.reason, idempotencyKey: b.idempotencyKey });
  }

  /** The seller's standing choice: agree at once to a request on the listed price within the policy. */
  async setAutoAccept(ctx: RequestContext, productId: string, enabled: boolean) {
    const p = requirePrincipal(ctx);
    await this.deps.db.transaction().execute(async (tx) => {
      const product = await productForDeal(tx, productId);
      if (!product || product.org_id !== p.orgId) throw NotFound('product', productId);
      await repo.setAutoAccept(tx, productId, enabled, p.userId);
      await recordAudit(tx, ctx, {
        action: 'trade.auto_accept.set',
        objectType: 'product',
        objectId: productId,
        details: { enabled },
      });
    });
    return { productId, enabled };
  }

  /** The seller's standing choice as it stands (off until set); other orgs' products are not found. */
  async autoAcceptOf(ctx: RequestContext, productId: string) {
    const p = requirePrincipal(ctx);
    const product = await productForDeal(this.deps.db, productId);
    if (!product || product.org_id !== p.orgId) throw NotFound('product', productId);
    return { productId, enabled: await repo.autoAccept(this.deps.db, productId) };
  }

  async get(ctx: RequestContext, id: string): Promise<Negotiation> {
    const row = await repo.find(this.deps.db, id);
    if (!row || !this.sideOf(ctx, row, true)) throw NotFound('negotiation', id);
    return toNegotiation(row, await repo.events(this.deps.db, id));
  }

  async list(ctx: RequestContext, q: z.output<typeof NegotiationQuery>): Promise<Paged<NegotiationSummary>> {
    const org = requirePrincipal(ctx).orgId ?? '-';
    const { rows, total } = await repo.page(this.deps.db, org, q, q.page, q.pageSize);
    return { items: rows.map(toSummary), total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * One step by the side the caller's org is on: the same key again answers as the first time; the state
   * decides whether the step is theirs (409 naming the state); new terms are checked like a request's.
   */
  private async move(
    ctx: RequestContext,
    id: string,
    stepOf: (side: Side) => Step,
    b: { message: string | null; idempotencyKey: string },
    newTerms?: Counter['terms'],
  ): Promise<Negotiation> {
    const p = requirePrincipal(ctx);
    const hash = hashOf({ ...b, terms: newTerms ?? null });
    await this.deps.db.transaction().execute(async (tx) => {
      const row = await repo.lock(tx, id);
      const side = row && (this.sideOf(ctx, row, false) as Side | null);
      if (!row || !side) throw NotFound('negotiation', id);
      const step = stepOf(side);
      const done = await repo.eventByKey(tx, id, side, b.idempotencyKey);
      if (done) {
        if (done.request_hash !== hash) throw IdempotencyMismatch(undefined, { field: 'idempotencyKey' });
        return;
      }
      const next = nextState(row.state, side, step);
      if (next instanceof DomainError) throw next;
      const product = (await productForDeal(tx, row.product_id))!;
      let terms: TermsRow = row.terms;
      if (newTerms) {
        terms = termsRow(newTerms);
        await this.checkTerms(tx, product, terms, row.buyer_org_id);
      }
      const ok = await repo.updateAt(tx, id, row.version, {
        state: next,
        terms: JSON.stringify(terms),
        round: newTerms ? row.round + 1 : row.round,
        termination_reason: step === 'terminate' ? b.message : null,
        updated_at: this.deps.now(),
      });
      if (!ok)
        throw new DomainError('TRADE_NOT_YOUR_MOVE', 'the negotiation moved meanwhile: reload it', 409);
      await repo.appendEvent(tx, {
        negotiation_id: id,
        kind: step,
        side,
        actor_user_id: p.userId,
        state: next,
        terms: newTerms ? JSON.stringify(terms) : null,
        changed: newTerms ? changedFields(row.terms, terms) : [],
        message: b.message,
        idempotency_key: b.idempotencyKey,
        request_hash: hash,
      });
      await recordAudit(tx, ctx, {
        action: `trade.negotiation.${step}`,
        objectType: 'negotiation',
        objectId: id,
        details: { from: row.state, to: next, side, ...(newTerms && { priceFen: terms.priceFen }) },
      });
      if (next === 'agreed') await this.deps.onAgreed?.(tx, id);
      const other = side === 'buyer' ? row.seller_org_id : row.buyer_org_id;
      await this.tell(tx, other, side === 'buyer' ? SELLER_ROLES : BUYER_ROLES, id, step, product.title);
    });
    return this.get(ctx, id);
  }

  /**
   * The terms as the product and the law allow them: one of its delivery modes; within its ODRL policy (the
   * failing constraint named); and for data about persons, a consent scenario of the buyer's, approved.
   */
  private async checkTerms(tx: Executor, product: Product, t: TermsRow, buyerOrgId: string) {
    const misfit = termsFitProduct(t, {
      deliveryModes: product.delivery_modes,
      priceModel: product.price_model as { kind?: string } | null,
    });
    if (misfit) throw misfit;
    const buyer = await orgById(tx, buyerOrgId);
    const refused = termsWithinPolicy(product.policy as UsagePolicy | null, t, {
      orgId: buyerOrgId,
      orgTypes: (buyer?.types ?? []) as OrgType[],
    });
    if (refused) throw refused;
    const persons = await resourcesAboutPersons(tx, product.resourceIds);
    if (!persons.length) return;
    if (!t.scenarioVersionId)
      throw ConsentScenarioRequired(undefined, { field: 'terms.scenarioVersionId', resourceIds: persons });
    const v = await scenarioVersionOf(tx, t.scenarioVersionId);
    if (!v || v.org_id !== buyerOrgId || v.status !== 'approved')
      throw ConsentScenarioRequired(
        `the consent scenario version ${t.scenarioVersionId} is not an approved scenario of the buyer`,
        { field: 'terms.scenarioVersionId' },
      );
    // the persons consent to the version's fields: it asks for every category of information the data holds
    for (const id of persons) {
      const kinds = await identifierKindsOf(tx, id);
      const missing = uncoveredCategories(categoriesHeld(kinds), fieldsOf(v));
      if (missing.length)
        throw ConsentScenarioRequired(
          `the consent scenario version ${t.scenarioVersionId} asks for no ${missing.join(', ')} information, which resource ${id} holds (${kinds.join(', ')})`,
          { field: 'terms.scenarioVersionId', resourceId: id, categories: missing },
        );
    }
  }

  /** Where the seller turned it on: a request on the listed price (or more) is agreed by the platform at once. */
  private async autoAgree(tx: Executor, ctx: RequestContext, id: string, product: Product, t: TermsRow) {
    if (!(await repo.autoAccept(tx, product.id))) return;
    if (product.price_fen === null || t.priceFen < product.price_fen) return;
    await repo.updateAt(tx, id, 1, { state: 'agreed', updated_at: this.deps.now() });
    await repo.appendEvent(tx, {
      negotiation_id: id,
      kind: 'agree',
      side: 'platform',
      actor_user_id: null,
      state: 'agreed',
      terms: null,
      message: '卖方已开启自动成交：按挂牌价格且符合使用策略的请求自动同意',
    });
    await recordAudit(tx, ctx, {
      action: 'trade.negotiation.agree',
      objectType: 'negotiation',
      objectId: id,
      details: { from: 'requested', to: 'agreed', side: 'platform', auto: true },
    });
    await this.deps.onAgreed?.(tx, id);
  }

  /** The negotiation as the caller found it again by its key, or null for a new key (409 for another request). */
  private async replay(ctx: RequestContext, buyerOrgId: string, key: string, hash: string) {
    const found = await repo.byKey(this.deps.db, buyerOrgId, key);
    if (!found) return null;
    if (found.request_hash !== hash) throw IdempotencyMismatch(undefined, { field: 'idempotencyKey' });
    return this.get(ctx, found.id);
  }

  /** The caller's side, by its org; overseers read (`reading`) but take no side. */
  private sideOf(
    ctx: RequestContext,
    row: { buyer_org_id: string; seller_org_id: string },
    reading: boolean,
  ) {
    const org = ctx.principal?.orgId;
    if (org && org === row.buyer_org_id) return 'buyer' as const;
    if (org && org === row.seller_org_id) return 'seller' as const;
    return reading && hasRole(ctx, 'operator', 'regulator') ? ('overseer' as const) : null;
  }

  private tell(tx: Executor, orgId: string, roles: string[], id: string, step: Step, title: string) {
    return notifyOrg(tx, orgId, roles, {
      kind: `trade.negotiation.${step}`,
      title: `交易磋商：对方${WORDS[step]}`,
      body: title,
      params: { negotiationId: id, step },
      link: `/trade/negotiations/${id}`,
    });
  }
}

export type { NegotiationRow };
