import { canonicalJson, hashHex, type HashAlg } from '../shared/hash.js';

/** The fields of an audit event that its hash covers (everything but the hashes themselves). */
export interface ChainedFields {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  orgId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Hash chain link: H(prevHash ‖ "\n" ‖ canonical JSON of the event), so editing any field or reordering breaks it. */
export function eventHash(alg: HashAlg, prevHash: string, fields: ChainedFields): string {
  return hashHex(alg, `${prevHash}\n${canonicalJson(fields)}`);
}

export interface ChainRow extends ChainedFields {
  hashAlg: string;
  prevHash: string;
  hash: string;
}

/** The chain's hashes: SM3 (GB/T 32905) since the switch, SHA-256 for the rows written before it. */
export const isChainHashAlg = (alg: string): alg is HashAlg => alg === 'sm3' || alg === 'sha256';

export type ChainProblem = { seq: number; problem: string };

/**
 * Checks one row against the row before it: sequence without gaps (a deleted row leaves one),
 * prev-hash link, and the row's own hash (an edited row no longer matches).
 */
export function checkLink(prev: { seq: number; hash: string }, row: ChainRow): ChainProblem | null {
  if (row.seq !== prev.seq + 1) {
    return { seq: prev.seq + 1, problem: `event ${prev.seq + 1} is missing (next present is ${row.seq})` };
  }
  if (row.prevHash !== prev.hash)
    return { seq: row.seq, problem: `event ${row.seq} does not link to event ${prev.seq}` };
  if (!isChainHashAlg(row.hashAlg))
    return { seq: row.seq, problem: `event ${row.seq} uses unknown hash ${row.hashAlg}` };
  const { hashAlg: _a, prevHash: _p, hash: _h, ...fields } = row;
  if (eventHash(row.hashAlg, row.prevHash, fields) !== row.hash) {
    return { seq: row.seq, problem: `event ${row.seq} was altered after it was written` };
  }
  return null;
}
