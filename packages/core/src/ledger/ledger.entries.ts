import { LedgerEntryType, type LedgerEntry } from '@shuliu/contracts';
import { sm3Hex } from '../crypto/index.js';
import { canonicalJson } from '../shared/hash.js';
import { EntryInvalid } from './ledger.errors.js';

/** What a domain appends: the attested object (hashed here) or its SM3 hash, and small public facts. */
export interface LedgerAppend {
  type: LedgerEntryType;
  objectType: string;
  objectId: string;
  /** The object itself; its SM3 over canonical JSON becomes `objectSm3`. */
  object?: unknown;
  objectSm3?: string;
  attrs?: Record<string, unknown>;
}

const TYPES = new Set<string>(LedgerEntryType.options);
const SM3_HEX = /^[0-9a-f]{64}$/;

/**
 * The entry's canonical form: checked against the LedgerEntry contract's rules (by hand, not by zod: this
 * runs for every entry of every batch, and a test parses stored entries with the contract itself), then
 * RFC 8785 canonical JSON.
 */
export function canonicalEntry(a: LedgerAppend, at = new Date()): { entry: LedgerEntry; json: string } {
  checkAppend(a);
  const entry: LedgerEntry = {
    v: 1,
    type: a.type,
    objectType: a.objectType,
    objectId: a.objectId,
    objectSm3: a.objectSm3 ?? sm3Hex(canonicalJson(a.object ?? null)),
    at: at.toISOString(),
    ...(a.attrs && { attrs: a.attrs }),
  };
  return { entry, json: entryJson(entry) };
}

export function checkAppend(a: LedgerAppend): void {
  const bad = (field: string, rule: string) => EntryInvalid(`ledger entry ${field} ${rule}`, { field });
  if (!TYPES.has(a.type)) throw bad('type', `must be one of ${[...TYPES].join(', ')}`);
  if (typeof a.objectType !== 'string' || !a.objectType || a.objectType.length > 40)
    throw bad('objectType', 'must be 1 to 40 characters');
  if (typeof a.objectId !== 'string' || !a.objectId || a.objectId.length > 80)
    throw bad('objectId', 'must be 1 to 80 characters');
  if (a.objectSm3 !== undefined && !SM3_HEX.test(a.objectSm3))
    throw bad('objectSm3', 'must be 64 lower-case hex digits');
  if (a.attrs !== undefined && (a.attrs === null || typeof a.attrs !== 'object' || Array.isArray(a.attrs)))
    throw bad('attrs', 'must be an object');
}

/**
 * canonicalJson specialised to the entry's fixed keys, written out in RFC 8785 order (a test holds it equal
 * to the generic one): appends spend most of their CPU here, and the generic sort is a third of it.
 */
export const entryJson = (e: LedgerEntry): string =>
  `{"at":${JSON.stringify(e.at)}${e.attrs ? `,"attrs":${canonicalJson(e.attrs)}` : ''}` +
  `,"objectId":${JSON.stringify(e.objectId)},"objectSm3":"${e.objectSm3}"` +
  `,"objectType":${JSON.stringify(e.objectType)},"type":"${e.type}","v":${e.v}}`;
