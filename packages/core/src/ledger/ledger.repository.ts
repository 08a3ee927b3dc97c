import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { nodeKey, type Node, type NodeRef } from './ledger.rules.js';

type Executor = Kysely<DB>;

export interface EntryRow {
  idx: number;
  entry: string;
  leaf: Uint8Array;
  type: string;
  objectType: string;
  objectId: string;
}

// Hashes cross the driver boundary as hex text (encode/decode in SQL): pg and PGlite then agree on one
// representation, and the bulk inserts below take plain text arrays.
const bytes = (hex: string) => Buffer.from(hex, 'hex');
const hexOf = (b: Uint8Array) => Buffer.from(b).toString('hex');

export const ledgerRepository = {
  /** Locks the head for the rest of the transaction: every append is sequenced here. */
  lockHead: async (db: Executor) => {
    const r = await sql<{ tree_size: number; hash_alg: 'sm3' | 'sha256' | null }>`
      select tree_size, hash_alg from ledger_head where id = 1 for update`.execute(db);
    return { treeSize: Number(r.rows[0]!.tree_size), hashAlg: r.rows[0]!.hash_alg };
  },

  findHead: async (db: Executor) => {
    const r = await sql<{ tree_size: number; hash_alg: 'sm3' | 'sha256' | null; root: string }>`
      select tree_size, hash_alg, encode(root_hash, 'hex') as root from ledger_head where id = 1`.execute(db);
    const row = r.rows[0]!;
    return { treeSize: Number(row.tree_size), hashAlg: row.hash_alg, root: bytes(row.root) };
  },

  updateHead: (db: Executor, treeSize: number, root: Uint8Array, hashAlg: string) =>
    sql`update ledger_head set tree_size = ${treeSize}, root_hash = decode(${Buffer.from(root).toString('hex')}, 'hex'),
        hash_alg = ${hashAlg}, updated_at = now() where id = 1`.execute(db),

  /** The named stored nodes (level 0: the entries' leaf hashes) in one round trip of primary-key lookups. */
  findNodes: async (db: Executor, refs: NodeRef[]): Promise<Map<string, Uint8Array>> => {
    const out = new Map<string, Uint8Array>();
    if (!refs.length) return out;
    const leaves = refs.filter((x) => x.level === 0).map((x) => x.index);
    const nodes = refs.filter((x) => x.level > 0);
    const r = await sql<{ level: number; idx: number; hash: string }>`
      select 0 as level, e.idx, encode(e.leaf_hash, 'hex') as hash
      from ledger_entries e where e.idx = any(${leaves}::bigint[])
      union all
      select n.level, n.idx, encode(n.hash, 'hex') as hash
      from unnest(${nodes.map((x) => x.level)}::int[], ${nodes.map((x) => x.index)}::bigint[]) as want(level, idx)
      join ledger_nodes n on n.level = want.level and n.idx = want.idx`.execute(db);
    for (const row of r.rows) out.set(nodeKey({ level: row.level, index: Number(row.idx) }), bytes(row.hash));
    return out;
  },

  findEntry: async (db: Executor, index: number) => {
    const r = await sql<{ idx: number; entry: string; leaf: string }>`
      select idx, entry, encode(leaf_hash, 'hex') as leaf from ledger_entries where idx = ${index}`.execute(
      db,
    );
    return r.rows[0];
  },

  insertEntries: async (db: Executor, rows: EntryRow[]) => {
    await sql`insert into ledger_entries (idx, entry, leaf_hash, type, object_type, object_id)
      select idx, entry, decode(leaf, 'hex'), type, object_type, object_id
      from unnest(${rows.map((r) => r.idx)}::bigint[], ${rows.map((r) => r.entry)}::text[],
        ${rows.map((r) => hexOf(r.leaf))}::text[], ${rows.map((r) => r.type)}::text[],
        ${rows.map((r) => r.objectType)}::text[], ${rows.map((r) => r.objectId)}::text[])
        as t(idx, entry, leaf, type, object_type, object_id)`.execute(db);
  },

  /** Ends an append in one statement (one round trip): the completed stored nodes, the checkpoint, the head. */
  storeAppend: async (
    db: Executor,
    a: {
      nodes: Node[];
      treeSize: number;
      root: Uint8Array;
      hashAlg: string;
      checkpoint: { body: string; signature: Uint8Array; keyId: string };
    },
  ) => {
    const root = hexOf(a.root);
    await sql`
      with n as (
        insert into ledger_nodes (level, idx, hash)
        select level, idx, decode(hash, 'hex')
        from unnest(${a.nodes.map((x) => x.level)}::int[], ${a.nodes.map((x) => x.index)}::bigint[],
          ${a.nodes.map((x) => hexOf(x.hash))}::text[]) as t(level, idx, hash)
      ), c as (
        insert into ledger_checkpoints (tree_size, root_hash, body, signature, key_id)
        values (${a.treeSize}, decode(${root}, 'hex'), ${a.checkpoint.body},
                decode(${hexOf(a.checkpoint.signature)}, 'hex'), ${a.checkpoint.keyId})
      )
      update ledger_head set tree_size = ${a.treeSize}, root_hash = decode(${root}, 'hex'), hash_alg = ${a.hashAlg},
        updated_at = now() where id = 1`.execute(db);
  },

  /** Entries with idx in [from, to), in order, with their stored leaf hashes (the verifier's pages). */
  findEntriesBetween: async (db: Executor, from: number, to: number) => {
    const r = await sql<{ idx: number; entry: string; type: string; leaf: string }>`
      select idx, entry, type, encode(leaf_hash, 'hex') as leaf from ledger_entries
      where idx >= ${from} and idx < ${to} order by idx`.execute(db);
    return r.rows.map((x) => ({ ...x, idx: Number(x.idx) }));
  },

  /** Newest first; without a type filter the dense index makes a page a range read, not an offset scan. */
  searchEntries: async (
    db: Executor,
    treeSize: number,
    type: string | undefined,
    page: number,
    size: number,
  ) => {
    if (!type) {
      const hi = treeSize - (page - 1) * size;
      const rows = await ledgerRepository.findEntriesBetween(db, Math.max(0, hi - size), Math.max(0, hi));
      return { rows: rows.reverse(), total: treeSize };
    }
    const [rows, count] = await Promise.all([
      sql<{ idx: number; entry: string; leaf: string }>`
        select idx, entry, encode(leaf_hash, 'hex') as leaf from ledger_entries
        where type = ${type} order by idx desc limit ${size} offset ${(page - 1) * size}`.execute(db),
      sql<{ n: number }>`select count(*) as n from ledger_entries where type = ${type}`.execute(db),
    ]);
    return { rows: rows.rows.map((x) => ({ ...x, idx: Number(x.idx) })), total: Number(count.rows[0]!.n) };
  },

  /** Stored nodes of the given levels whose index lies in [lo, hi] per level (the verifier's pages). */
  findNodesInRanges: async (db: Executor, ranges: { level: number; lo: number; hi: number }[]) => {
    if (!ranges.length) return [];
    const r = await sql<{ level: number; idx: number; hash: string }>`
      select n.level, n.idx, encode(n.hash, 'hex') as hash
      from unnest(${ranges.map((x) => x.level)}::int[], ${ranges.map((x) => x.lo)}::bigint[],
                  ${ranges.map((x) => x.hi)}::bigint[]) as want(level, lo, hi)
      join ledger_nodes n on n.level = want.level and n.idx between want.lo and want.hi`.execute(db);
    return r.rows.map((x) => ({ level: x.level, index: Number(x.idx), hash: bytes(x.hash) }));
  },

  /** Nodes that no complete subtree of the tree explains: rows past the end of the log. */
  countNodesBeyond: async (db: Executor, treeSize: number) => {
    const r = await sql<{ n: number }>`
      select count(*) as n from ledger_nodes where (idx + 1) * power(2, level)::bigint > ${treeSize}`.execute(
      db,
    );
    return Number(r.rows[0]!.n);
  },

  countEntriesBeyond: async (db: Executor, treeSize: number) => {
    const r = await sql<{
      n: number;
    }>`select count(*) as n from ledger_entries where idx >= ${treeSize}`.execute(db);
    return Number(r.rows[0]!.n);
  },

  insertCheckpoint: (
    db: Executor,
    c: { treeSize: number; root: Uint8Array; body: string; signature: Uint8Array; keyId: string },
  ) =>
    sql`insert into ledger_checkpoints (tree_size, root_hash, body, signature, key_id)
        values (${c.treeSize}, decode(${Buffer.from(c.root).toString('hex')}, 'hex'), ${c.body},
                decode(${Buffer.from(c.signature).toString('hex')}, 'hex'), ${c.keyId})
        on conflict (tree_size) do nothing`.execute(db),

  /** The checkpoint at exactly `treeSize`, or the latest one. */
  findCheckpoint: async (db: Executor, treeSize?: number) => {
    const r = await sql<CheckpointRow>`
      select tree_size, encode(root_hash, 'hex') as root, body, encode(signature, 'hex') as signature, key_id, created_at
      from ledger_checkpoints ${treeSize === undefined ? sql`` : sql`where tree_size = ${treeSize}`}
      order by tree_size desc limit 1`.execute(db);
    return r.rows[0];
  },

  /** All checkpoints in size order (the verifier checks each root and signature). */
  findCheckpoints: async (db: Executor) =>
    (
      await sql<CheckpointRow>`
        select tree_size, encode(root_hash, 'hex') as root, body, encode(signature, 'hex') as signature, key_id, created_at
        from ledger_checkpoints order by tree_size`.execute(db)
    ).rows,

  /** The newest audit anchor (through its partial index). */
  findLastAnchor: async (db: Executor) => {
    const r = await sql<{ idx: number; entry: string }>`
      select idx, entry from ledger_entries where type = 'audit.anchor' order by idx desc limit 1`.execute(
      db,
    );
    return r.rows[0];
  },
};

export interface CheckpointRow {
  tree_size: number;
  root: string;
  body: string;
  signature: string;
  key_id: string;
  created_at: Date;
}
