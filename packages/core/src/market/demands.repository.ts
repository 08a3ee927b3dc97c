import { sql, type Insertable, type Kysely, type RawBuilder, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { DemandState, MarketDemandAnswersTable, MarketDemandsTable } from './demands.tables.js';

type Executor = Kysely<DB>;

export interface DemandRow {
  id: string;
  org_id: string;
  author_id: string;
  title: string;
  description: string;
  purpose: string;
  sector_code: string;
  region: string | null;
  grades: string[];
  budget_min_fen: number | string | null;
  budget_max_fen: number | string | null;
  deadline: string;
  state: DemandState;
  close_reason: string | null;
  version: number;
  match_terms: string[];
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  match_count: number;
  answer_count: number;
}

/** Every column a view needs, of the row `d`, with the counts of its matches (listed ones) and answers. */
const COLUMNS = sql`d.id, d.org_id, d.author_id, d.title, d.description, d.purpose, d.sector_code, d.region,
  d.grades, d.budget_min_fen, d.budget_max_fen, d.deadline::text as deadline, d.state, d.close_reason, d.version,
  d.match_terms, d.created_at, d.updated_at, d.closed_at,
  (select count(*) from market_demand_matches m join market_products p on p.id = m.product_id
    where m.demand_id = d.id and p.status = 'published')::int as match_count,
  (select count(*) from market_demand_answers a where a.demand_id = d.id and a.state = 'open')::int as answer_count`;

/** A demand that takes answers: open and not past its last day. */
const openOn = (today: string) => sql<boolean>`d.state = 'open' and d.deadline >= ${today}::date`;

/** A state as read: an open demand past its deadline is expired whether or not the job has recorded it. */
function stateSql(state: DemandState, today: string): RawBuilder<boolean> {
  if (state === 'open') return openOn(today);
  if (state === 'expired')
    return sql<boolean>`(d.state = 'expired' or (d.state = 'open' and d.deadline < ${today}::date))`;
  return sql<boolean>`d.state = 'closed'`;
}

/** The demand board's filters. */
export interface DemandFilter {
  today: string;
  tsquery: string | null;
  sector?: string[];
  /** A GB/T 2260 prefix: demands for the division and those within it. */
  regionPrefix?: string;
  sort: 'relevance' | 'newest' | 'deadline' | 'budget_desc';
}

function boardWhere(f: DemandFilter, skip?: 'sector' | 'region') {
  const parts = [openOn(f.today)];
  if (f.tsquery) parts.push(sql<boolean>`d.search_vector @@ to_tsquery('simple', ${f.tsquery})`);
  if (skip !== 'sector' && f.sector?.length)
    parts.push(sql<boolean>`d.sector_code = any(${f.sector}::text[])`);
  if (skip !== 'region' && f.regionPrefix) parts.push(sql<boolean>`d.region like ${`${f.regionPrefix}%`}`);
  return sql.join(parts, sql` and `);
}

function boardOrder(f: DemandFilter) {
  if (f.sort === 'relevance' && f.tsquery)
    return sql`ts_rank(d.search_vector, to_tsquery('simple', ${f.tsquery})) desc, d.created_at desc, d.id`;
  if (f.sort === 'deadline') return sql`d.deadline, d.id`;
  if (f.sort === 'budget_desc')
    return sql`coalesce(d.budget_max_fen, d.budget_min_fen) desc nulls last, d.id`;
  return sql`d.created_at desc, d.id`;
}

/** The queries of demands, their matches and the sellers' answers. */
export const demandsRepository = {
  insert: (tx: Executor, row: Insertable<MarketDemandsTable>) =>
    tx.insertInto('market_demands').values(row).execute(),

  /** Changes the demand if it is still at `version`, moving it to the next; false when it moved meanwhile. */
  async updateAt(tx: Executor, id: string, version: number, set: Updateable<MarketDemandsTable>) {
    const r = await tx
      .updateTable('market_demands')
      .set({ ...set, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  find: async (db: Executor, id: string) =>
    (await sql<DemandRow>`select ${COLUMNS} from market_demands d where d.id = ${id}`.execute(db)).rows[0],

  /** The row locked for the change that follows. */
  lock: async (tx: Executor, id: string) =>
    (
      await sql<DemandRow>`select ${COLUMNS} from market_demands d where d.id = ${id} for update of d`.execute(
        tx,
      )
    ).rows[0],

  /** One page of the board: open demands in its order, and how many there are. */
  async board(db: Executor, f: DemandFilter, page: number, size: number) {
    const [rows, count] = await Promise.all([
      sql<DemandRow>`select ${COLUMNS} from market_demands d where ${boardWhere(f)}
        order by ${boardOrder(f)} limit ${size} offset ${(page - 1) * size}`.execute(db),
      sql<{ n: number }>`select count(*)::int as n from market_demands d where ${boardWhere(f)}`.execute(db),
    ]);
    return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
  },

  /** The board's facets, each ignoring its own filter: sectors, and provinces (`none`: any region). */
  async boardFacets(db: Executor, f: DemandFilter) {
    const [sectors, regions] = await Promise.all([
      sql<{
        value: string;
        n: number;
      }>`select d.sector_code as value, count(*)::int as n from market_demands d
        where ${boardWhere(f, 'sector')} group by 1 order by 2 desc, 1 limit 50`.execute(db),
      sql<{ value: string; n: number }>`select coalesce(substr(d.region, 1, 2) || '0000', 'none') as value,
        count(*)::int as n from market_demands d where ${boardWhere(f, 'region')} group by 1 order by 2 desc, 1`.execute(
        db,
      ),
    ]);
    return { sector: sectors.rows, region: regions.rows };
  },

  /** One org's demands in a state (as read) or any, newest change first. */
  async mine(
    db: Executor,
    orgId: string,
    state: DemandState | undefined,
    today: string,
    page: number,
    size: number,
  ) {
    const where = state ? sql`d.org_id = ${orgId} and ${stateSql(state, today)}` : sql`d.org_id = ${orgId}`;
    const [rows, count] = await Promise.all([
      sql<DemandRow>`select ${COLUMNS} from market_demands d where ${where}
        order by d.updated_at desc, d.id limit ${size} offset ${(page - 1) * size}`.execute(db),
      sql<{ n: number }>`select count(*)::int as n from market_demands d where ${where}`.execute(db),
    ]);
    return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
  },

  /** Open demands past their last day, locked (skipping any a request holds): the expiry job's batch. */
  dueToExpire: (tx: Executor, today: string, limit: number) =>
    tx
      .selectFrom('market_demands')
      .select(['id', 'org_id', 'title', 'version'])
      .where('state', '=', 'open')
      .where(sql<boolean>`deadline < ${today}::date`)
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute(),

  insertAnswer: (tx: Executor, row: Insertable<MarketDemandAnswersTable>) =>
    tx.insertInto('market_demand_answers').values(row).execute(),

  /** Answers with their demand's and product's titles: of one demand, or one org's (newest first). */
  async answers(db: Executor, by: { demandId: string } | { orgId: string }, page = 1, size = 200) {
    const where =
      'demandId' in by ? sql`a.demand_id = ${by.demandId} and a.state = 'open'` : sql`a.org_id = ${by.orgId}`;
    const [rows, count] = await Promise.all([
      sql<AnswerRow>`select a.*, d.title as demand_title, p.title as product_title
        from market_demand_answers a join market_demands d on d.id = a.demand_id
        left join market_products p on p.id = a.product_id
        where ${where} order by a.created_at desc, a.id limit ${size} offset ${(page - 1) * size}`.execute(
        db,
      ),
      sql<{ n: number }>`select count(*)::int as n from market_demand_answers a where ${where}`.execute(db),
    ]);
    return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
  },

  findAnswer: async (db: Executor, id: string) =>
    (
      await sql<AnswerRow>`select a.*, d.title as demand_title, p.title as product_title
        from market_demand_answers a join market_demands d on d.id = a.demand_id
        left join market_products p on p.id = a.product_id where a.id = ${id}`.execute(db)
    ).rows[0],
};

export interface AnswerRow {
  id: string;
  demand_id: string;
  org_id: string;
  product_id: string;
  message: string;
  price_fen: number | string | null;
  state: 'open' | 'withdrawn';
  created_by: string;
  created_at: Date;
  updated_at: Date;
  demand_title: string | null;
  product_title: string | null;
}
