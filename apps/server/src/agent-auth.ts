import { AGENT_CONTENT_HEADER, jcs, parseAgentAuthorization, type Access } from '@shuliu/contracts';
import { compute, crypto, type Services } from '@shuliu/core';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { sendError } from './errors.js';

/** SM3 of a body's RFC 8785 form, as an agent signs it (no body: the empty string). */
export const contentSm3 = (body: unknown) =>
  crypto.sm3Hex(body === undefined || body === null ? '' : jcs(body as never));

/**
 * A compute agent's signed request: its Authorization header verified against the agent's enrolled SM2 key
 * (time, nonce, signature over method, path and the body's SM3 as the agent declared it). Resolves to the
 * agent's principal; throws the refusal.
 */
export function authenticateAgent(services: Services, req: FastifyRequest, header: string) {
  const parsed = parseAgentAuthorization(header);
  const declared = req.headers[AGENT_CONTENT_HEADER];
  if (!parsed || typeof declared !== 'string' || !/^[0-9a-f]{64}$/.test(declared))
    return Promise.reject(
      compute.AgentSignatureInvalid('the SM2-Agent Authorization or its x-content-sm3 header is malformed'),
    );
  return services.compute.agents.authenticate({
    ...parsed,
    method: req.method,
    path: req.url,
    contentSm3: declared,
  });
}

/**
 * On a route an agent may call, the body it sent must be the one it signed: its SM3 is compared with the
 * declared one once the body is parsed and before it is validated (validation may apply defaults).
 */
export function agentBodyCheck(req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
  if (req.ctx.principal?.kind !== 'agent') return done();
  // an uploaded file is a stream: its handler compares the stored bytes' SM3 with the declared one
  if (req.routeOptions.config?.upload) return done();
  if (contentSm3(req.body) === req.headers[AGENT_CONTENT_HEADER]) return done();
  sendError(req, reply, {
    status: 401,
    code: 'COMPUTE_AGENT_SIGNATURE_INVALID',
    message: 'the body is not the one the agent signed (x-content-sm3)',
  });
}

/** Whether a compute agent may call a route: one for agents, or one whose access names the `agent` role. */
export const agentsMayCall = (access: Access | undefined) =>
  access?.kind === 'agent' || (access?.kind === 'roles' && access.roles.includes('agent'));
