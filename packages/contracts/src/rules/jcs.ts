/**
 * RFC 8785 JSON Canonicalization Scheme: object members sorted by their UTF-16 code units, no whitespace,
 * numbers and strings serialized as ECMAScript does (§3.2.2). Plain TypeScript, so that the server, the
 * offline verifier and the browser derive the same signed bytes from a credential.
 */
export function jcs(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new Error('RFC 8785 has no form for a non-finite number');
    if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol')
      throw new Error(`RFC 8785 has no form for a ${typeof value}`);
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : jcs(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${jcs(v)}`).join(',')}}`;
}
