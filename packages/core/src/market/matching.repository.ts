import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

type Executor = Kysely<DB>;

/** A published product as the matcher sees it, with how many of the demand's words its text holds. */
export interface CandidateRow {
  id: string;
  org_id: string;
  sector_code: string;
  region: string;
  grade: string;
  price_model: unknown;
  matched: number;
}

/** An open demand as the matcher sees it, with how many of its words the product's text holds. */
export interface OpenDemandRow {
  id: string;
  org_id: string;
  title: string;
  sector_code: string;
  region: string | null;
  grades: string[];
  budget_max_fen: number | string | null;
  term_count: number;
  matched: number;
}

export interface MatchRow {
  demand_id: string;
  product_id: string;
  product_org: string;
  score: number;
  parts: unknown;
  matched_at: Date;
  notified_at: Date | null;
  product_title: string | null;
}

export interface NewMatch {
  productId: string;
  productOrg: string;
  score: number;
  parts: unknown[];
}

/** The words the text holds: one tsquery per word, counted (`t` the words, `v` the tsvector). */
const matchedSql = (terms: RawTerms, vector: string) =>
  sql<number>`(select count(*) from unnest(${terms}) t where ${sql.ref(vector)} @@ to_tsquery('simple', t))::int`;
type RawTerms = ReturnType<typeof sql>;

/** A sector and those below it, or one sharing its top level: what a sector part can score on. */
const sectorNear = (a: string, b: ReturnType<typeof sql>) =>
  sql<boolean>`(${sql.ref(a)} = ${b} or ${sql.ref(a)} like ${b} || '.%'
    or split_part(${sql.ref(a)}, '.', 1) = split_part(${b}, '.', 1))`;

/** The matcher's queries: candidates on either side, and the ranking kept per demand. */
export const matchingRepository = {
  /**
   * Published products that share a word with the demand (the GIN index on their words) or a sector near
   * it: the matcher scores these and nothing else. At most `limit`, the wordiest first.
   */
  candidates: async (db: Executor, d: { sector: string; terms: string[] }, limit: number) => {
    const terms = sql`${d.terms}::text[]`;
    const anyWord = d.terms.length
      ? sql<boolean>`p.search_vector @@ to_tsquery('simple', ${d.terms.join(' | ')})`
      : sql<boolean>`false`;
    return (
      await sql<CandidateRow>`select p.id, p.org_id, p.sector_code, p.region, p.grade, p.price_model,
          ${matchedSql(terms, 'p.search_vector')} as matched
        from market_products p
        where p.status = 'published' and (${anyWord} or ${sectorNear('p.sector_code', sql`${d.sector}`)})
        order by matched desc, p.published_at desc limit ${limit}`.execute(db)
    ).rows;
  },

  /** Open demands near a product (a shared word or a sector near it), for matching a newly listed product. */
  openDemandsFor: async (db: Executor, productId: string, today: string) =>
    (
      await sql<OpenDemandRow>`select d.id, d.org_id, d.title, d.sector_code, d.region, d.grades, d.budget_max_fen,
          cardinality(d.match_terms)::int as term_count, ${matchedSql(sql`d.match_terms`, 'p.search_vector')} as matched
        from market_products p join market_demands d
          on d.state = 'open' and d.deadline >= ${today}::date
        where p.id = ${productId} and p.status = 'published'
          and (${sectorNear('d.sector_code', sql`p.sector_code`)}
            or exists (select 1 from unnest(d.match_terms) t where p.search_vector @@ to_tsquery('simple', t)))
        order by d.id`.execute(db)
    ).rows,

  /** The product's columns the matcher reads, if listed. */
  product: async (db: Executor, productId: string) =>
    (
      await sql<
        Omit<CandidateRow, 'matched'> & { title: string }
      >`select p.id, p.org_id, p.title, p.sector_code,
        p.region, p.grade, p.price_model from market_products p
        where p.id = ${productId} and p.status = 'published'`.execute(db)
    ).rows[0],

  /** Replaces a demand's ranking; a pair kept keeps when it was told. Returns the pairs never told of. */
  async replaceFor(tx: Executor, demandId: string, matches: NewMatch[], now: Date) {
    const keep = matches.map((m) => m.productId);
    let del = tx.deleteFrom('market_demand_matches').where('demand_id', '=', demandId);
    if (keep.length) del = del.where('product_id', 'not in', keep);
    await del.execute();
    for (const m of matches) await this.upsert(tx, demandId, m, now);
  },

  /** Records one pair's score (or drops it when `m` is null). */
  async upsert(tx: Executor, demandId: string, m: NewMatch, now: Date) {
    await tx
      .insertInto('market_demand_matches')
      .values({
        demand_id: demandId,
        product_id: m.productId,
        product_org: m.productOrg,
        score: m.score,
        parts: JSON.stringify(m.parts),
        matched_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['demand_id', 'product_id']).doUpdateSet({
          score: m.score,
          parts: JSON.stringify(m.parts),
          matched_at: now,
          product_org: m.productOrg,
        }),
      )
      .execute();
  },

  drop: (tx: Executor, demandId: string, productId: string) =>
    tx
      .deleteFrom('market_demand_matches')
      .where('demand_id', '=', demandId)
      .where('product_id', '=', productId)
      .execute(),

  /** Marks pairs told; returns the ones that were not told before (so each is told once). */
  markNotified: async (tx: Executor, demandId: string, productIds: string[], now: Date) =>
    productIds.length
      ? (
          await tx
            .updateTable('market_demand_matches')
            .set({ notified_at: now })
            .where('demand_id', '=', demandId)
            .where('product_id', 'in', productIds)
            .where('notified_at', 'is', null)
            .returning('product_id')
            .execute()
        ).map((r) => r.product_id)
      : [],

  /** The ranking of demands, best first, listed products only; at most `perDemand` each. */
  ranked: async (db: Executor, demandIds: string[], perDemand: number) =>
    demandIds.length
      ? (
          await sql<MatchRow>`select * from (
              select m.*, p.title as product_title,
                row_number() over (partition by m.demand_id order by m.score desc, m.product_id) as n
              from market_demand_matches m join market_products p on p.id = m.product_id
              where m.demand_id = any(${demandIds}::text[]) and p.status = 'published') x
            where x.n <= ${perDemand} order by x.demand_id, x.score desc, x.product_id`.execute(db)
        ).rows
      : [],
};
