import { idCardCheckChar } from '@shuliu/contracts';
import { demo } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';

// Issue 14: members-only catalog metadata is for active org members, not applicants or natural persons.
type Search = { items: { id: string; title: string }[] };

let t: TestServer;
let borrowers: string;
beforeAll(async () => {
  t = await startTestServer({ demo: true });
  const first = '37020319920708234';
  const signUp = await t.call('POST', '/api/consent/persons', undefined, {
    username: 'person-reader',
    password: demo.DEMO_PASSWORD,
    displayName: '王五',
    idCard: first + idCardCheckChar(first),
    phone: '13800138000',
  });
  expect(signUp.status).toBe(201);
  const seen = await t.call<Search>('GET', '/api/catalog/resources?pageSize=100', 'buyer2');
  borrowers = seen.body.items.find((r) => r.title === '普惠金融客户名单')!.id;
});
afterAll(() => t.close());

describe('members-only catalog metadata', () => {
  it('an active org member sees the schema of 普惠金融客户名单', async () => {
    expect((await t.call('GET', `/api/catalog/resources/${borrowers}`, 'buyer2')).status).toBe(200);
  });

  it.each([
    ['a pending applicant with no role yet', 'yantai'],
    ['a natural person', 'person-reader'],
  ])('%s sees it neither in search nor by id', async (_, username) => {
    const search = await t.call<Search>('GET', '/api/catalog/resources?pageSize=100', username);
    expect(search.body.items.map((r) => r.id)).not.toContain(borrowers);
    expect((await t.call('GET', `/api/catalog/resources/${borrowers}`, username)).status).toBe(404);
  });
});
