import { DomainError } from '@shuliu/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

export interface ErrorPayload {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'BAD_JSON',
    message: 'the request body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'BAD_JSON',
    message: 'the request body is empty; send a JSON object',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'BODY_TOO_LARGE',
    message: 'the request body is larger than the server accepts',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'send the body as application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'BAD_REQUEST',
    message: 'the Content-Length header does not match the body',
  },
};

/** Maps any error to the one error shape; unexpected errors become a bare 500 whose cause stays in the log. */
export function toErrorPayload(err: unknown): ErrorPayload {
  if (err instanceof DomainError)
    return { status: err.status, code: err.code, message: err.message, details: err.details };
  const e = err as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const where = e.validationContext ?? 'request';
    const details = e.validation.map((v) => {
      const path = [where, ...v.instancePath.split('/').filter(Boolean)].join('.');
      const keys = (v.params as { keys?: string[] }).keys;
      return { path: keys?.length ? `${path}.${keys[0]}` : path, message: v.message ?? 'is invalid' };
    });
    const first = details[0];
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: first ? `${first.path}: ${first.message}` : 'the request is invalid',
      details,
    };
  }
  if (isResponseSerializationError(e)) return { status: 500, code: 'INTERNAL', message: 'internal error' };
  if (e?.code && FASTIFY_CODES[e.code]) return FASTIFY_CODES[e.code]!;
  if (e?.statusCode === 429)
    return { status: 429, code: 'RATE_LIMITED', message: e.message || 'too many requests, slow down' };
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, code: 'BAD_REQUEST', message: e.message };
  }
  return { status: 500, code: 'INTERNAL', message: 'internal error' };
}

export function sendError(req: FastifyRequest, reply: FastifyReply, p: ErrorPayload) {
  return reply
    .code(p.status)
    .type('application/json; charset=utf-8')
    .send({
      error: {
        code: p.code,
        message: p.message,
        ...(p.details !== undefined && { details: p.details }),
        requestId: req.id,
      },
    });
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const p = toErrorPayload(err);
  if (p.status >= 500) req.log.error({ err }, 'request failed');
  else req.log.info({ code: p.code, status: p.status }, 'request rejected');
  return sendError(req, reply, p);
}
