import type { ErrorCode } from '@shuliu/contracts';
import { DomainError, ulid } from '@shuliu/core';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

export interface ErrorPayload {
  status: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

const FASTIFY_CODES: Record<string, ErrorPayload> = {
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
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'URI_TOO_LONG',
    message: 'a path parameter is longer than the server accepts',
  },
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_REQUEST', message: 'the request path is not a valid URL' },
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

/**
 * Errors Fastify's router answers before any hook runs (a path parameter over 100 characters, a path that
 * does not decode): the same shape as every other error.
 */
export function frameworkErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  return sendError(req, reply, toErrorPayload(err));
}

/**
 * What Node's HTTP parser refuses before there is a request (headers over the limit, a malformed request
 * line): answered in the one error shape, with a request id for the log, then the connection closes.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex) {
  if (!socket.writable) return socket.destroy();
  const big = err.code === 'HPE_HEADER_OVERFLOW';
  const status = big ? 431 : 400;
  const code: ErrorCode = big ? 'HEADERS_TOO_LARGE' : 'BAD_REQUEST';
  const body = JSON.stringify({
    error: {
      code,
      message: big ? 'the request headers are larger than the server accepts' : 'the request is malformed',
      requestId: `req_${ulid()}`,
    },
  });
  const reason = big ? 'Request Header Fields Too Large' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const p = toErrorPayload(err);
  if (p.status >= 500) req.log.error({ err }, 'request failed');
  else req.log.info({ code: p.code, status: p.status }, 'request rejected');
  return sendError(req, reply, p);
}
