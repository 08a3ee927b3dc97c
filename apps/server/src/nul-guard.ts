import { DomainError } from '@shuliu/core';
import type { FastifyRequest } from 'fastify';

const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What makes a string unstorable as PostgreSQL text or jsonb, said for a 400; null when it is fine. */
export function unstorable(s: string): string | null {
  if (s.includes('\0')) return 'contains a NUL character (U+0000), which text cannot hold';
  const lone = LONE_SURROGATE.exec(s);
  if (!lone) return null;
  const code = lone[0].charCodeAt(0).toString(16).toUpperCase();
  return `contains a lone UTF-16 surrogate (U+${code}), which is not text`;
}

type Found = { path: string; message: string };

/**
 * The first place in parsed input that holds text PostgreSQL cannot store — U+0000, or half of a UTF-16
 * surrogate pair (`"\ud800"` is valid JSON, but not Unicode) — as `body.fields.0`. Such input is refused up
 * front as a 400 instead of failing deep inside a write as a 500. Streams and buffers (uploads) are not
 * looked into.
 */
export function nulPath(v: unknown, path: string, depth = 0): Found | null {
  if (typeof v === 'string') {
    const message = unstorable(v);
    return message ? { path, message } : null;
  }
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
    const inKey = unstorable(k);
    if (inKey) return { path: `${path}.${JSON.stringify(k)}`, message: inKey };
    const found = nulPath(x, `${path}.${k}`, depth + 1);
    if (found) return found;
  }
  return null;
}

export function refuseNul(input: { query?: unknown; params?: unknown; body?: unknown }) {
  const found =
    nulPath(input.params, 'params') ?? nulPath(input.query, 'querystring') ?? nulPath(input.body, 'body');
  if (!found) return;
  throw new DomainError('VALIDATION_FAILED', `${found.path}: ${found.message}`, 400, [found]);
}

/** The route hook: refuses a request whose parsed input holds text PostgreSQL cannot store. */
export async function nulGuard(req: FastifyRequest) {
  refuseNul(req);
}
