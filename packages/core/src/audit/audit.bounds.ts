import { canonicalJson, hashHex } from '../shared/hash.js';

/** The most an audit event's details may take as JSON; a larger body is kept as a summary. */
export const MAX_DETAILS_BYTES = 16 * 1024;
const MAX_ITEMS = 20;
const MAX_KEYS = 50;
const MAX_CHARS = 200;
const MAX_DEPTH = 6;

function shrink(v: unknown, depth: number): unknown {
  if (typeof v === 'string')
    return v.length > MAX_CHARS ? `${v.slice(0, MAX_CHARS)}… (${v.length} characters)` : v;
  if (v === null || typeof v !== 'object') return v;
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(v)) {
    const head = v.slice(0, MAX_ITEMS).map((x) => shrink(x, depth + 1));
    return v.length > MAX_ITEMS ? [...head, `… ${v.length - MAX_ITEMS} more items`] : head;
  }
  const entries = Object.entries(v as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  for (const [k, x] of entries.slice(0, MAX_KEYS)) out[shrink(k, depth) as string] = shrink(x, depth + 1);
  if (entries.length > MAX_KEYS) out['…'] = `${entries.length - MAX_KEYS} more keys`;
  return out;
}

/**
 * Details as the audit log keeps them. A caller may send a large body (a long list, a long text) and the
 * event records what it changed; kept whole, one request could grow the hash-chained table by megabytes.
 * Small details stay exact. Larger ones keep their first items and characters, with how many there were,
 * and the SM3 digest of the whole (RFC 8785 form), so the original can still be matched against the log.
 */
export function boundDetails(details: Record<string, unknown>): Record<string, unknown> {
  const whole = canonicalJson(details);
  if (Buffer.byteLength(whole) <= MAX_DETAILS_BYTES) return details;
  const summarized = { bytes: Buffer.byteLength(whole), sm3: hashHex('sm3', whole) };
  const shrunk = { ...(shrink(details, 0) as Record<string, unknown>), summarized };
  if (Buffer.byteLength(JSON.stringify(shrunk)) <= MAX_DETAILS_BYTES) return shrunk;
  return { summarized };
}
