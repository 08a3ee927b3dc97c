import type { ColumnType } from 'kysely';

type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>;

export interface LedgerHeadTable {
  id: number;
  tree_size: number;
  root_hash: Bytes;
  hash_alg: 'sm3' | 'sha256' | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface LedgerEntriesTable {
  idx: number;
  entry: string;
  leaf_hash: Bytes;
  type: string;
  object_type: string;
  object_id: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface LedgerNodesTable {
  level: number;
  idx: number;
  hash: Bytes;
}

export interface LedgerCheckpointsTable {
  tree_size: number;
  root_hash: Bytes;
  body: string;
  signature: Bytes;
  key_id: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface LedgerTables {
  ledger_head: LedgerHeadTable;
  ledger_entries: LedgerEntriesTable;
  ledger_nodes: LedgerNodesTable;
  ledger_checkpoints: LedgerCheckpointsTable;
}
