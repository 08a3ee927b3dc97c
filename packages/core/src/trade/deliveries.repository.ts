import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { resourceTitle } from '../catalog/index.js';
import type { DB } from '../db/schema.js';
import { orgName } from '../identity/index.js';
import { productTitle } from '../market/index.js';
import type { TradeDeliveredFilesTable, TradeDownloadsTable } from './trade.tables.js';

type Executor = Kysely<DB>;
export type DeliveredFileRow = Selectable<TradeDeliveredFilesTable> & {
  resource_title: string | null;
  downloads: number;
  last_download_at: Date | null;
};

const withUse = (db: Executor) =>
  db
    .selectFrom('trade_delivered_files as f')
    .selectAll('f')
    .select((e) => [
      resourceTitle('f.resource_id').as('resource_title'),
      e
        .selectFrom('trade_downloads as d')
        .select(e.fn.countAll<number>().as('n'))
        .whereRef('d.file_id', '=', 'f.id')
        .as('downloads'),
      e
        .selectFrom('trade_downloads as d')
        .select((x) => x.fn.max('d.at').as('at'))
        .whereRef('d.file_id', '=', 'f.id')
        .as('last_download_at'),
    ]);

const counted = <R extends { downloads: unknown; last_download_at: unknown }>(r: R) => ({
  ...r,
  downloads: Number(r.downloads ?? 0),
  last_download_at: (r.last_download_at as Date | null) ?? null,
});

/** The queries of delivered files, their downloads and the copies a trace compares a leak with. */
export const deliveriesRepository = {
  insert: (tx: Executor, rows: Insertable<TradeDeliveredFilesTable>[]) =>
    rows.length ? tx.insertInto('trade_delivered_files').values(rows).execute() : Promise.resolve([]),

  async ofOrder(db: Executor, orderId: string): Promise<DeliveredFileRow[]> {
    const rows = await withUse(db).where('f.order_id', '=', orderId).orderBy('f.id').execute();
    return rows.map(counted);
  },

  async find(db: Executor, orderId: string, id: string): Promise<DeliveredFileRow | undefined> {
    const r = await withUse(db).where('f.order_id', '=', orderId).where('f.id', '=', id).executeTakeFirst();
    return r && counted(r);
  },

  /** Locks the file's row to the end of the transaction: its downloads are counted one at a time. */
  lock: (tx: Executor, id: string) =>
    tx.selectFrom('trade_delivered_files').select('id').where('id', '=', id).forUpdate().executeTakeFirst(),

  async downloads(db: Executor, fileId: string): Promise<number> {
    const r = await db
      .selectFrom('trade_downloads')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('file_id', '=', fileId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  logDownload: (tx: Executor, row: Insertable<TradeDownloadsTable>) =>
    tx.insertInto('trade_downloads').values(row).execute(),

  /** Records the made copy once; a copy made twice at once is the same copy, and the first record stays. */
  prepared: (db: Executor, id: string, set: Updateable<TradeDeliveredFilesTable>) =>
    db
      .updateTable('trade_delivered_files')
      .set(set)
      .where('id', '=', id)
      .where('prepared_at', 'is', null)
      .execute(),

  /**
   * Records a copy made under other consents than the file's current one, unless a copy under the same ones
   * was recorded meanwhile (it is the same copy); returns where the copy it replaces is stored, or null.
   */
  remade: (
    db: Executor,
    id: string,
    set: Updateable<TradeDeliveredFilesTable> & { consent_digest: string },
  ) =>
    db.transaction().execute(async (tx) => {
      const before = await tx
        .selectFrom('trade_delivered_files')
        .select(['copy_key', 'consent_digest', 'prepared_at'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (before.consent_digest === set.consent_digest) return null;
      await tx.updateTable('trade_delivered_files').set(set).where('id', '=', id).execute();
      return before.prepared_at ? (before.copy_key ?? id) : null;
    }),

  /** Every copy made so far: what a leaked file may be (unmade copies were never handed out). */
  madeCopies: (db: Executor) =>
    db
      .selectFrom('trade_delivered_files')
      .select(['id', 'source_file_id', 'fingerprint_code', 'plan'])
      .where('prepared_at', 'is not', null)
      .orderBy('source_file_id')
      .orderBy('id')
      .execute(),

  /** What a trace names of a copy: its order, the order's parties and product, and how often it left. */
  async traced(db: Executor, id: string) {
    const r = await withUse(db)
      .innerJoin('trade_orders as o', 'o.id', 'f.order_id')
      .select([
        'o.contract_no',
        'o.product_id',
        'o.buyer_org_id',
        'o.seller_org_id',
        'o.delivered_at',
        productTitle('o.product_id').as('product_title'),
        orgName('o.buyer_org_id').as('buyer_name'),
        orgName('o.seller_org_id').as('seller_name'),
      ])
      .where('f.id', '=', id)
      .executeTakeFirst();
    return r && counted(r);
  },
};
