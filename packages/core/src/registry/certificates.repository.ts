import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { orgIdsNamedLike, orgName, orgUscc } from '../identity/index.js';
import { escapeLike } from '../shared/sql.js';
import type {
  RegistryCertificatesTable,
  RegistryCertificateVersionsTable,
  RegistryLicensesTable,
} from './registry.tables.js';
import type { Viewer } from './registry.repository.js';

type Executor = Kysely<DB>;

export type CertificateRow = Selectable<RegistryCertificatesTable> & {
  source_until: string | null;
  holder_org_name: string | null;
  holder_uscc: string | null;
  pledgee_org_name: string | null;
  cert_hash: string;
  ledger_index: number | string | null;
  active_licenses: number | string;
};
export type VersionRow = Selectable<RegistryCertificateVersionsTable>;
export type LicenseRow = Omit<Selectable<RegistryLicensesTable>, 'valid_from' | 'valid_until'> & {
  valid_from: string;
  valid_until: string;
  cert_no: string;
  object_title: string;
  holder_org_id: string;
  holder_org_name: string | null;
  licensee_org_name: string | null;
};

export interface CertificateFilter {
  box?: 'held' | 'licensed' | 'pledged' | 'all';
  status?: string;
  objectId?: string;
  q?: string;
}

/** The status a certificate shows, in SQL (registry.lifecycle certificateStatus, kept in step by a test). */
export const statusSql = (now: Date, today: string) => sql<string>`case
  when c.state = 'cancelled' then 'cancelled'
  when c.frozen_at is not null then 'frozen'
  when c.state = 'expired' or c.valid_until <= ${now} then 'expired'
  when c.pledgee_org_id is not null then 'pledged'
  when c.disputed_by is not null then 'disputed'
  when exists (select 1 from registry_licenses l where l.certificate_id = c.id
    and l.valid_from <= ${today}::date and l.valid_until >= ${today}::date) then 'licensed'
  else 'valid' end`;

const selectCertificate = (db: Executor, today: string) =>
  db
    .selectFrom('registry_certificates as c')
    .innerJoin('registry_certificate_versions as v', (j) =>
      j.onRef('v.certificate_id', '=', 'c.id').onRef('v.version', '=', 'c.version'),
    )
    .selectAll('c')
    .select([
      sql<string | null>`c.source_valid_until::text`.as('source_until'),
      orgName('c.holder_org_id').as('holder_org_name'),
      orgUscc('c.holder_org_id').as('holder_uscc'),
      orgName('c.pledgee_org_id').as('pledgee_org_name'),
      'v.cert_hash',
      'v.ledger_index',
      sql<number>`(select count(*) from registry_licenses l where l.certificate_id = c.id
        and l.valid_from <= ${today}::date and l.valid_until >= ${today}::date)`.as('active_licenses'),
    ]);

function visibleSql(v: Viewer, today: string) {
  if (v.all) return sql<boolean>`true`;
  const org = v.orgId ?? '-';
  return sql<boolean>`(c.holder_org_id = ${org} or c.pledgee_org_id = ${org} or exists (select 1 from
    registry_licenses l where l.certificate_id = c.id and l.licensee_org_id = ${org} and l.valid_until >= ${today}::date))`;
}

function boxSql(box: CertificateFilter['box'], org: string) {
  if (box === 'held') return sql<boolean>`c.holder_org_id = ${org}`;
  if (box === 'pledged') return sql<boolean>`c.pledgee_org_id = ${org}`;
  if (box === 'licensed')
    return sql<boolean>`exists (select 1 from registry_licenses l where l.certificate_id = c.id and l.licensee_org_id = ${org})`;
  return sql<boolean>`true`;
}

const selectLicense = (db: Executor) =>
  db
    .selectFrom('registry_licenses as l')
    .innerJoin('registry_certificates as c', 'c.id', 'l.certificate_id')
    .selectAll('l')
    .select([
      sql<string>`l.valid_from::text`.as('valid_from'),
      sql<string>`l.valid_until::text`.as('valid_until'),
      'c.cert_no',
      'c.object_title',
      'c.holder_org_id',
      orgName('c.holder_org_id').as('holder_org_name'),
      orgName('l.licensee_org_id').as('licensee_org_name'),
    ]);

export const certificatesRepository = {
  insertCertificate: (db: Executor, row: Insertable<RegistryCertificatesTable>) =>
    db.insertInto('registry_certificates').values(row).execute(),

  updateCertificate: (db: Executor, id: string, set: Updateable<RegistryCertificatesTable>) =>
    db
      .updateTable('registry_certificates')
      .set({ ...set, updated_at: new Date() })
      .where('id', '=', id)
      .execute(),

  findCertificate: (db: Executor, by: { id?: string; certNo?: string }, today: string) => {
    let q = selectCertificate(db, today);
    if (by.id) q = q.where('c.id', '=', by.id);
    if (by.certNo) q = q.where('c.cert_no', '=', by.certNo);
    return q.executeTakeFirst() as Promise<CertificateRow | undefined>;
  },

  /** Locks the certificate row: lifecycle changes to one certificate take turns. */
  lockCertificate: async (db: Executor, id: string, today: string) => {
    const row = await db
      .selectFrom('registry_certificates')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row ? certificatesRepository.findCertificate(db, { id }, today) : undefined;
  },

  searchCertificates: async (
    db: Executor,
    f: CertificateFilter,
    v: Viewer,
    now: Date,
    today: string,
    page: number,
    size: number,
  ) => {
    const parts = [visibleSql(v, today), boxSql(f.box, v.orgId ?? '-')];
    if (f.status) parts.push(sql<boolean>`${statusSql(now, today)} = ${f.status}`);
    if (f.objectId) parts.push(sql<boolean>`c.object_id = ${f.objectId}`);
    if (f.q)
      parts.push(sql<boolean>`(c.object_title ilike ${`%${escapeLike(f.q)}%`} or c.cert_no ilike ${`%${escapeLike(f.q)}%`}
        or c.holder_org_id in ${orgIdsNamedLike(`%${escapeLike(f.q)}%`)})`);
    const where = sql.join(parts, sql` and `);
    const [rows, count] = await Promise.all([
      selectCertificate(db, today)
        .where(sql<boolean>`${where}`)
        .orderBy('c.issued_at', 'desc')
        .orderBy('c.id')
        .limit(size)
        .offset((page - 1) * size)
        .execute(),
      db
        .selectFrom('registry_certificates as c')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(sql<boolean>`${where}`)
        .executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as CertificateRow[], total: Number(count.n) };
  },

  /** Certificates on an object, any state (for duplicates and the dispute and freeze rules). */
  findOnObject: (db: Executor, objectId: string) =>
    db
      .selectFrom('registry_certificates')
      .select([
        'id',
        'cert_no',
        'holder_org_id',
        'rights',
        'state',
        'valid_until',
        'frozen_at',
        'disputed_by',
      ])
      .where('object_id', '=', objectId)
      .execute(),

  /** Valid certificates past their end: what the expiry sweep turns expired (frozen ones wait). */
  findDue: (db: Executor, now: Date, limit: number) =>
    db
      .selectFrom('registry_certificates')
      .select('id')
      .where('state', '=', 'valid')
      .where('valid_until', '<=', now)
      .where('frozen_at', 'is', null)
      .orderBy('valid_until')
      .limit(limit)
      .execute(),

  /** The next number of a year's sequence; the counter row stays locked until the transaction ends. */
  nextNumber: async (db: Executor, year: number): Promise<number> => {
    const r = await sql<{ last: number }>`insert into registry_counters (year, last) values (${year}, 1)
      on conflict (year) do update set last = registry_counters.last + 1 returning last`.execute(db);
    return Number(r.rows[0]!.last);
  },

  insertVersion: (db: Executor, row: Insertable<RegistryCertificateVersionsTable>) =>
    db.insertInto('registry_certificate_versions').values(row).execute(),

  findVersion: (db: Executor, certificateId: string, version: number) =>
    db
      .selectFrom('registry_certificate_versions')
      .selectAll()
      .where('certificate_id', '=', certificateId)
      .where('version', '=', version)
      .executeTakeFirst(),

  insertLicense: (db: Executor, row: Insertable<RegistryLicensesTable>) =>
    db.insertInto('registry_licenses').values(row).execute(),

  findLicenses: (db: Executor, certificateId: string) =>
    selectLicense(db)
      .where('l.certificate_id', '=', certificateId)
      .orderBy('l.created_at')
      .execute() as Promise<LicenseRow[]>,

  /** Licenses an org received (or granted), newest first. */
  searchLicenses: async (
    db: Executor,
    orgId: string,
    box: 'granted' | 'received',
    page: number,
    size: number,
  ) => {
    const col = box === 'granted' ? 'c.holder_org_id' : 'l.licensee_org_id';
    const [rows, count] = await Promise.all([
      selectLicense(db)
        .where(col, '=', orgId)
        .orderBy('l.created_at', 'desc')
        .orderBy('l.id')
        .limit(size)
        .offset((page - 1) * size)
        .execute(),
      db
        .selectFrom('registry_licenses as l')
        .innerJoin('registry_certificates as c', 'c.id', 'l.certificate_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(col, '=', orgId)
        .executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as LicenseRow[], total: Number(count.n) };
  },

  /** Licenses an org holds on an object's certificates today (for the right check). */
  findLicensesOf: (db: Executor, orgId: string, objectId: string) =>
    selectLicense(db)
      .where('l.licensee_org_id', '=', orgId)
      .where('c.object_id', '=', objectId)
      .execute() as Promise<LicenseRow[]>,
};
