import type { AnchorReply, LedgerKey } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { readAuditHead, recordAudit } from '../audit/index.js';
import { sm3Hex } from '../crypto/index.js';
import { canonicalJson } from '../shared/hash.js';
import { systemContext, type RequestContext } from '../shared/context.js';
import { ledgerRepository as repo } from './ledger.repository.js';
import type { LedgerService } from './ledger.service.js';

type Executor = Kysely<DB>;

/**
 * Anchors the audit chain head in the ledger (DESIGN.md §4): an `audit.anchor` entry carrying the head's
 * sequence number and hash, so that rewriting the audit table after the anchor would contradict a signed
 * checkpoint. The anchor's own audit event is written first, in the same transaction, so the anchored head
 * includes it; unless `force`, nothing is written when the chain has not moved since the last anchor.
 */
export async function anchorAuditChain(
  db: Executor,
  ledger: LedgerService,
  ctx: RequestContext = systemContext('ledger-anchor'),
  opts: { force?: boolean } = {},
): Promise<AnchorReply> {
  const last = await repo.findLastAnchor(db);
  const lastSeq = last ? (JSON.parse(last.entry) as { attrs?: { seq?: number } }).attrs?.seq : undefined;
  const current = await readAuditHead(db);
  if (!opts.force && last && lastSeq === current.seq)
    return { anchored: false, index: Number(last.idx), auditSeq: current.seq, auditHash: current.hash };
  await ledger.keys.ensureSigningKey();
  return db.transaction().execute(async (tx) => {
    await recordAudit(tx, ctx, {
      action: 'ledger.audit_anchor',
      objectType: 'audit_chain',
      objectId: 'audit',
    });
    const head = await readAuditHead(tx);
    const attrs = { seq: head.seq, hash: head.hash, hashAlg: head.hashAlg };
    const r = await ledger.appendIn(tx, [
      {
        type: 'audit.anchor',
        objectType: 'audit_chain',
        objectId: 'audit',
        objectSm3: sm3Hex(canonicalJson(attrs)),
        attrs,
      },
    ]);
    return { anchored: true, index: r.firstIndex, auditSeq: head.seq, auditHash: head.hash };
  });
}

/**
 * Retires the platform signing key and creates its successor; the new public key enters the ledger as a
 * `key.rotated` entry whose checkpoint the new key signs. Old checkpoints keep verifying under the old key.
 */
export async function rotateSigningKey(
  db: Executor,
  ledger: LedgerService,
  ctx: RequestContext,
): Promise<LedgerKey> {
  const id = await db.transaction().execute(async (tx) => {
    const { id, retired } = await ledger.keys.rotateIn(tx, ctx, 'signing');
    const publicKey = (await ledger.keys.activeSigner(tx))!.signer.publicKeyHex;
    await ledger.appendIn(tx, [
      {
        type: 'key.rotated',
        objectType: 'crypto_key',
        objectId: id,
        objectSm3: sm3Hex(publicKey),
        attrs: { publicKey, retired },
      },
    ]);
    return id;
  });
  return (await ledger.keys.listSigningKeys()).find((k) => k.id === id)!;
}
