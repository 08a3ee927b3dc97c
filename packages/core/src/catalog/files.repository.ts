import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { CatalogFilesTable } from './catalog.tables.js';

type Executor = Kysely<DB>;

/** The queries of a resource's files and their profiling state. */
export const filesRepository = {
  find: (db: Executor, id: string) =>
    db.selectFrom('catalog_files').selectAll().where('id', '=', id).executeTakeFirst(),

  /** The resource's files, newest first. */
  ofResource: (db: Executor, resourceId: string) =>
    db
      .selectFrom('catalog_files')
      .selectAll()
      .where('resource_id', '=', resourceId)
      .orderBy('created_at', 'desc')
      .execute(),

  /** The named data file of the resource, or (no id) its newest ready data file. */
  dataFile: (db: Executor, resourceId: string, fileId?: string) => {
    const q = db
      .selectFrom('catalog_files')
      .selectAll()
      .where('resource_id', '=', resourceId)
      .where('role', '=', 'data');
    return (
      fileId ? q.where('id', '=', fileId) : q.where('status', '=', 'ready').orderBy('created_at', 'desc')
    ).executeTakeFirst();
  },

  insert: (tx: Executor, row: Insertable<CatalogFilesTable>) =>
    tx.insertInto('catalog_files').values(row).execute(),

  update: (tx: Executor, id: string, set: Updateable<CatalogFilesTable>) =>
    tx.updateTable('catalog_files').set(set).where('id', '=', id).execute(),

  /** Fails uploads last touched before `before` (their process stopped mid-stream). */
  failUploadsBefore: (db: Executor, before: Date, error: string) =>
    db
      .updateTable('catalog_files')
      .set({ status: 'failed', error, updated_at: new Date() })
      .where('status', '=', 'uploading')
      .where('updated_at', '<', before)
      .execute(),

  /** Files still profiling whose progress has not moved since `before`, with their resource's owner. */
  profilingStalledSince: (db: Executor, before: Date) =>
    db
      .selectFrom('catalog_files as f')
      .innerJoin('catalog_resources as r', 'r.id', 'f.resource_id')
      .select(['f.id', 'r.owner_org_id'])
      .where('f.status', '=', 'profiling')
      .where('f.updated_at', '<', before)
      .execute(),
};
