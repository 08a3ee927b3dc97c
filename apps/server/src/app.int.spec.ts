import { ERROR_CODES } from '@shuliu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing.js';

let t: TestServer;
let operator: string;
beforeAll(async () => {
  t = await startTestServer();
  operator = await t.login('operator');
});
afterAll(() => t.close());

const errorShape = {
  error: { code: expect.any(String), message: expect.any(String), requestId: expect.any(String) },
};

describe('HTTP basics', () => {
  it('reports health with the database kind and version', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', db: t.database.kind, version: expect.any(String) });
  });

  it('gives every response a request id, echoing a caller’s own', async () => {
    const res = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers['x-request-id']).toBe('trace-123');
    const gen = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(gen.headers['x-request-id']).toMatch(/^req_/);
  });

  it('sends security headers and no CORS headers by default', async () => {
    const res = await t.app.inject({ url: '/api/health', headers: { origin: 'https://evil.example' } });
    // an API answer allows nothing to load and nothing to frame it
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    // a portal page gets the full set
    const page = await t.app.inject({ url: '/catalog' });
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends HSTS and upgrade-insecure-requests only when served over TLS (issue 14)', async () => {
    const res = await t.app.inject({ url: '/catalog' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const tls = await startTestServer({ demo: false, config: { tlsOnly: true } });
    try {
      const r = await tls.app.inject({ url: '/catalog' });
      expect(r.headers['strict-transport-security']).toContain('max-age=31536000');
      expect(r.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      const api = await tls.app.inject({ url: '/api/health' });
      expect(api.headers['strict-transport-security']).toContain('max-age=31536000');
    } finally {
      await tls.close();
    }
  }, 120_000);

  it('publishes an OpenAPI 3.1 document and interactive docs', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    const doc = res.json() as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { enum?: string[] }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/auth/login');
    // every code of the error shape, listed once and referenced by each error answer
    expect(doc.components.schemas.ErrorCode?.enum).toEqual([...ERROR_CODES]);
    expect(res.body).toContain('"$ref":"#/components/schemas/ErrorCode"');
    expect((await t.app.inject({ url: '/api/docs/' })).statusCode).toBe(200);
  });
});

describe('bad input gets a 4xx with the error shape', () => {
  const post = (payload: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers });

  it('malformed JSON → 400 BAD_JSON', async () => {
    const res = await post('{"username": "a",');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'BAD_JSON' } });
  });

  it('wrong types → 400 naming the field', async () => {
    const res = await post(JSON.stringify({ username: 42, password: 'x' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('body.username'),
        details: [{ path: 'body.username' }],
      },
    });
  });

  it('unknown fields → 400 naming the field', async () => {
    const res = await post(JSON.stringify({ username: 'a', password: 'b', isAdmin: true }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.isAdmin' }] },
    });
  });

  it('oversized body → 413', async () => {
    const res = await post(JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) }));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
  });

  it('a non-JSON content type → 415', async () => {
    const res = await post('username=a', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject(errorShape);
  });

  it('bad query and path parameters → 400', async () => {
    const auth = { authorization: `Bearer ${operator}` };
    const q = await t.app.inject({ url: '/api/users?page=0&pageSize=abc', headers: auth });
    expect(q.statusCode).toBe(400);
    expect(q.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('querystring.page') },
    });
    const p = await t.app.inject({ url: '/api/users/not-an-id', headers: auth });
    expect(p.statusCode).toBe(400);
    expect(p.json()).toMatchObject({ error: { details: [{ path: 'params.id' }] } });
  });

  it('text holding U+0000 → 400 naming the field, wherever it sits (PostgreSQL could not store it)', async () => {
    const body = await post(JSON.stringify({ username: 'a\u0000b', password: 'x' }));
    expect(body.statusCode).toBe(400);
    expect(body.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.username' }] },
    });
    const q = await t.app.inject({
      url: '/api/users?q=%00',
      headers: { authorization: `Bearer ${operator}` },
    });
    expect(q.statusCode).toBe(400);
    expect(q.json()).toMatchObject({
      error: { message: expect.stringContaining('U+0000'), details: [{ path: 'querystring.q' }] },
    });
  });

  it('a missing portal file is a 404, not the portal page', async () => {
    const res = await t.app.inject({ url: '/assets/index-gone.js' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  });

  it('unknown route → 404 ROUTE_NOT_FOUND; unknown id → 404 NOT_FOUND', async () => {
    expect((await t.app.inject({ url: '/api/nothing-here' })).json()).toMatchObject({
      error: { code: 'ROUTE_NOT_FOUND' },
    });
    const res = await t.app.inject({
      url: '/api/orgs/org_00000000000000000000000000',
      headers: { authorization: `Bearer ${operator}` },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('a conflict → 409 with a code naming the rule', async () => {
    const list = (
      await t.app.inject({
        url: '/api/onboarding/applications?status=approved',
        headers: { authorization: `Bearer ${operator}` },
      })
    ).json() as { items: { id: string }[] };
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/onboarding/applications/${list.items[0]!.id}/approve`,
      payload: {},
      headers: { authorization: `Bearer ${operator}` },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'IDENTITY_APPLICATION_NOT_PENDING' } });
  });

  it('rejected state-changing requests are audited too', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'x' },
      headers: { authorization: `Bearer ${operator}` },
    });
    expect(res.statusCode).toBe(400);
    const events = (
      await t.app.inject({
        url: `/api/audit/events?requestId=${res.headers['x-request-id']}`,
        headers: { authorization: `Bearer ${operator}` },
      })
    ).json() as { items: { action: string; outcome: string; details: { code: string } }[] };
    expect(events.items[0]).toMatchObject({
      action: 'identity.user.create',
      outcome: 'failure',
      details: { code: 'VALIDATION_FAILED' },
    });
  });
});

describe('login over HTTP', () => {
  it('returns a token that /api/me accepts, and logout ends it', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'buyer', password: 'Shuliu2026!' },
    });
    expect(login.statusCode).toBe(200);
    const { token, expiresAt, user } = login.json() as {
      token: string;
      expiresAt: string;
      user: { username: string };
    };
    expect(user.username).toBe('buyer');
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    const auth = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ url: '/api/me', headers: auth });
    expect(me.json()).toMatchObject({
      user: { username: 'buyer', roles: expect.arrayContaining(['buyer']) },
      org: { name: '鲁信普惠金融科技有限公司' },
      session: { kind: 'session' },
    });
    expect(JSON.stringify(me.json())).not.toMatch(/password|token_hash/);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: auth })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ url: '/api/me', headers: auth })).statusCode).toBe(401);
  });

  it('never writes passwords or tokens into the audit log', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'buyer', password: 'Wrong-password-9' },
    });
    const all = (
      await t.app.inject({
        url: '/api/audit/events?pageSize=200',
        headers: { authorization: `Bearer ${operator}` },
      })
    ).body;
    expect(all).not.toContain('Wrong-password-9');
    expect(all).not.toContain('Shuliu2026!');
    expect(all).not.toContain(operator);
  });
});

describe('API tokens and rate limits over HTTP', () => {
  it('a read-only API token reads but may not write', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: { authorization: `Bearer ${operator}` },
      payload: { name: 'dashboard', roles: ['operator'], readOnly: true },
    });
    expect(created.statusCode).toBe(201);
    const { token } = created.json() as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/orgs', headers: auth })).statusCode).toBe(200);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: auth,
      payload: {},
    });
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({ error: { code: 'TOKEN_READ_ONLY' } });
    const listed = (
      await t.app.inject({ url: '/api/me/tokens', headers: { authorization: `Bearer ${operator}` } })
    ).body;
    expect(listed).not.toContain(token);
  });

  it('answers 429 with the error shape past the per-IP limit', async () => {
    const { startTestServer } = await import('./testing.js');
    const limited = await startTestServer({ demo: false, config: { rateLimitPerMinute: 3 } });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.app.inject({ url: '/api/health' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      const res = await limited.app.inject({ url: '/api/health' });
      expect(res.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    } finally {
      await limited.close();
    }
  });
});
