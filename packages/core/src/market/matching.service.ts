import {
  isGoodMatch,
  MIN_MATCH_SCORE,
  scoreMatch,
  todayInChina,
  type Grade,
  type ProductFacts,
} from '@shuliu/contracts';
import { notifyOrg } from '../identity/index.js';
import type { DemandRow } from './demands.repository.js';
import type { Executor, MarketDeps } from './market.support.js';
import { matchingRepository as matches, type NewMatch } from './matching.repository.js';

/** At most this many products are scored for one demand, and kept in its ranking. */
const CANDIDATES = 200;
const KEPT = 20;

const fen = (v: number | string | null) => (v === null ? null : Number(v));

/**
 * The demand matcher: ranks listed products for a demand by the parts of `scoreMatch`, when a demand is
 * posted or changed and when a product is listed. Good matches are told to both sides once, in the
 * transaction that found them.
 */
export class MatchingService {
  constructor(private readonly deps: MarketDeps) {}

  /** Ranks the listed products for a demand and keeps the best; tells both sides of new good matches. */
  async matchDemand(tx: Executor, d: DemandRow): Promise<void> {
    const now = this.deps.now();
    const rows = await matches.candidates(tx, { sector: d.sector_code, terms: d.match_terms }, CANDIDATES);
    const facts = demandFacts(d);
    const ranked: NewMatch[] = rows
      .filter((p) => p.org_id !== d.org_id)
      .map((p) => ({ p, s: scoreMatch(facts, productFacts(p, p.matched)) }))
      .filter((x) => x.s.relevant && x.s.score >= MIN_MATCH_SCORE)
      .sort((a, b) => b.s.score - a.s.score || a.p.id.localeCompare(b.p.id))
      .slice(0, KEPT)
      .map(({ p, s }) => ({ productId: p.id, productOrg: p.org_id, score: s.score, parts: s.parts }));
    await matches.replaceFor(tx, d.id, ranked, now);
    await this.tell(tx, d, ranked, now);
  }

  /** Matches a newly listed product against the open demands near it (cheap: one query, then each pair). */
  async matchProduct(tx: Executor, productId: string): Promise<void> {
    const now = this.deps.now();
    const p = await matches.product(tx, productId);
    if (!p) return;
    for (const d of await matches.openDemandsFor(tx, productId, todayInChina(now))) {
      if (d.org_id === p.org_id) continue;
      const s = scoreMatch(
        {
          sector: d.sector_code,
          region: d.region,
          grades: d.grades as Grade[],
          budgetMaxFen: fen(d.budget_max_fen),
          termCount: d.term_count,
        },
        productFacts(p, d.matched),
      );
      if (!s.relevant || s.score < MIN_MATCH_SCORE) {
        await matches.drop(tx, d.id, p.id);
        continue;
      }
      const m = { productId: p.id, productOrg: p.org_id, score: s.score, parts: s.parts };
      await matches.upsert(tx, d.id, m, now);
      await this.tell(tx, { id: d.id, org_id: d.org_id, title: d.title }, [m], now);
    }
  }

  /** Tells the buyer (once per batch) and each seller of good matches neither was told of before. */
  private async tell(tx: Executor, d: Pick<DemandRow, 'id' | 'org_id' | 'title'>, ms: NewMatch[], now: Date) {
    const good = ms.filter((m) => isGoodMatch(m.score, m.parts as { key: string; value: number | null }[]));
    const fresh = new Set(
      await matches.markNotified(
        tx,
        d.id,
        good.map((m) => m.productId),
        now,
      ),
    );
    const told = good.filter((m) => fresh.has(m.productId));
    if (!told.length) return;
    await notifyOrg(tx, d.org_id, ['buyer'], {
      kind: 'market.demand.matched',
      title: '数据需求有新的高匹配产品',
      body: `${d.title}：${told.length} 个挂牌产品高度匹配`,
      params: { demandId: d.id, count: told.length },
      link: `/market/my/demands?demand=${d.id}`,
    });
    for (const org of new Set(told.map((m) => m.productOrg)))
      await notifyOrg(tx, org, ['merchant'], {
        kind: 'market.demand.match',
        title: '您的数据产品匹配到一条数据需求',
        body: d.title,
        params: {
          demandId: d.id,
          productIds: told.filter((m) => m.productOrg === org).map((m) => m.productId),
        },
        link: `/market/demands/${d.id}`,
      });
  }
}

const demandFacts = (d: DemandRow) => ({
  sector: d.sector_code,
  region: d.region,
  grades: d.grades as Grade[],
  budgetMaxFen: fen(d.budget_max_fen),
  termCount: d.match_terms.length,
});

const productFacts = (
  p: { sector_code: string; region: string; grade: string; price_model: unknown },
  matched: number,
): ProductFacts => ({
  sector: p.sector_code,
  region: p.region,
  grade: p.grade as Grade,
  priceModel: p.price_model as ProductFacts['priceModel'],
  matchedTerms: Number(matched),
});
