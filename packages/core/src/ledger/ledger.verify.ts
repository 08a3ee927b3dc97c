import { bytesEqual, checkpointBody, leafHash } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { DEFAULT_SM2_ID, sm2Verify, type KeyService, type Sm2PublicKey } from '../crypto/index.js';
import { ledgerRepository as repo } from './ledger.repository.js';
import {
  appendLeaves,
  foldPieces,
  hasherFor,
  isStoredLevel,
  nodeKey,
  STRIDE,
  type Node,
} from './ledger.rules.js';

type Executor = Kysely<DB>;

export interface LedgerVerifyReport {
  ok: boolean;
  hashAlg: string;
  treeSize: number;
  /** Entries recomputed before the first problem (all of them when ok). */
  checked: number;
  checkpoints: number;
  rootHash: string;
  /** The first leaf index whose proof the damage breaks. */
  firstBadIndex: number | null;
  problem: string | null;
}

/**
 * Recomputes the whole tree from the stored entries, page by page, and compares every leaf hash, every
 * stored subtree node, the head and every signed checkpoint (root and SM2 signature) with what the entries
 * imply. Reports the first damaged index: an edited entry, an edited or missing node, rows cut from the end.
 */
export async function verifyLedger(
  db: Executor,
  keys: KeyService,
  pageSize = 5000,
): Promise<LedgerVerifyReport> {
  const head = await repo.findHead(db);
  const alg = head.hashAlg ?? 'sm3';
  const h = hasherFor(alg);
  const checkpoints = await repo.findCheckpoints(db);
  const publicKeys = new Map<string, Sm2PublicKey>();
  let frontier: Node[] = [];
  let checked = 0;
  let cp = 0;
  const report = (firstBadIndex: number | null, problem: string | null): LedgerVerifyReport => ({
    ok: problem === null,
    hashAlg: alg,
    treeSize: head.treeSize,
    checked: firstBadIndex ?? checked,
    checkpoints: cp,
    rootHash: Buffer.from(
      foldPieces(
        h,
        frontier.map((n) => n.hash),
      ),
    ).toString('hex'),
    firstBadIndex,
    problem,
  });

  const beyond = checkpoints.find((c) => Number(c.tree_size) > head.treeSize);
  if (beyond)
    return report(
      head.treeSize,
      `a checkpoint was signed at size ${beyond.tree_size}, but the log holds ${head.treeSize}: entries were removed from the end`,
    );

  for (let from = 0; ;) {
    // pages end at each checkpoint's size, so that every signed root is compared with the recomputed one
    const nextCp = cp < checkpoints.length ? Number(checkpoints[cp]!.tree_size) : Infinity;
    if (from >= head.treeSize && nextCp !== from) break;
    const to = Math.min(from + pageSize, head.treeSize, nextCp);
    const rows = await repo.findEntriesBetween(db, from, to);
    const leaves: Uint8Array[] = [];
    for (let i = from; i < to; i++) {
      const row = rows[i - from];
      if (!row || row.idx !== i) return report(i, `entry ${i} is missing`);
      const leaf = leafHash(h, Buffer.from(row.entry, 'utf8'));
      if (!bytesEqual(leaf, Buffer.from(row.leaf, 'hex')))
        return report(i, `entry ${i} was altered: its content no longer matches its leaf hash`);
      leaves.push(leaf);
    }
    const { created, frontier: next } = appendLeaves(h, frontier, from, leaves);
    const problem = await compareNodes(
      db,
      created.filter((n) => n.level > 0 && isStoredLevel(n.level)),
    );
    if (problem) return report(problem.index, problem.problem);
    frontier = next;
    checked = to;
    from = to;
    while (cp < checkpoints.length && Number(checkpoints[cp]!.tree_size) === to) {
      const c = checkpoints[cp]!;
      const root = foldPieces(
        h,
        frontier.map((n) => n.hash),
      );
      const body = checkpointBody(c.body.split('\n')[0]!, to, Buffer.from(root).toString('base64'));
      if (c.body !== body || c.root !== Buffer.from(root).toString('hex'))
        return report(Math.max(0, to - 1), `the checkpoint at size ${to} does not match the entries`);
      let key = publicKeys.get(c.key_id);
      if (!key) publicKeys.set(c.key_id, (key = await keys.publicKey(c.key_id, db)));
      if (!sm2Verify(key, c.body, c.signature, DEFAULT_SM2_ID))
        return report(Math.max(0, to - 1), `the signature of the checkpoint at size ${to} is not valid`);
      cp++;
    }
  }
  const root = foldPieces(
    h,
    frontier.map((n) => n.hash),
  );
  if (head.treeSize > 0 && !bytesEqual(root, head.root))
    return report(head.treeSize - 1, 'the head root does not match the entries');
  const extraEntries = await repo.countEntriesBeyond(db, head.treeSize);
  if (extraEntries) return report(head.treeSize, `${extraEntries} entries lie beyond the head`);
  const extraNodes = await repo.countNodesBeyond(db, head.treeSize);
  if (extraNodes) return report(head.treeSize, `${extraNodes} nodes lie beyond the head`);
  return report(null, null);
}

/** Compares freshly computed nodes with the stored ones; a bad node is reported at its first leaf. */
async function compareNodes(db: Executor, computed: Node[]) {
  if (!computed.length) return null;
  const byLevel = new Map<number, { lo: number; hi: number }>();
  for (const n of computed) {
    const r = byLevel.get(n.level);
    byLevel.set(n.level, {
      lo: Math.min(r?.lo ?? n.index, n.index),
      hi: Math.max(r?.hi ?? n.index, n.index),
    });
  }
  const stored = await repo.findNodesInRanges(
    db,
    [...byLevel].map(([level, r]) => ({ level, ...r })),
  );
  const have = new Map(stored.map((n) => [nodeKey(n), n.hash]));
  const wrong = computed
    .map((n) => ({ n, s: have.get(nodeKey(n)) }))
    .filter(({ n, s }) => !s || !bytesEqual(s, n.hash));
  // every ancestor of a damaged node mismatches too: report the damaged ones (no damaged child), leftmost first
  const wrongKeys = new Set(wrong.map(({ n }) => nodeKey(n)));
  const bad = wrong
    .filter(({ n }) => {
      const below = n.level - STRIDE;
      const span = 2 ** STRIDE;
      return !Array.from({ length: span }, (_, k) =>
        nodeKey({ level: below, index: n.index * span + k }),
      ).some((k) => wrongKeys.has(k));
    })
    .sort((a, b) => a.n.index * 2 ** a.n.level - b.n.index * 2 ** b.n.level)[0];
  if (!bad) return null;
  const first = bad.n.index * 2 ** bad.n.level;
  return {
    index: first,
    problem: bad.s
      ? `node ${nodeKey(bad.n)} (leaves ${first}…${first + 2 ** bad.n.level - 1}) was altered`
      : `node ${nodeKey(bad.n)} is missing`,
  };
}
