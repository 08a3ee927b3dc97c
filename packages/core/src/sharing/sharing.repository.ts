import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { orgName } from '../identity/index.js';
import { resourceTitle } from '../catalog/index.js';
import type { ReturnFlowsTable, SharingRequestsTable } from './sharing.tables.js';

type Executor = Kysely<DB>;

export type SharingRow = Selectable<SharingRequestsTable> & {
  resource_title: string | null;
  provider_org_name: string | null;
  requester_org_name: string | null;
};

export type ReturnFlowRow = Selectable<ReturnFlowsTable> & {
  resource_title: string | null;
  from_org_name: string | null;
  to_org_name: string | null;
};

export interface OrgRow {
  id: string;
  name: string;
  uscc: string;
  types: string[];
  region: string | null;
  status: string;
}

/** Which rows a list shows: `orgId` null means every row (operators, regulators). */
export interface PartyFilter {
  orgId: string | null;
  box?: 'incoming' | 'outgoing';
  status?: string;
  overdue?: boolean;
  now: Date;
}

/** The two org columns of a table: the one that gives (incoming for it) and the one that receives. */
type Sides = { incoming: string; outgoing: string };
const REQUEST_SIDES: Sides = { incoming: 'q.provider_org_id', outgoing: 'q.requester_org_id' };
const FLOW_SIDES: Sides = { incoming: 'q.to_org_id', outgoing: 'q.from_org_id' };

function partySql(f: PartyFilter, sides: Sides, extra: ReturnType<typeof sql>[] = []) {
  const parts = [sql`true`, ...extra];
  const mine = (col: string) => sql`${sql.ref(col)} = ${f.orgId ?? '-'}`;
  if (f.box) parts.push(mine(sides[f.box]));
  else if (f.orgId) parts.push(sql`(${mine(sides.incoming)} or ${mine(sides.outgoing)})`);
  if (f.status) parts.push(sql`q.status = ${f.status}`);
  if (f.overdue !== undefined) {
    const overdue = sql`(q.status = 'pending' and q.due_at < ${f.now})`;
    parts.push(f.overdue ? overdue : sql`not ${overdue}`);
  }
  return sql.join(parts, sql` and `);
}

const requestSelect = sql`
  select q.*, ${resourceTitle('q.resource_id')} as resource_title,
    ${orgName('q.provider_org_id')} as provider_org_name, ${orgName('q.requester_org_id')} as requester_org_name
  from sharing_requests q`;

const flowSelect = sql`
  select q.*, ${resourceTitle('q.resource_id')} as resource_title,
    ${orgName('q.from_org_id')} as from_org_name, ${orgName('q.to_org_id')} as to_org_name
  from return_flows q`;

async function page<T>(
  db: Executor,
  select: ReturnType<typeof sql>,
  table: string,
  where: ReturnType<typeof sql>,
  p: number,
  size: number,
) {
  const [rows, count] = await Promise.all([
    sql<T>`${select} where ${where} order by q.created_at desc, q.id desc
      limit ${size} offset ${(p - 1) * size}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} q where ${where}`.execute(db),
  ]);
  return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
}

export const sharingRepository = {
  findRequest: async (db: Executor, id: string) =>
    (await sql<SharingRow>`${requestSelect} where q.id = ${id}`.execute(db)).rows[0],

  /** The request locked for the rest of the transaction (every state change goes through this). */
  lockRequest: async (db: Executor, id: string) => {
    await sql`select id from sharing_requests where id = ${id} for update`.execute(db);
    return sharingRepository.findRequest(db, id);
  },

  /** An open (pending or approved) request of the org for the resource, if any. */
  findOpenRequest: (db: Executor, resourceId: string, requesterOrgId: string) =>
    db
      .selectFrom('sharing_requests')
      .select(['id', 'status'])
      .where('resource_id', '=', resourceId)
      .where('requester_org_id', '=', requesterOrgId)
      .where('status', 'in', ['pending', 'approved'])
      .executeTakeFirst(),

  searchRequests: (db: Executor, f: PartyFilter & { resourceId?: string }, p: number, size: number) =>
    page<SharingRow>(
      db,
      requestSelect,
      'sharing_requests',
      partySql(f, REQUEST_SIDES, f.resourceId ? [sql`q.resource_id = ${f.resourceId}`] : []),
      p,
      size,
    ),

  findFlow: async (db: Executor, id: string) =>
    (await sql<ReturnFlowRow>`${flowSelect} where q.id = ${id}`.execute(db)).rows[0],

  lockFlow: async (db: Executor, id: string) => {
    await sql`select id from return_flows where id = ${id} for update`.execute(db);
    return sharingRepository.findFlow(db, id);
  },

  /** Whether any sharing request exists at all. */
  anyRequest: async (db: Executor) =>
    !!(await db.selectFrom('sharing_requests').select('id').limit(1).executeTakeFirst()),

  insertRequest: (tx: Executor, row: Insertable<SharingRequestsTable>) =>
    tx.insertInto('sharing_requests').values(row).execute(),

  updateRequest: (tx: Executor, id: string, set: Updateable<SharingRequestsTable>) =>
    tx.updateTable('sharing_requests').set(set).where('id', '=', id).execute(),

  insertFlow: (tx: Executor, row: Insertable<ReturnFlowsTable>) =>
    tx.insertInto('return_flows').values(row).execute(),

  updateFlow: (tx: Executor, id: string, set: Updateable<ReturnFlowsTable>) =>
    tx.updateTable('return_flows').set(set).where('id', '=', id).execute(),

  findOpenFlow: (db: Executor, resourceId: string, toOrgId: string) =>
    db
      .selectFrom('return_flows')
      .select('id')
      .where('resource_id', '=', resourceId)
      .where('to_org_id', '=', toOrgId)
      .where('status', '=', 'pending')
      .executeTakeFirst(),

  searchFlows: (db: Executor, f: PartyFilter & { toOrgId?: string }, p: number, size: number) =>
    page<ReturnFlowRow>(
      db,
      flowSelect,
      'return_flows',
      partySql(f, FLOW_SIDES, f.toOrgId ? [sql`q.to_org_id = ${f.toOrgId}`] : []),
      p,
      size,
    ),
};

export interface SharingFiguresRow {
  requester_level: string | null;
  provider_level: string | null;
  is_total: boolean;
  requests: number;
  pending: number;
  overdue: number;
  approved: number;
  rejected: number;
  delivered: number;
  withdrawn: number;
  median_hours: number | null;
  p90_hours: number | null;
}

export interface FlowFiguresRow {
  key: string;
  name: string | null;
  level: string;
  owed: number;
  pending: number;
  overdue: number;
  on_time: number;
  late: number;
}

const hours = sql`extract(epoch from (decided_at - created_at))::float8 / 3600`;
const flowFigures = (now: Date) => sql`
  count(*)::int as owed,
  count(*) filter (where q.status = 'pending' and q.due_at >= ${now})::int as pending,
  count(*) filter (where q.status = 'pending' and q.due_at < ${now})::int as overdue,
  count(*) filter (where q.status = 'delivered' and q.delivered_at <= q.due_at)::int as on_time,
  count(*) filter (where q.status = 'delivered' and q.delivered_at > q.due_at)::int as late`;
const createdIn = (from?: Date, to?: Date) =>
  sql.join(
    [sql`true`, ...(from ? [sql`q.created_at >= ${from}`] : []), ...(to ? [sql`q.created_at < ${to}`] : [])],
    sql` and `,
  );

export const sharingStatsRepository = {
  /** Request figures per (requester level, provider level), plus one total row, from one grouping-sets pass. */
  requestFigures: async (db: Executor, now: Date, from?: Date, to?: Date) =>
    (
      await sql<SharingFiguresRow>`
        select requester_level, provider_level, grouping(requester_level, provider_level) = 3 as is_total,
          count(*)::int as requests,
          count(*) filter (where status = 'pending')::int as pending,
          count(*) filter (where status = 'pending' and due_at < ${now})::int as overdue,
          count(*) filter (where status in ('approved', 'delivered'))::int as approved,
          count(*) filter (where status = 'rejected')::int as rejected,
          count(*) filter (where status = 'delivered')::int as delivered,
          count(*) filter (where status = 'withdrawn')::int as withdrawn,
          percentile_cont(0.5) within group (order by ${hours}) filter (where decided_at is not null) as median_hours,
          percentile_cont(0.9) within group (order by ${hours}) filter (where decided_at is not null) as p90_hours
        from sharing_requests q where ${createdIn(from, to)}
        group by grouping sets ((requester_level, provider_level), ())
        order by 3, 1, 2`.execute(db)
    ).rows,

  /** Return-flow figures per receiving level. */
  flowFiguresByLevel: async (db: Executor, now: Date, from?: Date, to?: Date) =>
    (
      await sql<FlowFiguresRow>`
        select q.to_level as key, null as name, q.to_level as level, ${flowFigures(now)}
        from return_flows q where ${createdIn(from, to)} group by q.to_level order by q.to_level`.execute(db)
    ).rows,

  /** Return-flow figures per receiving org, over the flows the caller may see. */
  flowFiguresByOrg: async (db: Executor, f: PartyFilter) =>
    (
      await sql<FlowFiguresRow>`
        select q.to_org_id as key, ${orgName('q.to_org_id')} as name, q.to_level as level, ${flowFigures(f.now)}
        from return_flows q
        where ${partySql(f, FLOW_SIDES)}
        group by q.to_org_id, q.to_level order by name, q.to_org_id`.execute(db)
    ).rows,
};
