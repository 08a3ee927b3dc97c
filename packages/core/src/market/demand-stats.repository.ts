import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

type Executor = Kysely<DB>;
type Bucket = { value: string; n: number; fen: number | string | null };

/** A demand's budget for the survey: its upper end, or its lower end when open-ended. */
const BUDGET = sql`coalesce(d.budget_max_fen, d.budget_min_fen)`;
/** The bands of `budgetBand` in the contracts (yuan: 1万, 10万, 50万, 100万), in fen. */
const BAND = sql`case when ${BUDGET} is null then 'none' when ${BUDGET} < 1000000 then 'lt_10k'
  when ${BUDGET} < 10000000 then '10k_100k' when ${BUDGET} < 50000000 then '100k_500k'
  when ${BUDGET} < 100000000 then '500k_1m' else 'ge_1m' end`;

const by = async (db: Executor, key: ReturnType<typeof sql>, where = sql`true`) =>
  (
    await sql<Bucket>`select ${key} as value, count(*)::int as n, coalesce(sum(${BUDGET}), 0)::bigint as fen
      from market_demands d where ${where} group by 1 order by 2 desc, 1`.execute(db)
  ).rows;

/** 市场需求调查: the demands counted by sector, province, month (Beijing time) and budget band. */
export const demandStatsRepository = {
  async totals(db: Executor, today: string) {
    const { rows } = await sql<{ total: number; open: number; answered: number; matched: number }>`
      select count(*)::int as total,
        (count(*) filter (where d.state = 'open' and d.deadline >= ${today}::date))::int as open,
        (count(*) filter (where exists (select 1 from market_demand_answers a where a.demand_id = d.id)))::int
          as answered,
        (count(*) filter (where exists (select 1 from market_demand_matches m where m.demand_id = d.id
          and m.notified_at is not null)))::int as matched
      from market_demands d`.execute(db);
    return rows[0]!;
  },
  bySector: (db: Executor) => by(db, sql`d.sector_code`),
  byRegion: (db: Executor) => by(db, sql`coalesce(substr(d.region, 1, 2) || '0000', 'none')`),
  byBand: (db: Executor) => by(db, BAND),
  byMonth: (db: Executor, from: Date) =>
    by(db, sql`to_char(d.created_at at time zone 'Asia/Shanghai', 'YYYY-MM')`, sql`d.created_at >= ${from}`),
};
