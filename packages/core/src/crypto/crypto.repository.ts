import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { CryptoKeysTable, KeyPurpose } from './crypto.tables.js';

type Executor = Kysely<DB>;

export const cryptoRepository = {
  findActive: (db: Executor, purpose: KeyPurpose) =>
    db
      .selectFrom('crypto_keys')
      .selectAll()
      .where('purpose', '=', purpose)
      .where('retired_at', 'is', null)
      .executeTakeFirst(),

  /** Locks the active key row, so that two rotations cannot both retire it. */
  lockActive: (db: Executor, purpose: KeyPurpose) =>
    db
      .selectFrom('crypto_keys')
      .selectAll()
      .where('purpose', '=', purpose)
      .where('retired_at', 'is', null)
      .forUpdate()
      .executeTakeFirst(),

  findById: (db: Executor, id: string) =>
    db.selectFrom('crypto_keys').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Public parts only: the private column is never selected for listing. */
  listPublic: (db: Executor, purpose: KeyPurpose) =>
    db
      .selectFrom('crypto_keys')
      .select(['id', 'purpose', 'algorithm', 'public_key', 'created_at', 'retired_at'])
      .where('purpose', '=', purpose)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),

  insert: (db: Executor, row: Insertable<CryptoKeysTable>) =>
    db.insertInto('crypto_keys').values(row).execute(),

  retire: (db: Executor, id: string) =>
    db.updateTable('crypto_keys').set({ retired_at: new Date() }).where('id', '=', id).execute(),
};
