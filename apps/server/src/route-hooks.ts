import type { Services } from '@shuliu/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A route's hooks of one kind with one more after them (Fastify takes a function or an array). */
export function hooksOf<H>(existing: H | H[] | undefined, hook: H): H[] {
  return existing === undefined ? [hook] : [...([] as H[]).concat(existing), hook];
}

/**
 * Records an attempt at a state-changing route that did not audit itself inside its transaction —
 * a validation error, a denial, a conflict — so that no attempt goes unrecorded.
 */
export function auditUnfinished(audit: Services['audit'], action: string) {
  return async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (req.ctx?.audited) return payload;
    const status = reply.statusCode;
    const outcome = status < 400 ? 'success' : status === 401 || status === 403 ? 'denied' : 'failure';
    let code: string | undefined;
    if (status >= 400 && typeof payload === 'string')
      code = (JSON.parse(payload) as { error?: { code?: string } }).error?.code;
    await audit.record(req.ctx, {
      action,
      outcome,
      details: { status, ...(code && { code }), path: req.url.split('?')[0] },
    });
    return payload;
  };
}
