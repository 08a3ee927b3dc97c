import { api } from '@shuliu/contracts';
import type { Config, Services } from '@shuliu/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './errors.js';

/** Public POSTs that only read (a bundle is sent to be checked, nothing is stored): not throttled as writes. */
export const THROTTLE_EXEMPT = new Set<string>([api.registry.verifyBundle.path, api.orgKeys.verify.path]);

/** The username a public write names (login, sign-up, an application's administrator), lowercased. */
function usernameOf(body: unknown): string | null {
  const b = body as { username?: unknown; admin?: { username?: unknown } } | null;
  const name = typeof b?.username === 'string' ? b.username : b?.admin?.username;
  return typeof name === 'string' && name.length <= 64 ? name.trim().toLowerCase() : null;
}

/**
 * The hook on logins and every other unauthenticated write (sign-up, onboarding application): limited per
 * client IP and per username before anything else looks at them, whatever Bearer token the request carries —
 * a token's own generous limit must not cover password guessing. Counted in the database, so processes
 * share it.
 */
export function publicWriteThrottle(config: Config, services: Services) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const login = req.routeOptions.url === api.auth.login.path;
    const bucket = login ? 'login' : 'write';
    const limit = login ? config.loginRateLimitPerMinute : config.publicWriteRateLimitPerMinute;
    const user = usernameOf(req.body);
    const keys = [`${bucket}-ip:${req.ip}`, ...(user ? [`${bucket}-user:${user}`] : [])];
    const wait = await services.identity.auth.throttle.hit(keys, limit);
    if (wait === null) return;
    reply.header('retry-after', String(wait));
    return sendError(req, reply, {
      status: 429,
      code: 'RATE_LIMITED',
      message: `too many attempts; retry in ${wait} s`,
      details: { retryAfterSeconds: wait },
    });
  };
}
