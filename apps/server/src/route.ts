import { api, ErrorBody, type Access, type RouteContract } from '@shuliu/contracts';
import type { RequestContext } from '@shuliu/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { agentsMayCall } from './agent-auth.js';
import { sendError, type ErrorPayload } from './errors.js';

export interface RouteConfig {
  access: Access;
  audit?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    audit?: string;
    upload?: boolean;
  }
}

type In<C> =
  C extends RouteContract<infer P, infer Q, infer B, z.ZodType>
    ? {
        params: z.output<P>;
        query: z.output<Q>;
        body: z.output<B>;
        ctx: RequestContext;
        req: FastifyRequest;
        reply: FastifyReply;
      }
    : never;
type Out<C> = C extends RouteContract<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.input<R> : never;

const ERROR_STATUSES = [400, 401, 403, 404, 409, 413, 415, 423, 429, 500] as const;

/** What an account whose password an administrator reset may do before it chooses its own. */
const DURING_PASSWORD_CHANGE = new Set<string>(
  [
    api.auth.login,
    api.auth.me,
    api.auth.changePassword,
    api.auth.logout,
    api.notifications.list,
    api.notifications.unreadCount,
    api.notifications.markRead,
  ].map((r) => r.path),
);

/** Why the route's access rule refuses this request, or null: anonymous → 401, wrong role → 403. */
function refusal(access: Access, req: FastifyRequest): ErrorPayload | null {
  const p = req.ctx.principal;
  if (p?.mustChangePassword && !DURING_PASSWORD_CHANGE.has(req.routeOptions.url ?? '')) {
    return {
      status: 403,
      code: 'IDENTITY_PASSWORD_CHANGE_REQUIRED',
      message: 'an administrator reset your password: choose a new one first (POST /api/me/password)',
    };
  }
  if (access.kind === 'public') return null;
  if (!p)
    return {
      status: 401,
      code: 'UNAUTHENTICATED',
      message: 'log in first: send Authorization: Bearer <token>',
    };
  if (access.kind === 'agent' && p.kind !== 'agent')
    return {
      status: 403,
      code: 'COMPUTE_AGENT_SIGNATURE_REQUIRED',
      message: 'this is a compute agent’s own call: sign it with the agent’s enrolled SM2 key',
    };
  // a compute agent's signed calls reach only the routes for agents, and those naming the agent role
  if (p.kind === 'agent' && !agentsMayCall(access))
    return { status: 403, code: 'FORBIDDEN', message: 'a compute agent calls only the routes for agents' };
  if (p.readOnly && req.method !== 'GET')
    return { status: 403, code: 'TOKEN_READ_ONLY', message: 'this API token may only read' };
  if (access.kind === 'roles' && !p.roles.some((r) => access.roles.includes(r))) {
    return {
      status: 403,
      code: 'FORBIDDEN',
      message: `this needs one of the roles: ${access.roles.join(', ')}`,
      details: { requiredRoles: access.roles },
    };
  }
  return null;
}

/**
 * The route's access rule, checked before the body is even parsed. A callback hook rather than an async
 * one: every request passes here, and the common answer (allowed) then costs no promise.
 */
function authorize(access: Access) {
  return (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const refused = refusal(access, req);
    if (!refused) return done();
    sendError(req, reply, refused);
  };
}

/** Registers one contract's route: zod validation both ways, access rule, audit action, OpenAPI metadata. */
export function handle<C extends RouteContract>(
  app: FastifyInstance,
  contract: C,
  handler: (input: In<C>) => Promise<Out<C>>,
) {
  const status = contract.status ?? 200;
  // a file download's bytes pass through unserialized; only its errors have a schema
  const response: Record<number, z.ZodType> = contract.download ? {} : { [status]: contract.response };
  for (const s of ERROR_STATUSES) response[s] = ErrorBody;
  const secured = contract.access.kind !== 'public';
  app.withTypeProvider<ZodTypeProvider>().route({
    method: contract.method,
    url: contract.path,
    config: { access: contract.access, audit: contract.audit, upload: !!contract.upload },
    schema: {
      summary: contract.summary,
      tags: contract.tags,
      ...(contract.params && { params: contract.params }),
      ...(contract.query && { querystring: contract.query }),
      ...(contract.body && { body: contract.body }),
      ...(contract.upload && { consumes: ['application/octet-stream'] }),
      response,
      ...(secured && { security: [{ bearer: [] }] }),
      'x-access': contract.access.kind === 'roles' ? { roles: contract.access.roles } : contract.access.kind,
    } as Record<string, unknown>,
    onRequest: authorize(contract.access),
    handler: async (req, reply) => {
      const out = await handler({
        params: req.params,
        query: req.query,
        body: req.body,
        ctx: req.ctx,
        req,
        reply,
      } as unknown as In<C>);
      return reply.code(status).send(out);
    },
  });
}
