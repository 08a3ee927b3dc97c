import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { DomainError } from '@shuliu/core';
import {
  addressRefused,
  GatewayKeyInvalid,
  GatewayPathInvalid,
  GatewayUpstreamFailed,
  GatewayUpstreamTimeout,
  returnedHeaders,
  upstreamHeaders,
  upstreamPath,
  upstreamTarget,
  type Admitted,
} from '@shuliu/core/trade';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from './app.js';

/** The gateway's one path; the rest of it goes to the seller's upstream. */
export const GATEWAY_PREFIX = '/gateway/';
const ORDER_ID = /^ord_[0-9a-z]{26}$/;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * A DNS lookup that refuses the addresses the gateway must not reach, on every new connection: a name that
 * resolved to a public address when the upstream was saved cannot later be pointed at a metadata service.
 */
function guardedLookup(allowPrivate: boolean) {
  return ((hostname: string, options: object, cb: (...a: unknown[]) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return cb(err);
      const refused = addresses.map((a) => addressRefused(a.address, allowPrivate)).find(Boolean);
      if (refused)
        return cb(Object.assign(new Error(`the gateway does not reach ${refused}`), { code: 'EREFUSED' }));
      const all = (options as { all?: boolean }).all;
      if (all) return cb(null, addresses);
      cb(null, addresses[0]!.address, addresses[0]!.family);
    });
  }) as unknown as typeof dnsLookup;
}

/** The buyer's key: `X-Api-Key`, or `Authorization: Bearer sk_…` (a platform login is never taken here). */
function keyOf(h: IncomingHttpHeaders): string | null {
  const x = h['x-api-key'];
  if (typeof x === 'string' && x) return x.trim();
  const a = h.authorization;
  return a?.startsWith('Bearer sk_') ? a.slice(7).trim() : null;
}

/** `X-Purpose`, percent-encoded UTF-8 (or raw UTF-8 bytes, which Node reads as Latin-1). */
function purposeOf(h: IncomingHttpHeaders): string | null {
  const v = h['x-purpose'];
  if (typeof v !== 'string' || !v) return null;
  try {
    return v.includes('%') ? decodeURIComponent(v) : Buffer.from(v, 'latin1').toString('utf8');
  } catch {
    return v;
  }
}

/**
 * `ALL /gateway/{orderId}/…`: the metered API gateway. Authenticated by the order's key (the platform's own
 * logins are not looked at), admitted by the trade domain (state, term, purpose, ODRL policy, quota, rate),
 * then proxied to the seller's upstream with the seller's credential and none of the buyer's, the upstream's
 * status and body streamed back. Outside the OpenAPI contracts: it is the seller's API, not the platform's.
 */
export async function gatewayRoutes(app: FastifyInstance, { services, config }: AppDeps) {
  const { gateway } = services.trade;
  const lookup = guardedLookup(config.gatewayAllowPrivateUpstreams);
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 256, lookup }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 256, lookup }),
  };
  app.addHook('onClose', async () => {
    await gateway.close();
    for (const a of Object.values(agents)) a.destroy();
  });
  await app.register(async (gw) => {
    // the body is the buyer's to the seller's API: passed on as bytes, whatever its type
    gw.removeAllContentTypeParsers();
    gw.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    gw.route({
      method: METHODS,
      url: `${GATEWAY_PREFIX}:orderId/*`,
      schema: { hide: true },
      // the gateway's own limit is per order and counted in the database
      config: { rateLimit: false },
      handler: (req, reply) => proxy(req, reply),
    });
  });

  async function proxy(req: FastifyRequest, reply: FastifyReply) {
    const orderId = (req.params as { orderId: string }).orderId;
    const rest = req.url.slice(GATEWAY_PREFIX.length + orderId.length + 1);
    const call = { orderId, method: req.method, path: `/${rest.split('?')[0]}` };
    let admitted: Admitted;
    try {
      if (!ORDER_ID.test(orderId)) throw GatewayKeyInvalid();
      if (upstreamPath(rest) === null) throw GatewayPathInvalid();
      admitted = await gateway.admit(call, keyOf(req.headers), purposeOf(req.headers));
    } catch (e) {
      const retry = (e as DomainError).details as { retryAfter?: number } | undefined;
      if (e instanceof DomainError && e.status === 429 && retry?.retryAfter)
        reply.header('retry-after', String(retry.retryAfter));
      throw e;
    }
    const res = await forward(req, admitted, orderId, rest).catch(async (e: Error & { code?: string }) => {
      const failure =
        e.code === 'ETIMEDOUT'
          ? GatewayUpstreamTimeout()
          : GatewayUpstreamFailed(
              `the seller’s upstream did not answer (${e.code ?? 'error'}): the call is not counted`,
            );
      await gateway.done(call, admitted, failure.status, false);
      throw failure;
    });
    await gateway.done(call, admitted, res.statusCode ?? 502, true);
    return reply
      .code(res.statusCode ?? 502)
      .headers(returnedHeaders(res.headers))
      .send(res);
  }

  function forward(
    req: FastifyRequest,
    a: Admitted,
    orderId: string,
    rest: string,
  ): Promise<IncomingMessage> {
    const u = a.upstream.url;
    const host = u.hostname.replace(/^\[|\]$/g, '');
    // a literal address is not looked up: checked here, as a name's addresses are in the lookup
    const refused = isIP(host) ? addressRefused(host, config.gatewayAllowPrivateUpstreams) : null;
    if (refused) return Promise.reject(Object.assign(new Error(refused), { code: 'EREFUSED' }));
    const mod = u.protocol === 'https:' ? https : http;
    const body = req.body as Buffer | undefined;
    const attempt = (again: boolean): Promise<IncomingMessage> =>
      new Promise((resolve, reject) => {
        const out = mod.request({
          protocol: u.protocol,
          hostname: host,
          port: u.port || undefined,
          method: req.method,
          path: upstreamTarget(u, rest),
          headers: upstreamHeaders(req.headers, a.upstream.credential, orderId),
          agent: agents[u.protocol as 'http:' | 'https:'],
          timeout: a.upstream.timeoutMs,
        });
        out.once('response', resolve);
        out.once('timeout', () => out.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
        out.once('error', (e: Error & { code?: string }) =>
          // a kept-alive connection the upstream closed as it was reused: the request never reached it
          again && out.reusedSocket && e.code === 'ECONNRESET' ? resolve(attempt(false)) : reject(e),
        );
        out.end(Buffer.isBuffer(body) && body.length ? body : undefined);
      });
    return attempt(true);
  }
}
