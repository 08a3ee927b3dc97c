import type { Me } from '@shuliu/contracts';
import type { RequestContext } from '@shuliu/core';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    /** The user/org snapshot read while authenticating. */
    me: Me | null;
  }
}

export function newContext(req: FastifyRequest): RequestContext {
  const ua = req.headers['user-agent'];
  return {
    requestId: req.id,
    ip: req.ip,
    userAgent: typeof ua === 'string' ? ua : null,
    principal: null,
    audited: false,
  };
}
