import type { ComplaintStatus } from '@shuliu/contracts';
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { orgName, userDisplayName } from '../identity/index.js';
import type { QualityComplaintEventsTable, QualityComplaintsTable } from './complaints.tables.js';

type Executor = Kysely<DB>;
export type ComplaintRow = Selectable<QualityComplaintsTable> & {
  buyer_name: string | null;
  seller_name: string | null;
  investigator_name: string | null;
};
export type ComplaintEventRow = Selectable<QualityComplaintEventsTable> & { actor_name: string | null };

export interface ComplaintFilter {
  status?: ComplaintStatus;
  resourceId?: string;
  productId?: string;
  /** Complaints the org is a party to (buyer or seller); absent: no party filter. */
  partyOrgId?: string;
}

const complaints = (db: Executor) =>
  db
    .selectFrom('quality_complaints as c')
    .selectAll('c')
    .select([
      orgName('c.buyer_org_id').as('buyer_name'),
      orgName('c.seller_org_id').as('seller_name'),
      userDisplayName('c.investigator_id').as('investigator_name'),
    ]);

/** The queries of product quality complaints and their history. */
export const complaintsRepository = {
  insert: (tx: Executor, row: Insertable<QualityComplaintsTable>) =>
    tx.insertInto('quality_complaints').values(row).execute(),

  update: (tx: Executor, id: string, set: Updateable<QualityComplaintsTable>) =>
    tx.updateTable('quality_complaints').set(set).where('id', '=', id).execute(),

  lock: (tx: Executor, id: string) =>
    tx.selectFrom('quality_complaints').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  find: (db: Executor, id: string): Promise<ComplaintRow | undefined> =>
    complaints(db).where('c.id', '=', id).executeTakeFirst(),

  addEvent: (tx: Executor, row: Insertable<QualityComplaintEventsTable>) =>
    tx.insertInto('quality_complaint_events').values(row).execute(),

  eventsOf: async (db: Executor, ids: string[]): Promise<ComplaintEventRow[]> =>
    ids.length
      ? db
          .selectFrom('quality_complaint_events as e')
          .selectAll('e')
          .select(userDisplayName('e.actor_id').as('actor_name'))
          .where('e.complaint_id', 'in', ids)
          .orderBy('e.at')
          .orderBy('e.id')
          .execute()
      : [],

  list: async (db: Executor, f: ComplaintFilter, page: number, pageSize: number) => {
    let q = db.selectFrom('quality_complaints as c');
    if (f.status) q = q.where('c.status', '=', f.status);
    if (f.productId) q = q.where('c.product_id', '=', f.productId);
    if (f.resourceId) q = q.where(sql<boolean>`${f.resourceId} = any(c.resource_ids)`);
    if (f.partyOrgId)
      q = q.where((w) =>
        w.or([w('c.buyer_org_id', '=', f.partyOrgId!), w('c.seller_org_id', '=', f.partyOrgId!)]),
      );
    const [rows, count] = await Promise.all([
      complaints(db)
        .where('c.id', 'in', q.select('c.id'))
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as ComplaintRow[], total: Number(count.n) };
  },
};
