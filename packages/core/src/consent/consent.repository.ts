import type { ConsentGrant } from '@shuliu/contracts';
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { orgById, orgName, userDisplayName } from '../identity/index.js';
import { NotFound } from '../shared/errors.js';
import type { ConsentGrantsTable, StoredField } from './consent.tables.js';

type Executor = Kysely<DB>;

export interface GrantRow {
  id: string;
  subject_user_id: string;
  subject_name: string | null;
  scenario_id: string;
  scenario_title: string;
  org_id: string;
  org_name: string | null;
  version_id: string;
  version: number;
  purpose: string;
  recipient: string;
  processing_method: string;
  version_fields: StoredField[] | string;
  current_version_id: string | null;
  fields: string[];
  expires_at: Date;
  granted_by: string;
  granted_at: Date;
  revoked_at: Date | null;
  replaced_by: string | null;
  separate_consent: boolean;
}

export interface UseRow {
  id: string | number;
  at: Date;
  subject_user_id: string;
  caller_org_id: string | null;
  org_name: string | null;
  scenario_id: string | null;
  scenario_title: string | null;
  version: number | null;
  grant_id: string | null;
  fields: string[];
  version_fields: StoredField[] | string | null;
  allowed: boolean;
  reason: string;
}

const GRANT_SELECT = sql`
  select g.id, g.subject_user_id, ${userDisplayName('g.subject_user_id')} as subject_name, g.scenario_id,
    s.title as scenario_title, s.org_id, ${orgName('s.org_id')} as org_name, g.version_id, v.version, v.purpose,
    v.recipient, v.processing_method, v.fields as version_fields, s.current_version_id, g.fields, g.expires_at,
    g.granted_by, g.granted_at, g.revoked_at, g.replaced_by, g.separate_consent
  from consent_grants g
  join consent_scenarios s on s.id = g.scenario_id
  join consent_scenario_versions v on v.id = g.version_id`;

/** Whose grants a list shows: some persons', or those received by an org's scenarios (null: every grant). */
export type GrantFilter = ({ subjects: string[] } | { receivedBy: string | null }) & {
  scenarioId?: string;
  status?: ConsentGrant['status'];
  now: Date;
};

/** The SQL twin of grantStatus(): the same four states, decided in the database for paging. */
function statusSql(status: ConsentGrant['status'], at: Date) {
  const open = sql`g.revoked_at is null`;
  const current = sql`s.current_version_id = g.version_id`;
  switch (status) {
    case 'revoked':
      return sql`g.revoked_at is not null`;
    case 'superseded':
      return sql`${open} and s.current_version_id is distinct from g.version_id`;
    case 'expired':
      return sql`${open} and ${current} and g.expires_at <= ${at}`;
    case 'active':
      return sql`${open} and ${current} and g.expires_at > ${at}`;
  }
}

function grantWhere(f: GrantFilter) {
  const who =
    'subjects' in f
      ? sql`g.subject_user_id = any(${f.subjects}::text[])`
      : f.receivedBy === null
        ? sql`true`
        : sql`s.org_id = ${f.receivedBy}`;
  return sql.join(
    [
      who,
      f.scenarioId ? sql`g.scenario_id = ${f.scenarioId}` : sql`true`,
      f.status ? statusSql(f.status, f.now) : sql`true`,
    ],
    sql` and `,
  );
}

export const consentRepository = {
  findScenario(db: Executor, id: string, lock = false) {
    let q = db.selectFrom('consent_scenarios').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  versionsOf(db: Executor, scenarioIds: string[]) {
    if (!scenarioIds.length) return Promise.resolve([]);
    return db
      .selectFrom('consent_scenario_versions')
      .selectAll()
      .where('scenario_id', 'in', scenarioIds)
      .orderBy('version', 'desc')
      .execute();
  },

  findVersion(db: Executor, id: string) {
    return db.selectFrom('consent_scenario_versions').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findGrant(db: Executor, id: string, lock = false): Promise<GrantRow | undefined> {
    const r =
      await sql<GrantRow>`${GRANT_SELECT} where g.id = ${id} ${lock ? sql`for update of g` : sql``}`.execute(
        db,
      );
    return r.rows[0];
  },

  /** The person's open (neither revoked nor replaced) grant of the scenario, locked for the change that follows. */
  lockOpenGrant: (tx: Executor, subjectId: string, scenarioId: string) =>
    tx
      .selectFrom('consent_grants')
      .select(['id', 'version_id', 'expires_at'])
      .where('subject_user_id', '=', subjectId)
      .where('scenario_id', '=', scenarioId)
      .where('revoked_at', 'is', null)
      .where('replaced_by', 'is', null)
      .forUpdate()
      .executeTakeFirst(),

  insertGrant: (tx: Executor, row: Insertable<ConsentGrantsTable>) =>
    tx.insertInto('consent_grants').values(row).execute(),

  updateGrant: (tx: Executor, id: string, set: Updateable<ConsentGrantsTable>) =>
    tx.updateTable('consent_grants').set(set).where('id', '=', id).execute(),

  /** The grant a receipt belongs to. */
  receiptGrantId: async (db: Executor, receiptId: string) =>
    (
      await db
        .selectFrom('consent_receipts')
        .select('grant_id')
        .where('id', '=', receiptId)
        .executeTakeFirst()
    )?.grant_id,

  /** One page of grants, newest first. */
  async searchGrants(db: Executor, f: GrantFilter, page: number, pageSize: number) {
    const where = grantWhere(f);
    const [rows, count] = await Promise.all([
      sql<GrantRow>`${GRANT_SELECT} where ${where} order by g.granted_at desc
        limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db),
      sql<{ n: number }>`select count(*)::int as n from consent_grants g
        join consent_scenarios s on s.id = g.scenario_id where ${where}`.execute(db),
    ]);
    return { rows: rows.rows, total: Number(count.rows[0]!.n) };
  },

  /** The check log of some persons, newest first, with who checked and under which scenario version. */
  async searchUses(db: Executor, subjects: string[], grantId: string | null, page: number, pageSize: number) {
    const where = sql`c.subject_user_id = any(${subjects}::text[])
      ${grantId ? sql`and c.grant_id = ${grantId}` : sql``}`;
    const [rows, count] = await Promise.all([
      sql<UseRow>`select c.id, c.at, c.subject_user_id, c.caller_org_id, ${orgName('c.caller_org_id')} as org_name, v.scenario_id,
          s.title as scenario_title, v.version, v.fields as version_fields, c.grant_id, c.fields, c.allowed,
          c.reason
        from consent_checks c
        left join consent_scenario_versions v on v.id = c.version_id
        left join consent_scenarios s on s.id = v.scenario_id
        where ${where} order by c.at desc, c.id desc
        limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db),
      sql<{ n: number }>`select count(*)::int as n from consent_checks c where ${where}`.execute(db),
    ]);
    return { rows: rows.rows, total: Number(count.rows[0]!.n) };
  },

  receiptsOf(db: Executor, grantIds: string[]) {
    if (!grantIds.length) return Promise.resolve([]);
    return db
      .selectFrom('consent_receipts')
      .select(['id', 'grant_id', 'event', 'created_at'])
      .where('grant_id', 'in', grantIds)
      .orderBy('created_at')
      .execute();
  },

  /**
   * consent.check's one read: the newest grant of the subject for the version, and whether its version is the
   * one in force. Without `past` that is now (the hot path: one index probe); with it, as things stood at that
   * moment — only grants given by then, and the version current then (approved by then, no later version
   * approved by then) — so the platform can reconstruct a past decision.
   */
  async checkFacts(db: Executor, subjectId: string, versionId: string, past?: Date) {
    type Facts = {
      id: string;
      revoked_at: Date | null;
      expires_at: Date;
      fields: string[];
      current: boolean;
    };
    const r = past
      ? await sql<Facts>`select g.id, g.revoked_at, g.expires_at, g.fields,
            (v.reviewed_at <= ${past} and not exists (select 1 from consent_scenario_versions w
              where w.scenario_id = v.scenario_id and w.version > v.version
                and w.status in ('approved', 'superseded') and w.reviewed_at <= ${past})) as current
          from consent_grants g join consent_scenario_versions v on v.id = g.version_id
          where g.subject_user_id = ${subjectId} and g.version_id = ${versionId} and g.granted_at <= ${past}
          order by g.granted_at desc limit 1`.execute(db)
      : await sql<Facts>`select g.id, g.revoked_at, g.expires_at, g.fields,
            (s.current_version_id = g.version_id) as current
          from consent_grants g join consent_scenarios s on s.id = g.scenario_id
          where g.subject_user_id = ${subjectId} and g.version_id = ${versionId}
          order by g.granted_at desc limit 1`.execute(db);
    return r.rows[0];
  },

  /** An organization that may be a party now (active), or the 404 of a missing one. */
  async activeOrg(db: Executor, id: string) {
    const o = await orgById(db, id);
    if (!o || o.status !== 'active') throw NotFound('organization', id);
    return o;
  },

  orgName: async (db: Executor, id: string) => (await orgById(db, id)) ?? null,
};
