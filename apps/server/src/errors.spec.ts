import { DomainError } from '@shuliu/core';
import { describe, expect, it } from 'vitest';
import { toErrorPayload } from './errors.js';

describe('error mapping', () => {
  it('keeps a domain error’s code, status and details', () => {
    const p = toErrorPayload(new DomainError('REGISTRY_CERTIFICATE_FROZEN', 'frozen', 409, { certNo: 'x' }));
    expect(p).toEqual({
      status: 409,
      code: 'REGISTRY_CERTIFICATE_FROZEN',
      message: 'frozen',
      details: { certNo: 'x' },
    });
  });

  it('maps Fastify body errors to client errors', () => {
    expect(toErrorPayload({ code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 })).toMatchObject({
      status: 400,
      code: 'BAD_JSON',
    });
    expect(toErrorPayload({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 })).toMatchObject({
      status: 413,
      code: 'BODY_TOO_LARGE',
    });
    expect(toErrorPayload({ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 })).toMatchObject({
      status: 415,
    });
  });

  it('maps rate limiting to 429', () => {
    expect(toErrorPayload({ statusCode: 429, message: 'retry in 5 s' })).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
    });
  });

  it('hides the cause of unexpected errors', () => {
    const p = toErrorPayload(new TypeError('cannot read x of undefined at /srv/secret/path.ts:12'));
    expect(p).toEqual({ status: 500, code: 'INTERNAL', message: 'internal error' });
  });
});
