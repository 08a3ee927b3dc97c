import { DomainError } from '@shuliu/core';

const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * The first place in parsed input that holds U+0000, as `body.fields.0`. PostgreSQL text and jsonb cannot
 * store it, so such input is refused up front as a 400 instead of failing deep inside a write as a 500.
 * Streams and buffers (uploads) are not looked into.
 */
export function nulPath(v: unknown, path: string, depth = 0): string | null {
  if (typeof v === 'string') return v.includes('\0') ? path : null;
  if (v === null || typeof v !== 'object' || depth > 64) return null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const found = nulPath(v[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!isPlain(v)) return null;
  for (const [k, x] of Object.entries(v)) {
    if (k.includes('\0')) return `${path}.${JSON.stringify(k)}`;
    const found = nulPath(x, `${path}.${k}`, depth + 1);
    if (found) return found;
  }
  return null;
}

export function refuseNul(input: { query?: unknown; params?: unknown; body?: unknown }) {
  const at =
    nulPath(input.params, 'params') ?? nulPath(input.query, 'querystring') ?? nulPath(input.body, 'body');
  if (!at) return;
  const message = 'contains a NUL character (U+0000), which text cannot hold';
  throw new DomainError('VALIDATION_FAILED', `${at}: ${message}`, 400, [{ path: at, message }]);
}
