import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { OrgSigningKeysTable } from './org-keys.tables.js';

type Executor = Kysely<DB>;

/** The public columns of a key: what lists and verification read (never the sealed private half). */
const PUBLIC = ['id', 'org_id', 'custody', 'algorithm', 'public_key', 'created_at', 'retired_at'] as const;

/** The queries of org signing keys (the service decides, these read and write). */
export const orgKeysRepository = {
  /** Every key of an org, oldest first, retired ones included. */
  listPublic: (db: Executor, orgId: string) =>
    db
      .selectFrom('org_signing_keys')
      .select(PUBLIC)
      .where('org_id', '=', orgId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),

  findPublic: (db: Executor, id: string) =>
    db.selectFrom('org_signing_keys').select(PUBLIC).where('id', '=', id).executeTakeFirst(),

  /** The org's active key, locked, so that a rotation and a signature do not interleave. */
  lockActive: (tx: Executor, orgId: string) =>
    tx
      .selectFrom('org_signing_keys')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('retired_at', 'is', null)
      .forUpdate()
      .executeTakeFirst(),

  insert: (tx: Executor, row: Insertable<OrgSigningKeysTable>) =>
    tx.insertInto('org_signing_keys').values(row).execute(),

  retire: (tx: Executor, id: string, at: Date) =>
    tx.updateTable('org_signing_keys').set({ retired_at: at }).where('id', '=', id).execute(),

  /** Which key, if any, already holds this public key (of any org). */
  findByPublicKey: (db: Executor, publicKey: string) =>
    db
      .selectFrom('org_signing_keys')
      .select(['id', 'org_id'])
      .where('public_key', '=', publicKey)
      .executeTakeFirst(),
};
