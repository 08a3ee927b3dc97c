import { isIP } from 'node:net';
import type { IncomingHttpHeaders } from 'node:http';

/*
 * The metered API gateway's rules, pure: which upstream addresses it reaches, which headers cross it, when an
 * order is served, and the rate limiter's arithmetic.
 */

/** Names that resolve to a cloud's instance metadata service. */
const METADATA_HOSTS = new Set([
  'metadata.google.internal',
  'metadata',
  'instance-data',
  'metadata.azure.com',
]);

const v4 = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
const inV4 = (ip: string, base: string, bits: number) =>
  Math.floor(v4(ip) / 2 ** (32 - bits)) === Math.floor(v4(base) / 2 ** (32 - bits));

/** IPv4 ranges never reached: link-local (169.254/16: every cloud's metadata service) and 100.100.100.200. */
const ALWAYS_REFUSED_V4: [string, number][] = [
  ['169.254.0.0', 16],
  ['100.100.100.200', 32],
  ['0.0.0.0', 8],
];
/** IPv4 ranges reached only when the operator allows private upstreams. */
const PRIVATE_V4: [string, number][] = [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['100.64.0.0', 10],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

/**
 * Why the gateway must not connect to `ip`, or null. Link-local and metadata addresses are refused always
 * (SSRF to a cloud's instance credentials); loopback and private networks unless the operator allows them.
 */
export function addressRefused(ip: string, allowPrivate: boolean): string | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const addr = mapped ?? ip;
  if (isIP(addr) === 4) {
    if (ALWAYS_REFUSED_V4.some(([b, n]) => inV4(addr, b, n)))
      return `${ip} is a link-local or metadata address`;
    if (!allowPrivate && PRIVATE_V4.some(([b, n]) => inV4(addr, b, n)))
      return `${ip} is a loopback or private address`;
    return null;
  }
  const a = addr.toLowerCase();
  if (/^fe[89ab]/.test(a) || a === '::') return `${ip} is a link-local address`;
  if (!allowPrivate && (a === '::1' || /^f[cd]/.test(a) || /^ff/.test(a)))
    return `${ip} is a loopback or private address`;
  return null;
}

/** Why an upstream URL is refused when it is saved (its literal host; names are checked again on connect). */
export function upstreamUrlRefused(url: string, allowPrivate: boolean): string | null {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (METADATA_HOSTS.has(host)) return `${host} names a metadata service`;
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')))
    return `${host} is a loopback or internal name`;
  return isIP(host) ? addressRefused(host, allowPrivate) : null;
}

/** The buyer's headers that never go upstream: its credentials, the platform's own and hop-by-hop ones. */
const NOT_FORWARDED = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'cookie',
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'expect',
  'forwarded',
  'x-purpose',
  'x-real-ip',
]);

/**
 * The headers sent upstream: the buyer's, less its key and any credential it sent, the hop-by-hop ones and
 * the proxy ones it could forge; then the seller's credential, which nothing the buyer sends overrides.
 */
export function upstreamHeaders(
  incoming: IncomingHttpHeaders,
  credential: { header: string; value: string } | null,
  orderId: string,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const own = credential?.header.toLowerCase();
  for (const [k, v] of Object.entries(incoming)) {
    if (v === undefined || NOT_FORWARDED.has(k) || k === own || k.startsWith('x-forwarded-')) continue;
    out[k] = v;
  }
  out['x-shuliu-order'] = orderId;
  if (credential) out[credential.header] = credential.value;
  return out;
}

/** Upstream answer headers not passed back: hop-by-hop ones, and cookies (the gateway is the platform's origin). */
const NOT_RETURNED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'set-cookie',
  'trailer',
  'upgrade',
  'proxy-authenticate',
  'strict-transport-security',
  'content-security-policy',
]);
/**
 * The upstream's answer headers the buyer gets. Its length is kept (the body passes through byte for byte), so
 * the answer goes out in one piece rather than chunked with a separate last chunk; a chunked upstream answer's
 * length, which RFC 9112 §6.3 says to ignore, is not.
 */
export const returnedHeaders = (h: IncomingHttpHeaders) =>
  Object.fromEntries(
    Object.entries(h).filter(
      ([k, v]) =>
        v !== undefined && !NOT_RETURNED.has(k) && !(k === 'content-length' && h['transfer-encoding']),
    ),
  );

/** The part of the path after `/gateway/{orderId}`, refused when a segment would climb out of the upstream's base. */
export function upstreamPath(rest: string): string | null {
  const path = rest.split('?')[0]!;
  for (const seg of path.split('/')) {
    let d: string;
    try {
      d = decodeURIComponent(seg);
    } catch {
      return null;
    }
    if (d === '.' || d === '..' || d.includes('/') || d.includes('\\')) return null;
  }
  return rest.length > 500 ? null : rest;
}

/** Joins the upstream's base URL and the path the buyer called (with its query). */
export function upstreamTarget(base: URL, rest: string): string {
  const prefix = base.pathname.replace(/\/+$/, '');
  const [path, query] = [rest.split('?')[0]!, rest.includes('?') ? rest.slice(rest.indexOf('?')) : ''];
  const q = query ? (base.search ? `${base.search}&${query.slice(1)}` : query) : base.search;
  return `${prefix}/${path.replace(/^\/+/, '')}${q}`;
}

/**
 * An API order is served while it is delivered or accepted (a disputed one waits for mediation) and within its
 * term, Beijing days `startsOn`..`endsOn` (YYYY-MM-DD, which sort as text).
 */
export function notServing(
  o: { state: string; starts_on: string; ends_on: string },
  today: string,
): string | null {
  if (o.state !== 'delivered' && o.state !== 'accepted') return `the order is ${o.state}`;
  if (today < o.starts_on) return `the order’s term starts on ${o.starts_on}`;
  if (today > o.ends_on) return `the order’s term ended on ${o.ends_on}`;
  return null;
}

/** What a per-call order owes for the calls the upstream answered. */
export const perCallCharge = (billable: number, unitFen: number | null) =>
  unitFen === null ? null : billable * unitFen;
