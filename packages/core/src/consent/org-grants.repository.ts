import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { orgIsActive, orgName } from '../identity/index.js';
import type { ConsentOrgGrantsTable } from './consent.tables.js';

type Executor = Kysely<DB>;

/** An enterprise authorization with the names of both orgs. */
export type OrgGrantRow = Selectable<ConsentOrgGrantsTable> & {
  grantor_name: string | null;
  grantee_name: string | null;
};

const ORG_GRANT = sql`select e.*, ${orgName('e.grantor_org_id')} as grantor_name,
  ${orgName('e.grantee_org_id')} as grantee_name from consent_org_grants e`;

/** Which authorizations a list shows: `orgId` null for oversight (all), else the org's, one way or both. */
export interface OrgGrantFilter {
  orgId: string | null;
  box: 'granted' | 'received' | 'all';
  status?: 'active' | 'expired' | 'revoked';
  now: Date;
}

/** The queries of enterprise authorizations (企业授权). */
export const orgGrantsRepository = {
  insert: (tx: Executor, row: Insertable<ConsentOrgGrantsTable>) =>
    tx.insertInto('consent_org_grants').values(row).execute(),

  update: (tx: Executor, id: string, set: Updateable<ConsentOrgGrantsTable>) =>
    tx.updateTable('consent_org_grants').set(set).where('id', '=', id).execute(),

  /** The authorization, locked for the change that follows. */
  lock: (tx: Executor, id: string) =>
    tx.selectFrom('consent_org_grants').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  find: async (db: Executor, id: string): Promise<OrgGrantRow | undefined> =>
    (await sql<OrgGrantRow>`${ORG_GRANT} where e.id = ${id}`.execute(db)).rows[0],

  /**
   * The active authorizations to `orgId` that name the resource and have not expired at `now`, from a grantor
   * still active on the platform (a suspended grantor shares nothing meanwhile), newest first.
   */
  liveNaming: (db: Executor, orgId: string, resourceId: string, now: Date) =>
    db
      .selectFrom('consent_org_grants as e')
      .select(['e.id', 'e.max_grade', 'e.purpose', 'e.grantor_org_id'])
      .where('e.grantee_org_id', '=', orgId)
      .where('e.status', '=', 'active')
      .where(orgIsActive('e.grantor_org_id'))
      .where('e.expires_at', '>', now)
      .where(sql<boolean>`e.resource_ids @> array[${resourceId}]::text[]`)
      .orderBy('e.created_at', 'desc')
      .execute(),

  /** One page of authorizations, newest first; `status` as the API reads it (active past expiry: expired). */
  async search(db: Executor, f: OrgGrantFilter, page: number, pageSize: number) {
    const org = f.orgId;
    const box =
      org === null
        ? sql`true`
        : f.box === 'granted'
          ? sql`e.grantor_org_id = ${org}`
          : f.box === 'received'
            ? sql`e.grantee_org_id = ${org}`
            : sql`(e.grantor_org_id = ${org} or e.grantee_org_id = ${org})`;
    // the SQL twin of toOrgGrant's status: a live grant past its expiry reads expired
    const status =
      f.status === 'revoked'
        ? sql`e.status = 'revoked'`
        : f.status === 'expired'
          ? sql`e.status = 'active' and e.expires_at <= ${f.now}`
          : f.status === 'active'
            ? sql`e.status = 'active' and e.expires_at > ${f.now}`
            : sql`true`;
    const where = sql`${box} and ${status}`;
    const [rows, count] = await Promise.all([
      sql<OrgGrantRow>`${ORG_GRANT} where ${where} order by e.created_at desc, e.id desc
        limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db),
      sql<{ n: number }>`select count(*)::int as n from consent_org_grants e where ${where}`.execute(db),
    ]);
    return { rows: rows.rows, total: Number(count.rows[0]!.n) };
  },
};
