import {
  fromBase64,
  fromHex,
  sm3Hasher,
  verifyConsistency,
  verifyInclusion,
  type LedgerCheckpoint,
} from '@shuliu/contracts';
import { createServices, crypto, loadConfig } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { startTestServer, type TestServer } from '../testing.js';

let t: TestServer;
let operator: string;
beforeAll(async () => {
  t = await startTestServer();
  operator = await t.login('operator');
});
afterAll(() => t.close());

const get = async <T>(url: string) => {
  const res = await t.app.inject({ url });
  return { status: res.statusCode, body: res.json() as T };
};
const post = (url: string, token?: string) =>
  t.app.inject({
    method: 'POST',
    url,
    payload: {},
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

const errorShape = (code: string) => ({
  error: { code, message: expect.any(String), requestId: expect.any(String) },
});

describe('public ledger API', () => {
  it('serves the latest checkpoint to anyone, signed by the key it names', async () => {
    const { status, body: c } = await get<LedgerCheckpoint>('/api/ledger/checkpoint');
    expect(status).toBe(200);
    expect(c).toMatchObject({
      origin: 'shuliu.local/ledger',
      hashAlg: 'sm3',
      keyId: expect.stringMatching(/^key_/),
    });
    expect(c.treeSize).toBeGreaterThanOrEqual(2); // the demo's audit anchors
    expect(c.body).toBe(`${c.origin}\n${c.treeSize}\n${c.rootHash}\n`);
    expect(c.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    expect(
      crypto.sm2Verify(crypto.parsePublicKey(c.publicKey), c.body, c.signature, crypto.DEFAULT_SM2_ID),
    ).toBe(true);
    const keys = await get<{ items: { id: string; publicKey: string; publicKeyPem: string }[] }>(
      '/api/ledger/keys',
    );
    expect(keys.body.items.find((k) => k.id === c.keyId)?.publicKey).toBe(c.publicKey);
    expect(JSON.stringify(keys.body)).not.toMatch(/sealed|private/i);
  });

  it('serves entries, and proofs that check out in the browser code against the signed root', async () => {
    const { body: c } = await get<LedgerCheckpoint>('/api/ledger/checkpoint');
    const list = await get<{ items: { index: number; entry: string; leafHash: string }[]; total: number }>(
      '/api/ledger/entries?pageSize=5',
    );
    expect(list.body.total).toBe(c.treeSize);
    expect(list.body.items[0]!.index).toBe(c.treeSize - 1);
    const { body: e } = await get<{ index: number; entry: string; leafHash: string }>(
      '/api/ledger/entries/1',
    );
    expect(JSON.parse(e.entry)).toMatchObject({ v: 1, type: 'audit.anchor' });
    const { body: p } = await get<{ leafIndex: number; treeSize: number; auditPath: string[] }>(
      `/api/ledger/proof/inclusion?index=1&treeSize=${c.treeSize}`,
    );
    expect(p).toMatchObject({ leafIndex: 1, treeSize: c.treeSize });
    verifyInclusion(
      sm3Hasher,
      1,
      c.treeSize,
      fromHex(e.leafHash),
      p.auditPath.map(fromHex),
      fromBase64(c.rootHash),
    );
    const { body: first } = await get<LedgerCheckpoint>('/api/ledger/checkpoint?treeSize=1');
    const { body: cp } = await get<{ from: number; to: number; proof: string[] }>(
      `/api/ledger/proof/consistency?from=1&to=${c.treeSize}`,
    );
    verifyConsistency(
      sm3Hasher,
      1,
      c.treeSize,
      cp.proof.map(fromHex),
      fromBase64(first.rootHash),
      fromBase64(c.rootHash),
    );
  });

  it.each([
    ['/api/ledger/proof/inclusion?index=5&treeSize=5', 'VALIDATION_FAILED', /index/],
    ['/api/ledger/proof/inclusion?index=abc', 'VALIDATION_FAILED', /index/],
    ['/api/ledger/proof/inclusion?index=-1', 'VALIDATION_FAILED', /index/],
    ['/api/ledger/proof/inclusion?index=1.5', 'VALIDATION_FAILED', /index/],
    ['/api/ledger/proof/inclusion', 'VALIDATION_FAILED', /index/],
    ['/api/ledger/proof/inclusion?index=1&treeSize=x', 'VALIDATION_FAILED', /treeSize/],
    [
      '/api/ledger/proof/inclusion?index=1&treeSize=999999',
      'LEDGER_TREE_SIZE_BEYOND_HEAD',
      /fewer than 999999/,
    ],
    ['/api/ledger/proof/inclusion?index=999999', 'LEDGER_INDEX_OUT_OF_RANGE', /not below tree size/],
    ['/api/ledger/proof/consistency?from=3&to=2', 'VALIDATION_FAILED', /from/],
    ['/api/ledger/proof/consistency?from=0&to=2', 'VALIDATION_FAILED', /from/],
    ['/api/ledger/proof/consistency?from=a&to=2', 'VALIDATION_FAILED', /from/],
    ['/api/ledger/proof/consistency?from=1&to=999999', 'LEDGER_TREE_SIZE_BEYOND_HEAD', /999999/],
    ['/api/ledger/entries/abc', 'VALIDATION_FAILED', /index/],
    ['/api/ledger/entries?type=no.such', 'VALIDATION_FAILED', /type/],
    ['/api/ledger/checkpoint?treeSize=0', 'VALIDATION_FAILED', /treeSize/],
    ['/api/ledger/checkpoint?other=1', 'VALIDATION_FAILED', /other/],
  ])('GET %s → 400 %s', async (url, code, message) => {
    const { status, body } = await get<{ error: { message: string } }>(url);
    expect(status).toBe(400);
    expect(body).toMatchObject(errorShape(code));
    expect(body.error.message).toMatch(message);
  });

  it('answers 404 for an entry or checkpoint that does not exist', async () => {
    expect(await get('/api/ledger/entries/999999')).toMatchObject({
      status: 404,
      body: errorShape('LEDGER_ENTRY_NOT_FOUND'),
    });
    expect(await get('/api/ledger/checkpoint?treeSize=999999')).toMatchObject({
      status: 404,
      body: errorShape('LEDGER_CHECKPOINT_NOT_FOUND'),
    });
  });
});

describe('operator actions on the ledger', () => {
  it('anchors the audit chain on request, audited', async () => {
    expect((await post('/api/ledger/anchor')).statusCode).toBe(401);
    const res = await post('/api/ledger/anchor', operator);
    expect(res.statusCode).toBe(200);
    const a = res.json() as { anchored: boolean; index: number; auditSeq: number };
    expect(a.anchored).toBe(true);
    const { body: e } = await get<{ entry: string }>(`/api/ledger/entries/${a.index}`);
    expect(JSON.parse(e.entry)).toMatchObject({ type: 'audit.anchor', attrs: { seq: a.auditSeq } });
    const events = await t.app.inject({
      url: '/api/audit/events?action=ledger.audit_anchor',
      headers: { authorization: `Bearer ${operator}` },
    });
    expect((events.json() as { total: number }).total).toBeGreaterThanOrEqual(3);
  });

  it('rotates the signing key: new checkpoints name the new key, both keys are listed', async () => {
    const merchant = await t.login('merchant2');
    expect((await post('/api/ledger/keys/rotate', merchant)).statusCode).toBe(403);
    const before = (await get<LedgerCheckpoint>('/api/ledger/checkpoint')).body;
    const res = await post('/api/ledger/keys/rotate', operator);
    expect(res.statusCode).toBe(200);
    const key = res.json() as { id: string; publicKey: string; retiredAt: null };
    expect(JSON.stringify(res.json())).not.toMatch(/sealed|private/i);
    const after = (await get<LedgerCheckpoint>('/api/ledger/checkpoint')).body;
    expect(after).toMatchObject({ keyId: key.id, publicKey: key.publicKey, treeSize: before.treeSize + 1 });
    const keys = (await get<{ items: { id: string; retiredAt: string | null }[] }>('/api/ledger/keys')).body
      .items;
    expect(keys.find((k) => k.id === before.keyId)?.retiredAt).toEqual(expect.any(String));
    const old = (await get<LedgerCheckpoint>(`/api/ledger/checkpoint?treeSize=${before.treeSize}`)).body;
    expect(old.keyId).toBe(before.keyId);
  });
});

describe('server start', () => {
  it('stops with a configuration error when PostgreSQL is used without a master key', async () => {
    const config = loadConfig({}, { databaseUrl: 'postgres://nobody@127.0.0.1:1/none', logLevel: 'silent' });
    const services = createServices(t.database.db, config);
    const app = await buildApp({ services, config, dbKind: 'postgres', version: 'test', logger: false });
    await expect(app.ready()).rejects.toMatchObject({
      name: 'ConfigError',
      message: expect.stringMatching(/SHULIU_MASTER_KEY_FILE: required with PostgreSQL/),
    });
    await app.close();
  });
});
