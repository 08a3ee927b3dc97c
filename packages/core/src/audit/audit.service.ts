import type { AuditEvent, AuditOutcome, AuditVerifyReply, Paged } from '@shuliu/contracts';
import type { Selectable } from 'kysely';
import type { RequestContext } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import type { HashAlg } from '../shared/hash.js';
import type { AuditEventsTable } from './audit.tables.js';
import { boundDetails } from './audit.bounds.js';
import { auditRepository, type AuditFilter, type Executor } from './audit.repository.js';
import { checkLink, eventHash, GENESIS_HASH, type ChainRow } from './audit.rules.js';

export interface AuditRecord {
  action: string;
  objectType?: string;
  objectId?: string | null;
  outcome?: AuditOutcome;
  /** The org the event concerns, when not the actor's own. */
  orgId?: string | null;
  details?: Record<string, unknown>;
}

/** New events hash with SM3 (GB/T 32905); rows written before the switch keep their SHA-256 and still verify. */
const HASH_ALG: HashAlg = 'sm3';

/**
 * Appends one event to the chain inside the caller's transaction, so the event commits or rolls back with
 * the change it describes. Marks the context as audited.
 */
export async function recordAudit(tx: Executor, ctx: RequestContext, rec: AuditRecord): Promise<void> {
  const head = await auditRepository.lockHead(tx);
  const seq = Number(head.seq) + 1;
  const fields = {
    seq,
    id: newId('aud'),
    at: new Date().toISOString(),
    actorId: ctx.principal?.userId ?? null,
    actorName: ctx.principal?.username ?? null,
    orgId: rec.orgId !== undefined ? rec.orgId : (ctx.principal?.orgId ?? null),
    action: rec.action,
    objectType: rec.objectType ?? null,
    objectId: rec.objectId ?? null,
    outcome: rec.outcome ?? 'success',
    requestId: ctx.requestId,
    ip: ctx.ip,
    details: rec.details ? boundDetails(rec.details) : null,
  };
  const hash = eventHash(HASH_ALG, head.hash, fields);
  await auditRepository.insert(tx, { ...fields, hashAlg: HASH_ALG, prevHash: head.hash, hash });
  ctx.audited = true;
}

/** The chain head (last sequence number and hash) as `db` sees it; inside an append's transaction, after it. */
export async function readAuditHead(db: Executor): Promise<{ seq: number; hash: string; hashAlg: string }> {
  const head = await auditRepository.findHead(db);
  const seq = Number(head.seq);
  const last = seq ? await auditRepository.findPageAfter(db, seq - 1, 1) : [];
  return { seq, hash: head.hash, hashAlg: last[0]?.hash_alg ?? HASH_ALG };
}

export function toChainRow(r: Selectable<AuditEventsTable>): ChainRow {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    orgId: r.org_id,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    outcome: r.outcome,
    requestId: r.request_id,
    ip: r.ip,
    details: r.details,
    hashAlg: r.hash_alg,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

const toEvent = (r: Selectable<AuditEventsTable>): AuditEvent => {
  const { hashAlg: _alg, ...row } = toChainRow(r);
  return { ...row, outcome: row.outcome as AuditOutcome };
};

export class AuditService {
  constructor(private readonly db: Executor) {}

  /** Records an event in a transaction of its own (for outcomes whose change was rolled back or never made). */
  record(ctx: RequestContext, rec: AuditRecord): Promise<void> {
    return this.db.transaction().execute((tx) => recordAudit(tx, ctx, rec));
  }

  async list(filter: AuditFilter, page: number, pageSize: number): Promise<Paged<AuditEvent>> {
    const { rows, total } = await auditRepository.search(this.db, filter, page, pageSize);
    return { items: rows.map(toEvent), total, page, pageSize };
  }

  /** Walks the whole chain in seq order; reports the first edited, missing or unlinked event. */
  async verify(pageSize = 2000): Promise<AuditVerifyReply> {
    const head = await auditRepository.findHead(this.db);
    const headSeq = Number(head.seq);
    let prev = { seq: 0, hash: GENESIS_HASH };
    let checked = 0;
    const algs = new Set<string>();
    const hashAlg = () => (algs.size ? [...algs].sort().join('+') : HASH_ALG);
    const fail = (seq: number, problem: string) => ({
      ok: false,
      hashAlg: hashAlg(),
      checked,
      headSeq,
      firstBadSeq: seq,
      problem,
    });
    for (;;) {
      const rows = await auditRepository.findPageAfter(this.db, prev.seq, pageSize);
      for (const r of rows) {
        const row = toChainRow(r);
        if (row.seq > headSeq) return fail(row.seq, `event ${row.seq} lies beyond the chain head ${headSeq}`);
        const problem = checkLink(prev, row);
        if (problem) return fail(problem.seq, problem.problem);
        prev = { seq: row.seq, hash: row.hash };
        algs.add(row.hashAlg);
        checked++;
      }
      if (rows.length < pageSize) break;
    }
    if (prev.seq !== headSeq)
      return fail(prev.seq + 1, `events ${prev.seq + 1}…${headSeq} are missing from the end`);
    if (prev.hash !== head.hash) return fail(headSeq, `the last event does not match the chain head`);
    return { ok: true, hashAlg: hashAlg(), checked, headSeq, firstBadSeq: null, problem: null };
  }
}
