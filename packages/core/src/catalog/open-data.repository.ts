import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { orgName } from '../identity/index.js';
import type { CatalogOpenRequestsTable } from './catalog.tables.js';

type Executor = Kysely<DB>;

/** An application with its resource's title and owner and the names of both orgs. */
export interface OpenRequestRow {
  id: string;
  resource_id: string;
  resource_title: string;
  owner_org_id: string;
  owner_org_name: string | null;
  applicant_org_id: string;
  applicant_org_name: string | null;
  purpose: string;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  decided_at: Date | null;
  created_at: Date;
}

const SELECT = sql`
  select q.*, r.title as resource_title, r.owner_org_id, ${orgName('r.owner_org_id')} as owner_org_name,
    ${orgName('q.applicant_org_id')} as applicant_org_name
  from catalog_open_requests q
  join catalog_resources r on r.id = q.resource_id`;

/** The queries of 有条件开放 applications. */
export const openDataRepository = {
  /** The application, locked for the decision that follows when `lock`. */
  find: async (db: Executor, id: string, lock = false) =>
    (
      await sql<OpenRequestRow>`${SELECT} where q.id = ${id} ${lock ? sql`for update of q` : sql``}`.execute(
        db,
      )
    ).rows[0],

  /**
   * One page of applications, newest first: all of them, those an org made (`outgoing`) or those on its
   * resources (`incoming`), in one status when given.
   */
  search: async (
    db: Executor,
    f: { orgId: string | null; box: 'all' | 'outgoing' | 'incoming'; status?: string },
    page: number,
    pageSize: number,
  ) => {
    const where = [
      f.box === 'all'
        ? sql`true`
        : f.box === 'outgoing'
          ? sql`q.applicant_org_id = ${f.orgId ?? '-'}`
          : sql`r.owner_org_id = ${f.orgId ?? '-'}`,
      f.status ? sql`q.status = ${f.status}` : sql`true`,
    ];
    const cond = sql.join(where, sql` and `);
    const [rows, count] = await Promise.all([
      sql<OpenRequestRow>`${SELECT} where ${cond} order by q.created_at desc
        limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db),
      sql<{ n: number }>`select count(*)::int as n from catalog_open_requests q
        join catalog_resources r on r.id = q.resource_id where ${cond}`.execute(db),
    ]);
    return { rows: rows.rows, total: Number(count.rows[0]!.n) };
  },

  /** The org's application on the resource in one of these statuses, if any. */
  findOf: async (db: Executor, resourceId: string, orgId: string, statuses: OpenRequestRow['status'][]) =>
    db
      .selectFrom('catalog_open_requests')
      .select('id')
      .where('resource_id', '=', resourceId)
      .where('applicant_org_id', '=', orgId)
      .where('status', 'in', statuses)
      .executeTakeFirst(),

  insert: (tx: Executor, row: Insertable<CatalogOpenRequestsTable>) =>
    tx.insertInto('catalog_open_requests').values(row).execute(),

  update: (tx: Executor, id: string, set: Updateable<CatalogOpenRequestsTable>) =>
    tx.updateTable('catalog_open_requests').set(set).where('id', '=', id).execute(),
};
