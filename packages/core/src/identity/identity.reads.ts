import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import { qualifiedRef } from '../shared/sql.js';

type Executor = Kysely<DB>;

/*
 * How other domains read identity's tables (orgs, users): the one way they may (the lint rule
 * shuliu/domain-tables refuses their queries naming these tables).
 *
 * Expressions go inside the caller's own query, so a list stays one query: each is a correlated subquery on a
 * primary key, usable in a Kysely builder (`.select(orgName('r.owner_org_id').as('owner_org_name'))`,
 * `.where(orgIsActive('e.grantor_org_id'))`) and in a `sql` template (`${orgName('q.provider_org_id')} as
 * provider_org_name`). `ref` names the column that holds the id, qualified by its table or alias
 * ('r.owner_org_id', see qualifiedRef).
 */

const ofOrg = <T>(field: 'name' | 'uscc' | 'region' | 'status', ref: string): RawBuilder<T> =>
  sql<T>`(select ${sql.ref(`id_o.${field}`)} from orgs id_o where id_o.id = ${qualifiedRef(ref)})`;

const ofUser = <T>(field: 'username' | 'display_name', ref: string): RawBuilder<T> =>
  sql<T>`(select ${sql.ref(`id_u.${field}`)} from users id_u where id_u.id = ${qualifiedRef(ref)})`;

/** The name of the org whose id is in `ref` (null when `ref` is null). */
export const orgName = (ref: string) => ofOrg<string | null>('name', ref);

/** The 统一社会信用代码 of the org whose id is in `ref`. */
export const orgUscc = (ref: string) => ofOrg<string | null>('uscc', ref);

/** The region of the org whose id is in `ref`. */
export const orgRegion = (ref: string) => ofOrg<string | null>('region', ref);

/** The status of the org whose id is in `ref` (pending, active, rejected, suspended). */
export const orgStatus = (ref: string) => ofOrg<string | null>('status', ref);

/** True when the org whose id is in `ref` is active (not pending, rejected or suspended). */
export const orgIsActive = (ref: string) =>
  sql<boolean>`exists (select 1 from orgs id_o where id_o.id = ${qualifiedRef(ref)} and id_o.status = 'active')`;

/** The ids of the orgs whose name matches an ILIKE pattern, as a subquery: `x.org_id in ${orgIdsNamedLike(p)}`. */
export const orgIdsNamedLike = (pattern: string) =>
  sql<string>`(select id_o.id from orgs id_o where id_o.name ilike ${pattern})`;

/** The login name of the user whose id is in `ref`. */
export const userName = (ref: string) => ofUser<string | null>('username', ref);

/** The display name of the user whose id is in `ref`. */
export const userDisplayName = (ref: string) => ofUser<string | null>('display_name', ref);

/** An org, if it exists. */
export const orgById = (db: Executor, id: string) =>
  db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();

/** The orgs among `ids` (missing ones left out). */
export const orgsByIds = (db: Executor, ids: string[]) =>
  ids.length
    ? db
        .selectFrom('orgs')
        .selectAll()
        .where('id', 'in', [...new Set(ids)])
        .execute()
    : Promise.resolve([]);

/** The active orgs, of one type and with a name matching an ILIKE pattern when given, ordered by `by`. */
export const activeOrgs = (
  db: Executor,
  f: { type?: string; nameLike?: string; by: 'name' | 'uscc' } = { by: 'name' },
) => {
  let q = db.selectFrom('orgs').selectAll().where('status', '=', 'active');
  if (f.type) q = q.where(sql<boolean>`${f.type} = any(types)`);
  if (f.nameLike) q = q.where('name', 'ilike', f.nameLike);
  return q.orderBy(f.by).execute();
};

/** A user by login name, without credentials, if one exists. */
export const userByUsername = (db: Executor, username: string) =>
  db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'org_id', 'roles', 'status'])
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();

/**
 * The active users holding any of `roles` (every active user when none given), in one org or, with a null
 * org, across the platform: whom a domain notifies about a change.
 */
export async function memberIds(db: Executor, orgId: string | null, roles: string[]): Promise<string[]> {
  let q = db.selectFrom('users').select('id').where('status', '=', 'active');
  if (orgId !== null) q = q.where('org_id', '=', orgId);
  if (roles.length) q = q.where(sql<boolean>`roles && ${roles}::text[]`);
  return (await q.execute()).map((u) => u.id);
}

/** A user by id, without credentials, if one exists. */
export const userById = (db: Executor, id: string) =>
  db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'org_id', 'roles', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();

/** The names of the orgs among `ids`, by id (missing ones left out). */
export const orgNamesByIds = async (db: Executor, ids: string[]): Promise<Map<string, string>> =>
  new Map((await orgsByIds(db, ids)).map((o) => [o.id, o.name]));
