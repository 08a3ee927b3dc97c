import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { NotFound } from '../shared/errors.js';
import type { StoredField } from './consent.tables.js';

type Executor = Kysely<DB>;

export interface PersonRow {
  user_id: string;
  username: string;
  display_name: string;
  id_card_masked: string;
  birth_date: Date | string;
  guardian_user_id: string | null;
  guardian_status: 'pending' | 'confirmed' | null;
  guardian_name: string | null;
}

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
  select g.id, g.subject_user_id, u.display_name as subject_name, g.scenario_id, s.title as scenario_title,
    s.org_id, o.name as org_name, g.version_id, v.version, v.purpose, v.recipient, v.processing_method,
    v.fields as version_fields, s.current_version_id, g.fields, g.expires_at, g.granted_by, g.granted_at, g.revoked_at,
    g.replaced_by, g.separate_consent
  from consent_grants g
  join consent_scenarios s on s.id = g.scenario_id
  join consent_scenario_versions v on v.id = g.version_id
  left join users u on u.id = g.subject_user_id
  left join orgs o on o.id = s.org_id`;

export const consentRepository = {
  async findPerson(db: Executor, userId: string): Promise<PersonRow | undefined> {
    const r = await sql<PersonRow>`
      select p.user_id, u.username, u.display_name, p.id_card_masked, p.birth_date, p.guardian_user_id,
        p.guardian_status, gu.display_name as guardian_name
      from consent_persons p join users u on u.id = p.user_id
      left join users gu on gu.id = p.guardian_user_id
      where p.user_id = ${userId}`.execute(db);
    return r.rows[0];
  },

  async wardsOf(db: Executor, guardianId: string) {
    return db
      .selectFrom('consent_persons as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select(['p.user_id', 'u.display_name', 'p.guardian_status', 'p.birth_date'])
      .where('p.guardian_user_id', '=', guardianId)
      .orderBy('p.created_at')
      .execute();
  },

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

  async searchGrants(db: Executor, where: ReturnType<typeof sql>, page: number, pageSize: number) {
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
      sql<UseRow>`select c.id, c.at, c.subject_user_id, c.caller_org_id, o.name as org_name, v.scenario_id,
          s.title as scenario_title, v.version, v.fields as version_fields, c.grant_id, c.fields, c.allowed,
          c.reason
        from consent_checks c
        left join consent_scenario_versions v on v.id = c.version_id
        left join consent_scenarios s on s.id = v.scenario_id
        left join orgs o on o.id = c.caller_org_id
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
    const o = await db
      .selectFrom('orgs')
      .select(['id', 'name', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!o || o.status !== 'active') throw NotFound('organization', id);
    return o;
  },

  orgName: async (db: Executor, id: string) =>
    (await db
      .selectFrom('orgs')
      .select(['name', 'status', 'types'])
      .where('id', '=', id)
      .executeTakeFirst()) ?? null,
};
