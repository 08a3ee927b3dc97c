import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { orgIsActive, orgName, userDisplayName } from '../identity/index.js';
import { newId } from '../shared/ids.js';
import type {
  ConsentOperationEvaluationsTable,
  ConsentOperationEventsTable,
  ConsentOperationGrantsTable,
} from './consent.tables.js';

type Executor = Kysely<DB>;

/** A grant with the names of the granting authority and the operator. */
export type OpRow = Selectable<ConsentOperationGrantsTable> & {
  authority_name: string | null;
  operator_name: string | null;
};

const OP_GRANT = sql`select e.*, ${orgName('e.authority_org_id')} as authority_name,
  ${orgName('e.operator_org_id')} as operator_name from consent_operation_grants e`;

/** The queries of authorized-operation grants, their evaluations and their history. */
export const operationGrantsRepository = {
  /** The grant, not revoked and not ended at `now`, that names a sector, if any. */
  namingSector: async (db: Executor, code: string, now: Date) =>
    (
      await db
        .selectFrom('consent_operation_grants')
        .select('id')
        .where('status', '!=', 'revoked')
        .where('ends_at', '>', now)
        .where(sql<boolean>`${code} = any(sectors)`)
        .limit(1)
        .executeTakeFirst()
    )?.id ?? null,

  insert: (tx: Executor, row: Insertable<ConsentOperationGrantsTable>) =>
    tx.insertInto('consent_operation_grants').values(row).execute(),

  update: (tx: Executor, id: string, set: Updateable<ConsentOperationGrantsTable>) =>
    tx.updateTable('consent_operation_grants').set(set).where('id', '=', id).execute(),

  /** The grant, locked for the change that follows. */
  lock: (tx: Executor, id: string) =>
    tx.selectFrom('consent_operation_grants').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  find: async (db: Executor, id: string): Promise<OpRow | undefined> =>
    (await sql<OpRow>`${OP_GRANT} where e.id = ${id}`.execute(db)).rows[0],

  /**
   * One page of grants: `orgId` null for oversight (all), else those the org gave or received; `status` as the
   * API reads it, where a grant past its term reads expired unless revoked (the SQL twin of operationStatus).
   */
  async search(
    db: Executor,
    f: { orgId: string | null; status?: string; now: Date },
    page: number,
    pageSize: number,
  ) {
    const mine =
      f.orgId === null ? sql`true` : sql`(e.authority_org_id = ${f.orgId} or e.operator_org_id = ${f.orgId})`;
    const ended = sql`(e.status <> 'revoked' and e.ends_at <= ${f.now})`;
    const status = !f.status
      ? sql`true`
      : f.status === 'expired'
        ? ended
        : sql`e.status = ${f.status} and not ${ended}`;
    const where = sql`${mine} and ${status}`;
    const [rows, count] = await Promise.all([
      sql<OpRow>`${OP_GRANT} where ${where} order by e.created_at desc, e.id desc
        limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db),
      sql<{ n: number }>`select count(*)::int as n from consent_operation_grants e where ${where}`.execute(
        db,
      ),
    ]);
    return { rows: rows.rows, total: Number(count.rows[0]!.n) };
  },

  /** Grants from one authority to one operator, newest first. */
  between: (db: Executor, operatorOrgId: string, authorityOrgId: string) =>
    db
      .selectFrom('consent_operation_grants')
      .selectAll()
      .where('operator_org_id', '=', operatorOrgId)
      .where('authority_org_id', '=', authorityOrgId)
      .orderBy('created_at', 'desc')
      .execute(),

  /** Grants in force at `now` between active orgs: the public list of authorized operators. */
  inForce: async (db: Executor, now: Date) =>
    (
      await sql<OpRow>`${OP_GRANT} where e.status = 'active' and e.starts_at <= ${now} and e.ends_at > ${now}
          and ${orgIsActive('e.authority_org_id')} and ${orgIsActive('e.operator_org_id')}
        order by operator_name, e.id`.execute(db)
    ).rows,

  evaluationExists: async (tx: Executor, grantId: string, year: number) =>
    !!(await tx
      .selectFrom('consent_operation_evaluations')
      .select('id')
      .where('grant_id', '=', grantId)
      .where('year', '=', year)
      .executeTakeFirst()),

  insertEvaluation: (tx: Executor, row: Insertable<ConsentOperationEvaluationsTable>) =>
    tx.insertInto('consent_operation_evaluations').values(row).execute(),

  insertEvent: (tx: Executor, row: Omit<Insertable<ConsentOperationEventsTable>, 'id'>) =>
    tx
      .insertInto('consent_operation_events')
      .values({ id: newId('aoe'), ...row })
      .execute(),

  /** The evaluations and the history (with the actor's name) of these grants. */
  async evaluationsAndEvents(db: Executor, ids: string[]) {
    if (!ids.length) return { evaluations: [], events: [] };
    const [evaluations, events] = await Promise.all([
      db
        .selectFrom('consent_operation_evaluations')
        .selectAll()
        .where('grant_id', 'in', ids)
        .orderBy('year')
        .execute(),
      db
        .selectFrom('consent_operation_events as e')
        .select([
          'e.grant_id',
          'e.action',
          'e.reason',
          'e.created_at',
          userDisplayName('e.actor_id').as('display_name'),
        ])
        .where('e.grant_id', 'in', ids)
        .orderBy('e.created_at')
        .orderBy('e.id')
        .execute(),
    ]);
    return { evaluations, events };
  },
};
