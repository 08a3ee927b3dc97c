import type { Resource } from '@shuliu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing.js';

/** Security issue 14: input the database cannot store, or that no one should be able to send, is a 400. */
let t: TestServer;
let operator: string;
let merchant: string;
beforeAll(async () => {
  t = await startTestServer();
  operator = await t.login('operator');
  merchant = await t.login('merchant');
});
afterAll(() => t.close());

const json = (method: string, url: string, payload: string, token?: string) =>
  t.app.inject({
    method: method as 'POST',
    url,
    payload,
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
  });

describe('lone UTF-16 surrogates (14.8)', () => {
  it('on login: a 400 naming the field, not a 500 from PostgreSQL', async () => {
    const res = await json('POST', '/api/auth/login', '{"username":"a\\ud800","password":"x"}');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('U+D800'),
        details: [{ path: 'body.username' }],
      },
    });
  });

  it('on a resource PATCH, in a key or in the query too; a proper pair is fine', async () => {
    const res = (
      await t.call<Resource>('POST', '/api/catalog/resources', 'merchant', {
        title: '代理对测试',
        description: '检查孤立代理项不会导致服务器错误。',
        sectorCode: 'finance',
        subjectType: 'organization',
        sourceKind: 'collected',
        sourceMethod: '业务系统采集',
        updateFrequency: 'monthly',
      })
    ).body;
    const url = `/api/catalog/resources/${res.id}`;
    const lone = await json('PATCH', url, '{"description":"坏\\udc00坏坏坏坏坏坏坏坏坏坏"}', merchant);
    expect(lone.statusCode).toBe(400);
    expect(lone.json()).toMatchObject({ error: { details: [{ path: 'body.description' }] } });
    const key = await json('PATCH', url, '{"a\\ud83d":1}', merchant);
    expect(key.statusCode).toBe(400);
    const q = await t.app.inject({
      url: '/api/users?q=%ED%A0%80',
      headers: { authorization: `Bearer ${operator}` },
    });
    expect(q.statusCode).not.toBe(500);
    const pair = await json('PATCH', url, '{"description":"好\\ud83d\\ude00好好好好好好好好好好"}', merchant);
    expect(pair.statusCode).toBe(200);
  });
});

describe('bounded arrays and audit details (14.7)', () => {
  const lastEvent = async (action: string) => {
    const r = await t.call<{ items: { details: Record<string, unknown> | null; outcome: string }[] }>(
      'GET',
      `/api/audit/events?action=${action}&pageSize=1`,
      'operator',
    );
    return r.body.items[0]!;
  };

  it('PATCH /api/users/{id} with 90,000 roles is a 400, and its audit event stays small', async () => {
    const me = (await t.call<{ user: { id: string } }>('GET', '/api/me', 'merchant')).body.user;
    const roles = Array.from({ length: 90_000 }, () => 'merchant');
    const res = await json('PATCH', `/api/users/${me.id}`, JSON.stringify({ roles }), operator);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const event = await lastEvent('identity.user.update');
    expect(JSON.stringify(event).length).toBeLessThan(4096);
  });

  it('a large body that is allowed is audited as a bounded summary with the digest of the whole', async () => {
    const financialOrgIds = Array.from({ length: 1000 }, (_, i) => `org_${String(i).padStart(26, '0')}`);
    const res = await json('PUT', '/api/registry/settings', JSON.stringify({ financialOrgIds }), operator);
    expect(res.statusCode).toBe(200);
    const event = await lastEvent('registry.settings.update');
    expect(JSON.stringify(event.details).length).toBeLessThanOrEqual(16 * 1024);
    expect(event.details).toMatchObject({
      changed: { financialOrgIds: expect.arrayContaining(['… 980 more items']) },
      summarized: { sm3: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  });
});
