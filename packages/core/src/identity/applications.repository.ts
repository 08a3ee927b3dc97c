import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { escapeLike } from '../shared/sql.js';
import type { OrgApplicationsTable } from './identity.tables.js';

type Executor = Kysely<DB>;

/** The queries of onboarding applications (入驻申请). */
export const applicationsRepository = {
  find: (db: Executor, id: string) =>
    db.selectFrom('org_applications').selectAll().where('id', '=', id).executeTakeFirst(),
  findByAdmin: (db: Executor, userId: string) =>
    db.selectFrom('org_applications').selectAll().where('admin_user_id', '=', userId).executeTakeFirst(),

  search: async (db: Executor, f: { status?: string; q?: string }, page: number, pageSize: number) => {
    let q = db
      .selectFrom('org_applications as a')
      .innerJoin('orgs as o', 'o.id', 'a.org_id')
      .innerJoin('users as u', 'u.id', 'a.admin_user_id');
    if (f.status) q = q.where('a.status', '=', f.status);
    if (f.q) {
      const like = `%${escapeLike(f.q)}%`;
      q = q.where((eb) =>
        eb.or([eb('o.name', 'ilike', like), eb('o.uscc', 'ilike', like), eb('u.username', 'ilike', like)]),
      );
    }
    const [rows, count] = await Promise.all([
      q
        .select(['a.id'])
        .orderBy('a.submitted_at', 'desc')
        .orderBy('a.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { ids: rows.map((r) => r.id), total: Number(count.n) };
  },

  /** The application, locked for the decision that follows. */
  lock: (tx: Executor, id: string) =>
    tx.selectFrom('org_applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  /** The application whose first administrator is the user, locked for the change that follows. */
  lockByAdmin: (tx: Executor, userId: string) =>
    tx
      .selectFrom('org_applications')
      .selectAll()
      .where('admin_user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst(),

  insert: (tx: Executor, row: Insertable<OrgApplicationsTable>) =>
    tx.insertInto('org_applications').values(row).execute(),

  update: (tx: Executor, id: string, set: Updateable<OrgApplicationsTable>) =>
    tx.updateTable('org_applications').set(set).where('id', '=', id).execute(),
};
