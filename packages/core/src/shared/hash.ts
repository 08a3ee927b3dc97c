import { hash } from 'node:crypto';

/** Hash algorithms the platform's chains and tokens may use. */
export type HashAlg = 'sha256' | 'sm3';

// the one-shot form: every authenticated request hashes its bearer credential, and a Hash object per call
// costs more than the digest
export const hashHex = (alg: HashAlg, data: string | Uint8Array) => hash(alg, data, 'hex');

/** RFC 8785-style canonical JSON (sorted keys, no spaces) for hashing structured records. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new Error('cannot canonicalize a non-finite number');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
