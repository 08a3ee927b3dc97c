-- ledger: an append-only RFC 9162 Merkle log. Each entry row keeps its leaf hash; ledger_nodes holds the hash
-- of every complete (perfect) subtree at the even levels 2, 4, 6… as it completes (level L index i covers
-- leaves [i·2^L, (i+1)·2^L)); a subtree at an odd level is the hash of its two children one level down.
-- Any inclusion or consistency proof is then O(log n) primary-key reads, at a third of the rows that storing
-- every level would write. ledger_head is locked by every append, so appends from any number of processes
-- form one sequence.

create table ledger_head (
  id          integer primary key check (id = 1),
  tree_size   bigint not null,
  root_hash   bytea not null,
  hash_alg    text check (hash_alg in ('sm3', 'sha256')),
  updated_at  timestamptz not null default now()
);
insert into ledger_head (id, tree_size, root_hash, hash_alg) values (1, 0, '\x', null);

create table ledger_entries (
  idx          bigint primary key,
  entry        text not null,
  leaf_hash    bytea not null,
  type         text not null,
  object_type  text not null,
  object_id    text not null,
  created_at   timestamptz not null default now()
);
-- the anchoring job looks up the last audit anchor; other type filters walk the primary key backwards
create index ledger_entries_anchor_idx on ledger_entries (idx) where type = 'audit.anchor';

create table ledger_nodes (
  level  smallint not null,
  idx    bigint not null,
  hash   bytea not null,
  primary key (level, idx)
);

create table ledger_checkpoints (
  tree_size   bigint primary key,
  root_hash   bytea not null,
  body        text not null,
  signature   bytea not null,
  key_id      text not null,
  created_at  timestamptz not null default now()
);
