import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { orgName } from '../identity/index.js';
import type { ConsentScenariosTable, ConsentScenarioVersionsTable } from './consent.tables.js';

type Executor = Kysely<DB>;

/** Who may see which scenarios in a list: an org its own, everyone the approved ones, oversight all. */
export interface ScenarioFilter {
  orgId: string | null;
  all: boolean;
  mine: boolean;
  status?: ConsentScenarioVersionsTable['status'];
}

/** The queries of scenarios, their versions and persons' refusals (the service decides, these read and write). */
export const scenariosRepository = {
  insertScenario: (tx: Executor, row: Insertable<ConsentScenariosTable>) =>
    tx.insertInto('consent_scenarios').values(row).execute(),

  updateScenario: (tx: Executor, id: string, set: Updateable<ConsentScenariosTable>) =>
    tx.updateTable('consent_scenarios').set(set).where('id', '=', id).execute(),

  insertVersion: (tx: Executor, row: Insertable<ConsentScenarioVersionsTable>) =>
    tx.insertInto('consent_scenario_versions').values(row).execute(),

  updateVersion: (tx: Executor, id: string, set: Updateable<ConsentScenarioVersionsTable>) =>
    tx.updateTable('consent_scenario_versions').set(set).where('id', '=', id).execute(),

  refusedAt: async (tx: Executor, subjectId: string, scenarioId: string) =>
    (
      await tx
        .selectFrom('consent_refusals')
        .select('refused_at')
        .where('subject_user_id', '=', subjectId)
        .where('scenario_id', '=', scenarioId)
        .executeTakeFirst()
    )?.refused_at ?? null,

  /** Records a refusal, or moves the last one to `at`. */
  refuse: (tx: Executor, subjectId: string, scenarioId: string, at: Date) =>
    tx
      .insertInto('consent_refusals')
      .values({ subject_user_id: subjectId, scenario_id: scenarioId, refused_at: at })
      .onConflict((oc) => oc.columns(['subject_user_id', 'scenario_id']).doUpdateSet({ refused_at: at }))
      .execute(),

  /** One page of scenarios the filter lets the caller see, newest change first, with the org's name. */
  async search(db: Executor, f: ScenarioFilter, page: number, pageSize: number) {
    const org = f.orgId ?? '-';
    const where = sql.join(
      [
        f.mine
          ? sql`s.org_id = ${org}`
          : f.all
            ? sql`true`
            : sql`(s.current_version_id is not null or s.org_id = ${org})`,
        // outsiders see only the approved version, so only its status may select a scenario for them
        f.status
          ? sql`exists (select 1 from consent_scenario_versions v where v.scenario_id = s.id and v.status = ${f.status}
              and ${f.all ? sql`true` : sql`(v.id = s.current_version_id or s.org_id = ${org})`})`
          : sql`true`,
      ],
      sql` and `,
    );
    const [rows, count] = await Promise.all([
      sql<Selectable<ConsentScenariosTable> & { org_name: string | null }>`select s.*,
          ${orgName('s.org_id')} as org_name
        from consent_scenarios s where ${where}
        order by s.updated_at desc limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db),
      sql<{ n: number }>`select count(*)::int as n from consent_scenarios s where ${where}`.execute(db),
    ]);
    return { rows: rows.rows, total: Number(count.rows[0]!.n) };
  },

  /** Forgets the person's refusal of the scenario (they consented after all). */
  clearRefusal: (tx: Executor, subjectId: string, scenarioId: string) =>
    tx
      .deleteFrom('consent_refusals')
      .where('subject_user_id', '=', subjectId)
      .where('scenario_id', '=', scenarioId)
      .execute(),

  /** The persons holding an open, unexpired grant on a version, with what decides for them (age, guardian). */
  openGrantHolders: (tx: Executor, versionId: string, now: Date) =>
    tx
      .selectFrom('consent_grants as g')
      .innerJoin('consent_persons as p', 'p.user_id', 'g.subject_user_id')
      .select(['p.user_id', 'p.guardian_user_id', 'p.guardian_status', 'p.birth_date'])
      .where('g.version_id', '=', versionId)
      .where('g.revoked_at', 'is', null)
      .where('g.replaced_by', 'is', null)
      .where('g.expires_at', '>', now)
      .execute(),
};
