import type { Grade } from '@shuliu/contracts';
import { recordAudit } from '../audit/index.js';
import { certificatesNotInForce, checkRight } from '../registry/index.js';
import { notifyOrg } from '../identity/index.js';
import { systemContext, type RequestContext } from '../shared/context.js';
import type { NegativeFacts } from './market.rules.js';
import type { Executor, MarketDeps } from './market.support.js';
import { productsRepository as products, type ProductResourceRow } from './products.repository.js';

const BATCH = 500;
const WORDS = { frozen: '已冻结', cancelled: '已注销', expired: '已过期' } as const;
const KIND_WORDS = { sector: '行业', keyword: '关键词', org: '机构', resource: '数据资源' } as const;

/**
 * Listings that no longer stand: a 数据产品经营权 certificate frozen, cancelled or expired, a licence on it
 * out of its term, or the enterprise authorization (企业授权) or authorized operation (授权运营) a resource was
 * listed under ended. Such a product is suspended (已暂停) and its seller told; the seller corrects it into a
 * draft and submits it again.
 */
export class SuspensionsService {
  constructor(private readonly deps: MarketDeps) {}

  /**
   * The periodic sweep, safe to repeat (a suspended product is not published any more): published products in
   * batches; one registry read per batch for the certificates they stand on, and a full standing check only
   * for resources held by licence or under an authorization. Returns the products it suspended.
   */
  async sweep(ctx: RequestContext = systemContext('market-suspension')): Promise<string[]> {
    const done: string[] = [];
    let after = '';
    for (;;) {
      const batch = await products.publishedAfter(this.deps.db, after, BATCH);
      if (!batch.length) return done;
      after = batch.at(-1)!.id;
      const links = await products.resourcesOf(
        this.deps.db,
        batch.map((b) => b.id),
      );
      const bad = await certificatesNotInForce(
        this.deps.db,
        batch.flatMap((b) => b.certificate_nos),
        this.deps.now(),
      );
      for (const p of batch) {
        const reason =
          p.certificate_nos.flatMap((no) => {
            const problem = bad.get(no);
            return problem ? [`数据产品经营权证书 ${no} ${WORDS[problem]}`] : [];
          })[0] ??
          (await this.authorizationEnded(
            p.org_id,
            links.filter((l) => l.product_id === p.id),
          ));
        if (reason && (await this.suspendOne(p.id, reason, ctx))) done.push(p.id);
      }
      if (batch.length < BATCH) return done;
    }
  }

  /**
   * A certificate left force (the registry tells, inside its transaction): its listings are suspended in the
   * same commit. That transaction already holds the audit and ledger heads, which a listing decision takes
   * after its product row: a row such a decision holds is left to the next sweep rather than waited for.
   */
  async certificateLeftForce(tx: Executor, c: { certNo: string; action: string; reason: string }) {
    const word = { freeze: '已冻结', expire: '已过期', cancel: '已注销' }[c.action] ?? c.action;
    const ctx = systemContext('market-suspension');
    for (const { id } of await products.publishedOnCertificate(tx, c.certNo))
      await this.suspendIn(tx, id, `数据产品经营权证书 ${c.certNo} ${word}：${c.reason}`, ctx, true);
  }

  /**
   * An entry joined the trading negative list (交易负面清单): the listings it reaches are suspended in the same
   * commit, each seller told why. Returns the products suspended.
   */
  async negativeEntryAdded(tx: Executor, e: { kind: NegativeFacts['kind']; value: string; reason: string }) {
    const ctx = systemContext('market-suspension');
    const done: string[] = [];
    for (const { id } of await products.publishedUnderNegative(tx, e))
      if (
        await this.suspendIn(
          tx,
          id,
          `列入交易负面清单（${KIND_WORDS[e.kind]}“${e.value}”）：${e.reason}`,
          ctx,
        )
      )
        done.push(id);
    return done;
  }

  /** Why a listing held by licence or under an authorization no longer stands, or null. */
  private async authorizationEnded(orgId: string, links: ProductResourceRow[]): Promise<string | null> {
    const db = this.deps.db;
    const now = this.deps.now();
    for (const l of links) {
      if (l.right_via === 'license') {
        const r = await checkRight(db, { orgId, right: 'operating', resourceId: l.resource_id }, now);
        if (!r.ok && r.problem !== 'pledged') return `经营权许可 ${r.certNo ?? ''} 不再有效（${r.problem}）`;
      }
      if (l.basis === 'owner') continue;
      const row = await this.deps.resources.row(l.resource_id, db);
      const live =
        !!row &&
        (l.basis === 'org_grant'
          ? !!(await this.deps.consent.orgGrants.grantFor(db, orgId, l.resource_id, row.grade as Grade))
          : !!(await this.deps.consent.operations.operationOf(db, orgId, l.resource_id, now)));
      if (!live)
        return `${l.basis === 'org_grant' ? '企业授权' : '公共数据授权运营'}已终止：资源 ${row?.title ?? l.resource_id}`;
    }
    return null;
  }

  private suspendOne(id: string, reason: string, ctx: RequestContext) {
    return this.deps.db.transaction().execute((tx) => this.suspendIn(tx, id, reason, ctx));
  }

  /** Suspends a product if it is still published; false when it is not (another run, or its seller, was first). */
  private async suspendIn(
    tx: Executor,
    id: string,
    reason: string,
    ctx: RequestContext,
    unlessBusy = false,
  ): Promise<boolean> {
    const row = unlessBusy ? await products.lockUnlessBusy(tx, id) : await products.lock(tx, id);
    if (row?.status !== 'published') return false;
    const now = this.deps.now();
    await products.updateAt(tx, id, row.version, {
      status: 'suspended',
      suspension_reason: reason,
      suspended_at: now,
      updated_at: now,
    });
    await notifyOrg(tx, row.org_id, ['org_admin', 'merchant'], {
      kind: 'market.product.suspended',
      title: '数据产品已暂停挂牌',
      body: `${row.title}：${reason}`,
      params: { productId: id, reason },
      link: `/market/products/${id}`,
    });
    await recordAudit(tx, ctx, {
      action: 'market.product.suspend',
      objectType: 'product',
      objectId: id,
      orgId: row.org_id,
      details: { reason, version: row.version + 1 },
    });
    return true;
  }
}
