import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ChainRow } from './audit.rules.js';
import { escapeLike } from '../shared/sql.js';

export type Executor = Kysely<DB>;

export interface AuditFilter {
  actorId?: string;
  orgId?: string;
  action?: string;
  objectId?: string;
  outcome?: string;
  requestId?: string;
  from?: string;
  to?: string;
  q?: string;
}

export const auditRepository = {
  /** Locks the chain head for the rest of the transaction: audit appends are serialized here. */
  lockHead: (db: Executor) =>
    db
      .selectFrom('audit_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .forUpdate()
      .executeTakeFirstOrThrow(),

  findHead: (db: Executor) =>
    db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow(),

  insert: async (db: Executor, row: ChainRow) => {
    await db
      .insertInto('audit_events')
      .values({
        seq: row.seq,
        id: row.id,
        at: new Date(row.at),
        actor_id: row.actorId,
        actor_name: row.actorName,
        org_id: row.orgId,
        action: row.action,
        object_type: row.objectType,
        object_id: row.objectId,
        outcome: row.outcome,
        request_id: row.requestId,
        ip: row.ip,
        details: row.details === null ? null : JSON.stringify(row.details),
        hash_alg: row.hashAlg,
        prev_hash: row.prevHash,
        hash: row.hash,
      })
      .execute();
    await db
      .updateTable('audit_head')
      .set({ seq: row.seq, hash: row.hash, updated_at: new Date() })
      .where('id', '=', 1)
      .execute();
  },

  /** Rows with seq > after, in order; the verifier walks the table in such pages. */
  findPageAfter: (db: Executor, after: number, limit: number) =>
    db.selectFrom('audit_events').selectAll().where('seq', '>', after).orderBy('seq').limit(limit).execute(),

  search: async (db: Executor, f: AuditFilter, page: number, pageSize: number) => {
    let q = db.selectFrom('audit_events');
    if (f.actorId) q = q.where('actor_id', '=', f.actorId);
    if (f.orgId) q = q.where('org_id', '=', f.orgId);
    if (f.action) {
      const prefix = f.action.endsWith('*')
        ? f.action.slice(0, -1)
        : f.action.endsWith('.')
          ? f.action
          : null;
      q =
        prefix !== null
          ? q.where('action', 'like', `${escapeLike(prefix)}%`)
          : q.where('action', '=', f.action);
    }
    if (f.objectId) q = q.where('object_id', '=', f.objectId);
    if (f.outcome) q = q.where('outcome', '=', f.outcome);
    if (f.requestId) q = q.where('request_id', '=', f.requestId);
    if (f.from) q = q.where('at', '>=', new Date(f.from));
    if (f.to) q = q.where('at', '<', new Date(f.to));
    if (f.q) {
      const like = `%${escapeLike(f.q)}%`;
      q = q.where((eb) =>
        eb.or([eb('action', 'ilike', like), eb('actor_name', 'ilike', like), eb('object_id', 'ilike', like)]),
      );
    }
    const [rows, count] = await Promise.all([
      q
        .selectAll()
        .orderBy('seq', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
};
