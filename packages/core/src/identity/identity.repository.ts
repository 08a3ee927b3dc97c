import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { escapeLike, preparedQuery } from '../shared/sql.js';
import type { OrgsTable, UsersTable } from './identity.tables.js';

type Executor = Kysely<DB>;

/** The org columns selected beside a user, prefixed so they do not clash. */
const ORG_COLUMNS = [
  'o.name as o_name',
  'o.name_en as o_name_en',
  'o.uscc as o_uscc',
  'o.types as o_types',
  'o.merchant_kinds as o_merchant_kinds',
  'o.provider_kinds as o_provider_kinds',
  'o.region as o_region',
  'o.contact_name as o_contact_name',
  'o.contact_phone as o_contact_phone',
  'o.contact_email as o_contact_email',
  'o.status as o_status',
  'o.created_at as o_created_at',
  'o.updated_at as o_updated_at',
] as const;

export interface UserFilter {
  orgId?: string;
  role?: string;
  status?: string;
  locked?: boolean;
  q?: string;
}

const sessionPrincipal = preparedQuery((db: Executor) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('orgs as o', 'o.id', 'u.org_id')
    .selectAll('u')
    .select(['s.id as s_id', 's.expires_at as s_expires_at', 's.last_seen_at as s_last_seen_at'])
    .select(ORG_COLUMNS)
    .where('s.token_hash', '=', '')
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', sql<Date>`now()`),
);

const tokenPrincipal = preparedQuery((db: Executor) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .leftJoin('orgs as o', 'o.id', 'u.org_id')
    .selectAll('u')
    .select([
      't.id as t_id',
      't.roles as t_roles',
      't.read_only as t_read_only',
      't.expires_at as t_expires_at',
      't.last_used_at as t_last_used_at',
    ])
    .select(ORG_COLUMNS)
    .where('t.token_hash', '=', '')
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', sql<Date>`now()`)])),
);

export const identityRepository = {
  findUserById: (db: Executor, id: string) =>
    db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
  findUserByUsername: (db: Executor, username: string) =>
    db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst(),
  findOrgById: (db: Executor, id: string) =>
    db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst(),
  findOrgByUscc: (db: Executor, uscc: string) =>
    db.selectFrom('orgs').selectAll().where('uscc', '=', uscc).executeTakeFirst(),

  /** The org, locked for the change that follows. */
  lockOrg: (tx: Executor, id: string) =>
    tx.selectFrom('orgs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  insertOrg: (tx: Executor, row: Insertable<OrgsTable>) => tx.insertInto('orgs').values(row).execute(),
  updateOrg: (tx: Executor, id: string, set: Updateable<OrgsTable>) =>
    tx.updateTable('orgs').set(set).where('id', '=', id).execute(),

  /** The platform operator's org (the first org typed `operator`), if one exists. */
  findOperatorOrgId: async (db: Executor) =>
    (
      await db
        .selectFrom('orgs')
        .select('id')
        .where((eb) => eb(eb.val('operator'), '=', eb.fn.any('types')))
        .orderBy('created_at')
        .executeTakeFirst()
    )?.id ?? null,

  anyOrgExists: async (db: Executor) =>
    !!(await db.selectFrom('orgs').select('id').limit(1).executeTakeFirst()),

  insertUser: (tx: Executor, row: Insertable<UsersTable>) => tx.insertInto('users').values(row).execute(),
  updateUser: (tx: Executor, id: string, set: Updateable<UsersTable>) =>
    tx.updateTable('users').set(set).where('id', '=', id).execute(),

  /** The org's active members. */
  activeMemberIds: async (db: Executor, orgId: string) =>
    (
      await db
        .selectFrom('users')
        .select('id')
        .where('org_id', '=', orgId)
        .where('status', '=', 'active')
        .execute()
    ).map((u) => u.id),

  /** The org's org_admins that are not disabled (pending or active). */
  orgAdminIds: async (db: Executor, orgId: string) =>
    (
      await db
        .selectFrom('users')
        .select('id')
        .where('org_id', '=', orgId)
        .where('status', '!=', 'disabled')
        .where(sql<boolean>`'org_admin' = any(roles)`)
        .execute()
    ).map((u) => u.id),

  /** The hot path of every authenticated request: session, user and org in one round trip. */
  findSessionPrincipal: async (db: Executor, tokenHash: string) => (await sessionPrincipal(db, tokenHash))[0],
  findTokenPrincipal: async (db: Executor, tokenHash: string) => (await tokenPrincipal(db, tokenHash))[0],

  /** Users with any of the roles in active orgs, e.g. every operator reviewer to notify. */
  findActiveUserIdsWithRole: async (db: Executor, role: string) =>
    (
      await db
        .selectFrom('users')
        .select('id')
        .where('status', '=', 'active')
        .where(sql<boolean>`${role} = any(roles)`)
        .execute()
    ).map((r) => r.id),

  searchUsers: async (db: Executor, f: UserFilter, page: number, pageSize: number) => {
    let q = db.selectFrom('users as u').leftJoin('orgs as o', 'o.id', 'u.org_id');
    if (f.orgId) q = q.where('u.org_id', '=', f.orgId);
    if (f.role) q = q.where(sql<boolean>`${f.role} = any(u.roles)`);
    if (f.status) q = q.where('u.status', '=', f.status);
    if (f.locked !== undefined) {
      q = f.locked
        ? q.where('u.locked_until', '>', sql<Date>`now()`)
        : q.where((eb) =>
            eb.or([eb('u.locked_until', 'is', null), eb('u.locked_until', '<=', sql<Date>`now()`)]),
          );
    }
    if (f.q) {
      const like = `%${escapeLike(f.q)}%`;
      q = q.where((eb) =>
        eb.or([
          eb('u.username', 'ilike', like),
          eb('u.display_name', 'ilike', like),
          eb('o.name', 'ilike', like),
        ]),
      );
    }
    const [rows, count] = await Promise.all([
      q
        .selectAll('u')
        .select('o.name as org_name')
        .orderBy('u.created_at', 'desc')
        .orderBy('u.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  searchOrgs: async (
    db: Executor,
    f: { status?: string; type?: string; q?: string },
    page: number,
    pageSize: number,
  ) => {
    let q = db.selectFrom('orgs');
    if (f.status) q = q.where('status', '=', f.status);
    if (f.type) q = q.where(sql<boolean>`${f.type} = any(types)`);
    if (f.q) {
      const like = `%${escapeLike(f.q)}%`;
      q = q.where((eb) =>
        eb.or([eb('name', 'ilike', like), eb('uscc', 'ilike', like), eb('name_en', 'ilike', like)]),
      );
    }
    const [rows, count] = await Promise.all([
      q
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
};

/** Splits a joined user+org row into its two parts. */
export function splitOrg<T extends Record<string, unknown>>(row: T & { org_id: string | null }) {
  if (!row.org_id || row.o_name === null || row.o_name === undefined) return null;
  return {
    id: row.org_id,
    name: row.o_name as string,
    name_en: row.o_name_en as string | null,
    uscc: row.o_uscc as string,
    types: row.o_types as string[],
    merchant_kinds: row.o_merchant_kinds as string[],
    provider_kinds: row.o_provider_kinds as string[],
    region: row.o_region as string | null,
    contact_name: row.o_contact_name as string,
    contact_phone: row.o_contact_phone as string,
    contact_email: row.o_contact_email as string | null,
    status: row.o_status as string,
    created_at: row.o_created_at as Date,
    updated_at: row.o_updated_at as Date,
  };
}
