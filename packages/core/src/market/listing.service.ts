import {
  CHECK_ITEMS,
  jcs,
  type CheckItem,
  type ListingQueueQuery,
  type ListingReview,
  type ListingReviewBody,
  type Paged,
  type Product,
} from '@shuliu/contracts';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import { sm3Hex } from '../crypto/index.js';
import { memberIds, notifyOrg, userById } from '../identity/index.js';
import { notifyUsers } from '../notifications/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { DomainError, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { isUniqueViolation } from '../shared/sql.js';
import { boardsRepository as boards } from './boards.repository.js';
import { gatherFacts } from './listing.facts.js';
import {
  ChecklistFailed,
  IllegalTransition,
  NotAReviewer,
  RejectionReasonRequired,
  ReviewerConflict,
  VersionConflict,
} from './market.errors.js';
import { toProducts, toReview } from './market.mappers.js';
import { listingChecklist, type ResourceFacts } from './market.rules.js';
import { relationTo, type Executor, type MarketDeps } from './market.support.js';
import { productsRepository as products, type ProductRow } from './products.repository.js';
import { certificateNos, draftOf, type ProductsService } from './products.service.js';

type Decision = z.output<typeof ListingReviewBody>;
const SELLER_ROLES = ['org_admin', 'merchant'];

/** The first failed listing check as the error it is (409, naming the rule), with every failed item beside. */
function refusal(items: CheckItem[]): DomainError | null {
  const failed = items.filter((i) => !i.passed);
  if (!failed.length) return null;
  return new DomainError(failed[0]!.code!, failed[0]!.reason!, 409, { failed });
}

/** 挂牌: submission, compliance review (合规审查), publication in the ledger, withdrawal and forced delisting. */
export class ListingService {
  constructor(
    private readonly deps: MarketDeps,
    private readonly products: ProductsService,
  ) {}

  /** 不合规不挂牌: a submission is refused, naming the rule, unless every listing check passes. */
  async submit(ctx: RequestContext, id: string): Promise<Product> {
    await this.deps.db.transaction().execute(async (tx) => {
      const row = await this.products.lockOwn(tx, ctx, id);
      if (row.status !== 'draft' && row.status !== 'rejected')
        throw IllegalTransition(`a product ${row.status} is not submitted; edit it into a draft first`);
      const facts = await gatherFacts(this.deps, tx, draftOf(row));
      const refused = refusal(listingChecklist(facts));
      if (refused) throw refused;
      await this.deps.qualityGate?.(tx, draftOf(row).resourceIds);
      await this.move(tx, row, {
        status: 'in_review',
        submitted_at: this.deps.now(),
        certificate_nos: certificateNos(facts.resources),
        rejection_reason: null,
        suspension_reason: null,
      });
      await products.setRights(tx, id, rightsOf(facts.resources));
      const reviewers = [
        ...(await memberIds(tx, null, ['operator'])),
        ...(await boards.reviewers(tx, row.board_codes)).map((r) => r.user_id),
      ];
      await notifyUsers(tx, reviewers, {
        kind: 'market.product.submitted',
        title: '数据产品待合规审查',
        body: row.title,
        params: { productId: id },
        link: `/market/review/${id}`,
      });
      await this.audit(tx, ctx, row, 'submit', { version: row.version + 1 });
    });
    return this.products.get(ctx, id);
  }

  /**
   * 合规审查: the operator, or a reviewer of one of the product's boards (never of its own org), decides the
   * version in review. The row lock and the one-decision-per-version key make concurrent decisions one.
   */
  async decide(ctx: RequestContext, id: string, b: Decision): Promise<Product> {
    const p = requirePrincipal(ctx);
    await this.deps.keys.ensureSigningKey();
    await this.deps.db.transaction().execute(async (tx) => {
      const row = await products.lock(tx, id);
      if (!row) throw NotFound('product', id);
      const rel = await relationTo(tx, ctx, row);
      if (!hasRole(ctx, 'operator') && !rel.reviewer) throw NotAReviewer();
      if (rel.seller) throw ReviewerConflict();
      if (row.status !== 'in_review')
        throw IllegalTransition(`the product is ${row.status}: nothing to decide`);
      if (b.version !== row.version)
        throw VersionConflict(`you reviewed version ${b.version}; the product is at ${row.version}`);
      const failedItems = CHECK_ITEMS.filter((k) => !b.checklist[k].passed);
      if (b.decision === 'reject' && (!b.reason || failedItems.some((k) => !b.checklist[k].note)))
        throw RejectionReasonRequired(undefined, { field: b.reason ? 'checklist' : 'reason' });
      if (b.decision === 'approve' && failedItems.length)
        throw ChecklistFailed(`not passed: ${failedItems.join(', ')}`, { failed: failedItems });
      await this.recordDecision(tx, row, p.userId, p.orgId, b);
      if (b.decision === 'approve') await this.publish(tx, ctx, row);
      else await this.reject(tx, ctx, row, b.reason!);
    });
    return this.products.get(ctx, id);
  }

  private async recordDecision(
    tx: Executor,
    row: ProductRow,
    userId: string,
    orgId: string | null,
    b: Decision,
  ) {
    try {
      await boards.insertReview(tx, {
        id: newId('mrv'),
        product_id: row.id,
        product_version: row.version,
        reviewer_id: userId,
        reviewer_org_id: orgId,
        decision: b.decision,
        checklist: JSON.stringify(b.checklist),
        reason: b.reason ?? null,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw IllegalTransition('this version is already decided');
      throw e;
    }
  }

  /** Approval publishes: the checks once more as things stand now, then the listing.published ledger entry. */
  private async publish(tx: Executor, ctx: RequestContext, row: ProductRow) {
    const facts = await gatherFacts(this.deps, tx, draftOf(row));
    const refused = refusal(listingChecklist(facts));
    if (refused) throw refused;
    await this.deps.qualityGate?.(tx, draftOf(row).resourceIds);
    const certs = certificateNos(facts.resources);
    const listing = { v: 1, ...listingObject(row), version: row.version + 1, certificateNos: certs };
    const hash = sm3Hex(jcs(listing));
    const { firstIndex } = await this.deps.ledger.appendIn(tx, [
      {
        type: 'listing.published',
        objectType: 'product',
        objectId: row.id,
        objectSm3: hash,
        attrs: { certNos: certs, declarationHash: row.declaration_hash, version: row.version + 1 },
      },
    ]);
    await this.move(tx, row, {
      status: 'published',
      published_at: this.deps.now(),
      certificate_nos: certs,
      listing_hash: hash,
      ledger_index: firstIndex,
    });
    await products.setRights(tx, row.id, rightsOf(facts.resources));
    await this.tell(tx, row, 'published', '数据产品已挂牌', row.title);
    await this.deps.onListed?.(tx, row.id);
    await this.audit(tx, ctx, row, 'review', {
      decision: 'approve',
      listingHash: hash,
      ledgerIndex: firstIndex,
    });
  }

  private async reject(tx: Executor, ctx: RequestContext, row: ProductRow, reason: string) {
    await this.move(tx, row, { status: 'rejected', rejection_reason: reason });
    await this.tell(tx, row, 'rejected', '数据产品未通过合规审查', `${row.title}：${reason}`);
    await this.audit(tx, ctx, row, 'review', { decision: 'reject', reason });
  }

  /** 下架 by the seller: any state but withdrawn; a listed product leaves a listing.withdrawn entry. */
  async withdraw(ctx: RequestContext, id: string, reason: string): Promise<Product> {
    await this.deps.keys.ensureSigningKey();
    await this.deps.db.transaction().execute(async (tx) => {
      const row = await this.products.lockOwn(tx, ctx, id);
      await this.takeDown(tx, ctx, row, reason, 'seller');
    });
    return this.products.get(ctx, id);
  }

  /** 强制下架 by the operator, with a reason; the seller is told. */
  async delist(ctx: RequestContext, id: string, reason: string): Promise<Product> {
    await this.deps.keys.ensureSigningKey();
    await this.deps.db.transaction().execute(async (tx) => {
      const row = await products.lock(tx, id);
      if (!row) throw NotFound('product', id);
      if (row.status !== 'published' && row.status !== 'suspended')
        throw IllegalTransition(`only a listed product is delisted; this one is ${row.status}`);
      await this.takeDown(tx, ctx, row, reason, 'operator');
      await this.tell(tx, row, 'delisted', '数据产品被强制下架', `${row.title}：${reason}`);
    });
    return this.products.get(ctx, id);
  }

  private async takeDown(tx: Executor, ctx: RequestContext, row: ProductRow, reason: string, by: string) {
    if (row.status === 'withdrawn') throw IllegalTransition('the product is already withdrawn');
    const listed = row.status === 'published' || row.status === 'suspended';
    if (listed)
      await this.deps.ledger.appendIn(tx, [
        {
          type: 'listing.withdrawn',
          objectType: 'product',
          objectId: row.id,
          objectSm3: row.listing_hash ?? sm3Hex(jcs(listingObject(row))),
          attrs: { by, version: row.version + 1 },
        },
      ]);
    await this.move(tx, row, {
      status: 'withdrawn',
      withdrawn_at: this.deps.now(),
      withdrawal_reason: reason,
    });
    await this.audit(tx, ctx, row, by === 'operator' ? 'delist' : 'withdraw', { reason, listed });
  }

  async queue(ctx: RequestContext, q: z.output<typeof ListingQueueQuery>): Promise<Paged<Product>> {
    const p = requirePrincipal(ctx);
    const mine = hasRole(ctx, 'operator') ? null : await boards.boardsOf(this.deps.db, p.userId);
    const { rows, total } = await products.queue(
      this.deps.db,
      { status: q.status, boards: mine, board: q.board },
      q.page,
      q.pageSize,
    );
    return {
      items: await toProducts(this.deps.db, rows, this.deps),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** The decisions on a product, for its seller, the overseers and its reviewers. */
  async reviews(ctx: RequestContext, id: string): Promise<{ items: ListingReview[] }> {
    const row = await products.find(this.deps.db, id);
    if (!row || !(await relationTo(this.deps.db, ctx, row)).any) throw NotFound('product', id);
    const rows = await boards.reviewsOf(this.deps.db, id);
    const names = new Map<string, string>();
    for (const userId of new Set(rows.map((r) => r.reviewer_id))) {
      const u = await userById(this.deps.db, userId);
      if (u) names.set(userId, u.display_name);
    }
    return { items: rows.map((r) => toReview(r, names)) };
  }

  private async move(tx: Executor, row: ProductRow, set: Parameters<typeof products.updateAt>[3]) {
    if (!(await products.updateAt(tx, row.id, row.version, { ...set, updated_at: this.deps.now() })))
      throw VersionConflict();
  }

  private tell(tx: Executor, row: ProductRow, what: string, title: string, body: string) {
    return notifyOrg(tx, row.org_id, SELLER_ROLES, {
      kind: `market.product.${what}`,
      title,
      body,
      params: { productId: row.id },
      link: `/market/products/${row.id}`,
    });
  }

  private audit(tx: Executor, ctx: RequestContext, row: ProductRow, action: string, details: object) {
    return recordAudit(tx, ctx, {
      action: `market.product.${action}`,
      objectType: 'product',
      objectId: row.id,
      orgId: row.org_id,
      details: { from: row.status, ...details },
    });
  }
}

/** What each resource's listing stands on, as the checks found it. */
const rightsOf = (resources: ResourceFacts[]) =>
  resources.map((r) => ({ resourceId: r.id, certNo: r.right.certNo, via: r.right.via }));

/** The listing as attested in the ledger: what a buyer relies on (product hash over its RFC 8785 form). */
const listingObject = (r: ProductRow) => ({
  productId: r.id,
  orgId: r.org_id,
  title: r.title,
  summary: r.summary,
  description: r.description,
  sector: r.sector_code,
  region: r.region,
  resourceIds: draftOf(r).resourceIds,
  deliveryModes: r.delivery_modes,
  boards: r.board_codes,
  priceModel: r.price_model,
  policy: r.policy,
  scenarios: r.scenarios,
  grade: r.grade,
  declarationHash: r.declaration_hash,
});
