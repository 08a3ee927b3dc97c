import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing.js';

/** Security issue 14: every error keeps the one shape, and the caller's Host names nothing. */
let t: TestServer;
let merchant: string;
beforeAll(async () => {
  t = await startTestServer({ listen: true, config: { publicUrl: 'https://data.example.gov.cn' } });
  merchant = await t.login('merchant');
});
afterAll(() => t.close());

const shape = {
  error: { code: expect.any(String), message: expect.any(String), requestId: expect.any(String) },
};

/** A raw HTTP request, so that Node's own parser answers what it answers (inject bypasses it). */
const raw = (path: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const u = new URL(t.url);
    const req = request({ host: u.hostname, port: u.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }),
      );
    });
    req.on('error', reject);
    req.end();
  });

describe('error shapes', () => {
  it('a path parameter over 100 characters is a 4xx in the error shape', async () => {
    const res = await raw(`/api/catalog/resources/${'a'.repeat(150)}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(JSON.parse(res.body)).toMatchObject(shape);
  });

  it('oversized headers are a 431 in the error shape', async () => {
    const res = await raw('/api/health', { 'x-big': 'a'.repeat(20_000) });
    expect(res.status).toBe(431);
    expect(res.type).toContain('application/json');
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'HEADERS_TOO_LARGE' } });
  });

  it('a traversal under /api/docs/static is a 4xx in the error shape', async () => {
    for (const path of [
      '/api/docs/static/..%2f..%2fpackage.json',
      '/api/docs/static/%2e%2e/%2e%2e/package.json',
      '/api/docs/static/%2e%2e%2f%2e%2e%2fpackage.json',
      '/api/docs/static/..%5c..%5cpackage.json',
      '/api/docs/static/%c0%ae%c0%ae/x',
      '/api/docs/static/%00',
      '/api/docs/static/%',
    ]) {
      const res = await raw(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(JSON.parse(res.body), `${path}: ${res.body}`).toMatchObject(shape);
    }
  });
});

describe('DCAT identifiers (Host header)', () => {
  it('come from the configured public URL, whatever Host the caller sends', async () => {
    const res = await raw('/api/catalog/dcat', { host: 'evil.example' });
    expect(res.status).toBe(200);
    expect(res.body).not.toContain('evil.example');
    expect(JSON.parse(res.body)['@id']).toMatch(/^https:\/\/data\.example\.gov\.cn\//);
  });
});

describe('upload file names', () => {
  it('refuses CR/LF and other control characters in a file name', async () => {
    const r = (
      await t.call<{ items: { id: string }[] }>(
        'GET',
        '/api/catalog/resources?pageSize=1&mine=true',
        'merchant',
      )
    ).body.items[0]!;
    for (const name of ['a\r\nSet-Cookie: x=1.csv', 'a\tb.csv', 'a\u001bb.csv', 'a\u202eb.csv']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/catalog/resources/${r.id}/files?name=${encodeURIComponent(name)}`,
        payload: 'a,b\n1,2\n',
        headers: { authorization: `Bearer ${merchant}`, 'content-type': 'application/octet-stream' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: [{ path: 'querystring.name' }] },
      });
    }
  });
});
