import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { orgIdsNamedLike, orgName } from '../identity/index.js';
import { escapeLike } from '../shared/sql.js';
import type {
  RegistryApplicationsTable,
  RegistryEventsTable,
  RegistryFilesTable,
  RegistryObjectionsTable,
} from './registry.tables.js';

type Executor = Kysely<DB>;

export type ApplicationRow = Selectable<RegistryApplicationsTable> & {
  /** source_valid_until as YYYY-MM-DD, whichever driver reads it */
  source_until: string | null;
  applicant_org_name: string | null;
  counterparty_org_name: string | null;
  reviewer_org_name: string | null;
  certificate_no: string | null;
  result_certificate_no: string | null;
  holder_org_id: string | null;
  open_objections: number | string;
  objection_due_at: Date | null;
};
export type ObjectionRow = Selectable<RegistryObjectionsTable> & { objector_org_name: string | null };
export type FileRow = Selectable<RegistryFilesTable>;
export type EventRow = Selectable<RegistryEventsTable> & { org_name: string | null };

/** Who is asking, for list filters: null org → sees everything (operators, regulators). */
export interface Viewer {
  orgId: string | null;
  all: boolean;
}

export interface ApplicationFilter {
  box?: 'mine' | 'review' | 'all';
  status?: string[];
  type?: string[];
  q?: string;
  certificateId?: string;
}

const selectApplication = (db: Executor) =>
  db
    .selectFrom('registry_applications as a')
    .leftJoin('registry_certificates as c', 'c.id', 'a.certificate_id')
    .leftJoin('registry_certificates as rc', 'rc.id', 'a.result_certificate_id')
    .selectAll('a')
    .select([
      sql<string | null>`a.source_valid_until::text`.as('source_until'),
      orgName('a.applicant_org_id').as('applicant_org_name'),
      orgName('a.counterparty_org_id').as('counterparty_org_name'),
      orgName('a.reviewer_org_id').as('reviewer_org_name'),
      'c.cert_no as certificate_no',
      'c.holder_org_id as holder_org_id',
      'rc.cert_no as result_certificate_no',
      sql<number>`(select count(*) from registry_objections o where o.application_id = a.id and o.status = 'open')`.as(
        'open_objections',
      ),
      sql<Date | null>`(select min(o.due_at) from registry_objections o where o.application_id = a.id and o.status = 'open')`.as(
        'objection_due_at',
      ),
    ]);

/** A party sees what its org applied for, is named in, reviews, or (objection registrations) holds. */
function partySql(orgId: string) {
  return sql<boolean>`(a.applicant_org_id = ${orgId} or (a.status <> 'draft' and (a.counterparty_org_id = ${orgId}
    or a.reviewer_org_id = ${orgId} or c.holder_org_id = ${orgId})))`;
}

function filterSql(f: ApplicationFilter, v: Viewer) {
  const parts = [v.all ? sql`a.status <> 'draft'` : partySql(v.orgId ?? '-')];
  if (f.box === 'mine')
    parts.push(sql`(a.applicant_org_id = ${v.orgId ?? '-'} or a.counterparty_org_id = ${v.orgId ?? '-'})`);
  if (f.box === 'review') {
    parts.push(sql`a.status in ('submitted', 'under_review', 'publicizing', 'objected', 'approved')`);
    if (!v.all) parts.push(sql`a.reviewer_org_id = ${v.orgId ?? '-'}`);
  }
  if (f.status?.length) parts.push(sql`a.status = any(${f.status}::text[])`);
  if (f.type?.length) parts.push(sql`a.type = any(${f.type}::text[])`);
  if (f.certificateId) parts.push(sql`a.certificate_id = ${f.certificateId}`);
  if (f.q)
    parts.push(
      sql`(a.object_title ilike ${`%${escapeLike(f.q)}%`}
        or a.applicant_org_id in ${orgIdsNamedLike(`%${escapeLike(f.q)}%`)})`,
    );
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

export const registryRepository = {
  /** The operator's registry settings as stored (null: never changed). */
  settings: async (db: Executor) =>
    (await db.selectFrom('registry_settings').select('settings').where('id', '=', 1).executeTakeFirst())
      ?.settings ?? null,

  saveSettings: (db: Executor, json: string, by: string) =>
    db
      .insertInto('registry_settings')
      .values({ id: 1, settings: json, updated_by: by })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ settings: json, updated_by: by, updated_at: new Date() }),
      )
      .execute(),

  insertApplication: (db: Executor, row: Insertable<RegistryApplicationsTable>) =>
    db.insertInto('registry_applications').values(row).execute(),

  updateApplication: (db: Executor, id: string, set: Updateable<RegistryApplicationsTable>) =>
    db
      .updateTable('registry_applications')
      .set({ ...set, updated_at: new Date() })
      .where('id', '=', id)
      .execute(),

  findApplication: (db: Executor, id: string) =>
    selectApplication(db).where('a.id', '=', id).executeTakeFirst() as Promise<ApplicationRow | undefined>,

  /** Locks the application for the rest of the transaction: two reviewers acting at once take turns. */
  lockApplication: async (db: Executor, id: string) => {
    const row = await db
      .selectFrom('registry_applications')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row ? registryRepository.findApplication(db, id) : undefined;
  },

  searchApplications: async (db: Executor, f: ApplicationFilter, v: Viewer, page: number, size: number) => {
    const where = filterSql(f, v);
    const order = f.box === 'review' ? sql`a.submitted_at asc nulls last` : sql`a.created_at desc`;
    const [rows, count] = await Promise.all([
      selectApplication(db)
        .where(where)
        .orderBy(order)
        .orderBy('a.id')
        .limit(size)
        .offset((page - 1) * size)
        .execute(),
      db
        .selectFrom('registry_applications as a')
        .leftJoin('registry_certificates as c', 'c.id', 'a.certificate_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(where)
        .executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as ApplicationRow[], total: Number(count.n) };
  },

  searchNotices: async (db: Executor, active: boolean, q: string | undefined, page: number, size: number) => {
    const parts = [sql`a.notice_starts_at is not null`];
    if (active) parts.push(sql`a.status in ('publicizing', 'objected')`);
    if (q)
      parts.push(
        sql`(a.object_title ilike ${`%${escapeLike(q)}%`}
          or a.applicant_org_id in ${orgIdsNamedLike(`%${escapeLike(q)}%`)})`,
      );
    const where = sql<boolean>`${sql.join(parts, sql` and `)}`;
    const [rows, count] = await Promise.all([
      selectApplication(db)
        .where(where)
        .orderBy('a.notice_starts_at', 'desc')
        .orderBy('a.id')
        .limit(size)
        .offset((page - 1) * size)
        .execute(),
      db
        .selectFrom('registry_applications as a')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(where)
        .executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as ApplicationRow[], total: Number(count.n) };
  },

  /** Applications in progress on an object (for duplicates and the dispute rule). */
  findOpenOnObject: (db: Executor, objectId: string) =>
    db
      .selectFrom('registry_applications')
      .select(['id', 'type', 'status', 'applicant_org_id', 'certificate_id'])
      .where('object_id', '=', objectId)
      .where('status', 'in', ['submitted', 'under_review', 'publicizing', 'objected', 'approved'])
      .execute(),

  /** Open objections (公示异议) against other applications on the same object: the object is in dispute. */
  countOpenObjectionsOnObject: async (db: Executor, objectId: string, exceptApplicationId: string) => {
    const r = await db
      .selectFrom('registry_objections as o')
      .innerJoin('registry_applications as a', 'a.id', 'o.application_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.object_id', '=', objectId)
      .where('a.id', '<>', exceptApplicationId)
      .where('o.status', '=', 'open')
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  insertObjection: (db: Executor, row: Insertable<RegistryObjectionsTable>) =>
    db.insertInto('registry_objections').values(row).execute(),

  updateObjection: (db: Executor, id: string, set: Updateable<RegistryObjectionsTable>) =>
    db.updateTable('registry_objections').set(set).where('id', '=', id).execute(),

  findObjection: (db: Executor, id: string, lock = false) => {
    let q = db
      .selectFrom('registry_objections as o')
      .selectAll('o')
      .select(orgName('o.objector_org_id').as('objector_org_name'))
      .where('o.id', '=', id);
    if (lock) q = q.forUpdate('o');
    return q.executeTakeFirst() as Promise<ObjectionRow | undefined>;
  },

  findObjections: (db: Executor, applicationId: string) =>
    db
      .selectFrom('registry_objections as o')
      .selectAll('o')
      .select(orgName('o.objector_org_id').as('objector_org_name'))
      .where('o.application_id', '=', applicationId)
      .orderBy('o.created_at')
      .execute() as Promise<ObjectionRow[]>,

  searchObjections: async (
    db: Executor,
    f: { status?: string; applicationId?: string },
    v: Viewer,
    page: number,
    size: number,
  ) => {
    let q = db
      .selectFrom('registry_objections as o')
      .innerJoin('registry_applications as a', 'a.id', 'o.application_id');
    if (!v.all)
      q = q.where((eb) =>
        eb.or([eb('o.objector_org_id', '=', v.orgId ?? '-'), eb('a.applicant_org_id', '=', v.orgId ?? '-')]),
      );
    if (f.status) q = q.where('o.status', '=', f.status as 'open');
    if (f.applicationId) q = q.where('o.application_id', '=', f.applicationId);
    const [rows, count] = await Promise.all([
      q
        .selectAll('o')
        .select(orgName('o.objector_org_id').as('objector_org_name'))
        .orderBy('o.created_at', 'desc')
        .orderBy('o.id')
        .limit(size)
        .offset((page - 1) * size)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as ObjectionRow[], total: Number(count.n) };
  },

  insertFile: (db: Executor, row: Insertable<RegistryFilesTable>) =>
    db.insertInto('registry_files').values(row).execute(),

  findFile: (db: Executor, id: string) =>
    db.selectFrom('registry_files').selectAll().where('id', '=', id).executeTakeFirst(),

  findFiles: (db: Executor, of: { applicationId?: string; objectionIds?: string[] }) => {
    let q = db.selectFrom('registry_files').selectAll();
    if (of.applicationId) q = q.where('application_id', '=', of.applicationId);
    else q = q.where('objection_id', 'in', of.objectionIds?.length ? of.objectionIds : ['-']);
    return q.orderBy('created_at').orderBy('id').execute();
  },

  insertEvent: (db: Executor, row: Insertable<RegistryEventsTable>) =>
    db.insertInto('registry_events').values(row).execute(),

  findEvents: (db: Executor, of: { applicationId?: string; certificateId?: string }) => {
    let q = db.selectFrom('registry_events as e');
    if (of.applicationId) q = q.where('e.application_id', '=', of.applicationId);
    if (of.certificateId) q = q.where('e.certificate_id', '=', of.certificateId);
    return q.selectAll('e').select(orgName('e.org_id').as('org_name')).orderBy('e.id').execute() as Promise<
      EventRow[]
    >;
  },
};
