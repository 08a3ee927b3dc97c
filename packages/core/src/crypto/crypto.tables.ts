import type { ColumnType } from 'kysely';

export type KeyPurpose = 'signing' | 'encryption';

export interface CryptoKeysTable {
  id: string;
  purpose: KeyPurpose;
  algorithm: 'sm2' | 'sm4e1';
  public_key: string | null;
  sealed_private: string;
  master_key_id: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  retired_at: Date | null;
}

export interface CryptoTables {
  crypto_keys: CryptoKeysTable;
}
