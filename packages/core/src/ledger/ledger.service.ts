import {
  checkpointBody,
  leafHash,
  type AnchorReply,
  type ConsistencyProof,
  type InclusionProof,
  type LedgerCheckpoint,
  type LedgerEntryReply,
  type LedgerKey,
  type LedgerEntryType,
  type MerkleHasher,
  type Paged,
} from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { RequestContext } from '../shared/context.js';
import type { DB } from '../db/schema.js';
import { DEFAULT_SM2_ID, publicKeyHex, type KeyService } from '../crypto/index.js';
import {
  CheckpointNotFound,
  EntryInvalid,
  EntryNotFound,
  IndexOutOfRange,
  LedgerCorrupt,
  NoSigningKey,
  TreeSizeBeyondHead,
} from './ledger.errors.js';
import { canonicalEntry, checkAppend, type LedgerAppend } from './ledger.entries.js';
import { anchorAuditChain, rotateSigningKey } from './ledger.anchor.js';
import { ledgerRepository as repo, type CheckpointRow } from './ledger.repository.js';
import {
  appendLeaves,
  consistencyRanges,
  foldPieces,
  frontierOf,
  hasherFor,
  inclusionRanges,
  isStoredLevel,
  nodeKey,
  piecesOf,
  storedRefsOf,
  subtreeHash,
  type NodeRef,
  type Range,
} from './ledger.rules.js';
import { verifyLedger, type LedgerVerifyReport } from './ledger.verify.js';

type Executor = Kysely<DB>;

export interface AppendResult {
  firstIndex: number;
  treeSize: number;
  rootHash: string;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Entries per INSERT of an append: big enough to amortize a round trip, small enough to overlap work. */
const WRITE_CHUNK = 250;

/**
 * The transparency ledger: an append-only RFC 9162 Merkle log whose complete subtrees are stored as they
 * complete, so proofs are a handful of primary-key reads. Every append batch ends with a checkpoint signed by
 * the platform's SM2 key, in the same transaction as the entries.
 */
export class LedgerService {
  private hashAlg: 'sm3' | 'sha256' | null = null;
  /** The largest tree size this process has seen committed: the log only grows, so smaller sizes stay valid. */
  private knownSize = 0;
  private readonly publicKeys = new Map<string, string>();

  constructor(
    private readonly db: Executor,
    readonly keys: KeyService,
    private readonly config: Pick<Config, 'ledgerOrigin' | 'ledgerHashAlg'>,
  ) {}

  /** Appends in a transaction of its own (creating the signing key first if there is none). */
  async append(items: LedgerAppend[]): Promise<AppendResult> {
    await this.keys.ensureSigningKey();
    return this.db.transaction().execute((tx) => this.appendIn(tx, items));
  }

  /**
   * Appends inside the caller's transaction, so the entries commit with the change they attest. Lock order
   * across the platform: the audit head first (recordAudit), then the ledger head.
   */
  async appendIn(tx: Executor, items: LedgerAppend[]): Promise<AppendResult> {
    if (!items.length) throw EntryInvalid('an append needs at least one entry');
    items.forEach(checkAppend); // a bad entry stops the batch before anything is written
    const now = new Date();
    const head = await repo.lockHead(tx);
    const alg = head.hashAlg ?? this.config.ledgerHashAlg;
    const h = hasherFor(alg);
    const refs = frontierOf(head.treeSize);
    const hashes = await this.subtreeHashes(tx, h, refs);
    // Canonical JSON and hashing are most of an append's CPU: each chunk's rows go out before the next chunk
    // is computed, so that PostgreSQL stores one while this process works on the other.
    const leaves: Uint8Array[] = [];
    const writes: Promise<void>[] = [];
    for (let from = 0; from < items.length; from += WRITE_CHUNK) {
      const rows = items.slice(from, from + WRITE_CHUNK).map((a, k) => {
        const { entry, json } = canonicalEntry(a, now);
        const leaf = leafHash(h, utf8(json));
        leaves.push(leaf);
        const { type, objectType, objectId } = entry;
        return { idx: head.treeSize + from + k, entry: json, leaf, type, objectType, objectId };
      });
      const write = repo.insertEntries(tx, rows);
      write.catch(() => {}); // awaited below; this only keeps a failure from going unhandled meanwhile
      writes.push(write);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const frontier = refs.map((r, i) => ({ ...r, hash: hashes[i]! }));
    const { created, frontier: next } = appendLeaves(h, frontier, head.treeSize, leaves);
    const treeSize = head.treeSize + items.length;
    const root = foldPieces(
      h,
      next.map((n) => n.hash),
    );
    const checkpoint = await this.signedCheckpoint(tx, treeSize, root);
    await Promise.all(writes);
    const nodes = created.filter((n) => n.level > 0 && isStoredLevel(n.level));
    await repo.storeAppend(tx, { nodes, treeSize, root, hashAlg: alg, checkpoint });
    return { firstIndex: head.treeSize, treeSize, rootHash: hex(root) };
  }

  /** Signs the head if its size has no checkpoint yet: the empty log at first start. */
  async ensureCheckpoint(): Promise<LedgerCheckpoint> {
    await this.keys.ensureSigningKey();
    await this.db.transaction().execute(async (tx) => {
      await repo.lockHead(tx);
      const head = await repo.findHead(tx);
      const alg = head.hashAlg ?? this.config.ledgerHashAlg;
      const root = head.treeSize === 0 ? hasherFor(alg).hash() : head.root;
      // the first checkpoint fixes the log's hash algorithm, even before the first entry
      if (!head.hashAlg) await repo.updateHead(tx, head.treeSize, root, alg);
      if (!(await repo.findCheckpoint(tx, head.treeSize)))
        await repo.insertCheckpoint(tx, {
          treeSize: head.treeSize,
          root,
          ...(await this.signedCheckpoint(tx, head.treeSize, root)),
        });
    });
    return this.checkpoint();
  }

  /** The C2SP checkpoint body of a tree, SM2-signed (signer ID 1234567812345678) by the active key. */
  private async signedCheckpoint(tx: Executor, treeSize: number, root: Uint8Array) {
    const active = await this.keys.activeSigner(tx);
    if (!active) throw NoSigningKey();
    const body = checkpointBody(this.config.ledgerOrigin, treeSize, Buffer.from(root).toString('base64'));
    return { body, signature: active.signer.sign(body, DEFAULT_SM2_ID), keyId: active.keyId };
  }

  /** The latest signed checkpoint, or the one at exactly `treeSize`. */
  async checkpoint(treeSize?: number): Promise<LedgerCheckpoint> {
    const row = await repo.findCheckpoint(this.db, treeSize);
    if (!row) throw CheckpointNotFound(undefined, { treeSize: treeSize ?? 0 });
    return this.toCheckpoint(row);
  }

  private async toCheckpoint(row: CheckpointRow): Promise<LedgerCheckpoint> {
    let publicKey = this.publicKeys.get(row.key_id);
    if (!publicKey)
      this.publicKeys.set(row.key_id, (publicKey = publicKeyHex(await this.keys.publicKey(row.key_id))));
    return {
      origin: row.body.slice(0, row.body.indexOf('\n')),
      treeSize: Number(row.tree_size),
      rootHash: Buffer.from(row.root, 'hex').toString('base64'),
      hashAlg: await this.alg(),
      body: row.body,
      signature: row.signature,
      keyId: row.key_id,
      publicKey,
      createdAt: row.created_at.toISOString(),
    };
  }

  async entry(index: number): Promise<LedgerEntryReply> {
    const row = await repo.findEntry(this.db, index);
    if (!row) throw EntryNotFound(`no ledger entry at index ${index}`, { index });
    return { index: Number(row.idx), entry: row.entry, leafHash: row.leaf };
  }

  async entries(page: number, pageSize: number, type?: LedgerEntryType): Promise<Paged<LedgerEntryReply>> {
    const head = await repo.findHead(this.db);
    const { rows, total } = await repo.searchEntries(this.db, head.treeSize, type, page, pageSize);
    return {
      items: rows.map((r) => ({ index: r.idx, entry: r.entry, leafHash: r.leaf })),
      total,
      page,
      pageSize,
    };
  }

  /** RFC 9162 §2.1.3.1 audit path; `treeSize` defaults to the latest checkpoint. */
  async inclusionProof(index: number, treeSize?: number): Promise<InclusionProof> {
    const size = await this.provableSize(treeSize);
    if (index >= size)
      throw IndexOutOfRange(`index ${index} is not below tree size ${size}`, {
        field: 'index',
        treeSize: size,
      });
    const auditPath = await this.rangeHashes(inclusionRanges(index, 0, size));
    return { leafIndex: index, treeSize: size, auditPath };
  }

  /** RFC 9162 §2.1.4.1 consistency proof between two sizes (1 ≤ from ≤ to ≤ the log's size). */
  async consistencyProof(from: number, to: number): Promise<ConsistencyProof> {
    await this.provableSize(to);
    if (from < 1 || from > to)
      throw IndexOutOfRange(`from must be between 1 and to (${to})`, { field: 'from' });
    return { from, to, proof: await this.rangeHashes(consistencyRanges(from, to)) };
  }

  private async provableSize(treeSize: number | undefined): Promise<number> {
    if (treeSize === undefined) return Number((await this.checkpoint()).treeSize);
    if (treeSize <= this.knownSize) return treeSize;
    const head = await repo.findHead(this.db);
    this.hashAlg ??= head.hashAlg;
    this.knownSize = Math.max(this.knownSize, head.treeSize);
    if (treeSize > head.treeSize)
      throw TreeSizeBeyondHead(`the ledger holds ${head.treeSize} entries, fewer than ${treeSize}`, {
        field: 'treeSize',
        treeSize: head.treeSize,
      });
    return treeSize;
  }

  /** The RFC 9162 hash of each range, from its perfect subtrees. */
  private async rangeHashes(ranges: Range[]): Promise<string[]> {
    const h = await this.hasher();
    const pieces = ranges.map(piecesOf);
    const hashes = await this.subtreeHashes(this.db, h, pieces.flat());
    let at = 0;
    return pieces.map((refs) => hex(foldPieces(h, hashes.slice(at, (at += refs.length)))));
  }

  /** Perfect subtree hashes from the stored levels below them, fetched in one query. */
  private async subtreeHashes(db: Executor, h: MerkleHasher, refs: NodeRef[]): Promise<Uint8Array[]> {
    const needed = refs.map(storedRefsOf);
    const stored = await repo.findNodes(db, needed.flat());
    return needed.map((parts) =>
      subtreeHash(
        h,
        parts.map((r) => {
          const hash = stored.get(nodeKey(r));
          if (!hash) throw LedgerCorrupt(`node ${nodeKey(r)} is missing`);
          return hash;
        }),
      ),
    );
  }

  /** Anchors the audit chain head (see anchorAuditChain). */
  anchorAuditChain(ctx?: RequestContext, opts?: { force?: boolean }): Promise<AnchorReply> {
    return anchorAuditChain(this.db, this, ctx, opts);
  }

  rotateSigningKey(ctx: RequestContext): Promise<LedgerKey> {
    return rotateSigningKey(this.db, this, ctx);
  }

  listKeys(): Promise<LedgerKey[]> {
    return this.keys.listSigningKeys();
  }

  /** Recomputes the whole tree and checks every stored node and checkpoint (see verifyLedger). */
  verify(pageSize?: number): Promise<LedgerVerifyReport> {
    return verifyLedger(this.db, this.keys, pageSize);
  }

  /** The log's hash algorithm; fixed by its first append, so cached once known. */
  async alg(): Promise<'sm3' | 'sha256'> {
    if (this.hashAlg) return this.hashAlg;
    const head = await repo.findHead(this.db);
    if (head.hashAlg) this.hashAlg = head.hashAlg;
    return head.hashAlg ?? this.config.ledgerHashAlg;
  }

  async hasher(): Promise<MerkleHasher> {
    return hasherFor(await this.alg());
  }
}
