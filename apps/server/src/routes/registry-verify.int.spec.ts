import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  LedgerCheckpoint,
  LedgerKey,
  VerifyBundleReply,
  VerifyCertificateReply,
} from '@shuliu/contracts';
import { verifyCertificateBundle } from '@shuliu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { registryClient } from './registry.fixtures.js';

const BIN = join(import.meta.dirname, '../../../cli/bin/shuliu.mjs');
const dir = mkdtempSync(join(tmpdir(), 'shuliu-registry-verify-'));
// two registries, each with its own database and its own platform key
let a: TestServer;
let b: TestServer;
let ca: ReturnType<typeof registryClient>;
let cb: ReturnType<typeof registryClient>;
let bundleA: VerifyCertificateReply;
let bundleB: VerifyCertificateReply;
let keyA: string;
let keyB: string;

const bundleOf = async (c: ReturnType<typeof registryClient>, title: string) => {
  const issued = await c.register('merchant', await c.resource('merchant', title));
  return c.ok<VerifyCertificateReply>('GET', `/api/registry/verify/${issued.resultCertificateNo}`);
};
const keyOf = async (c: ReturnType<typeof registryClient>) =>
  (await c.ok<{ items: LedgerKey[] }>('GET', '/api/ledger/keys')).items.find((k) => !k.retiredAt)!.publicKey;

beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer(), startTestServer()]);
  [ca, cb] = [registryClient(a), registryClient(b)];
  bundleA = await bundleOf(ca, '甲节点登记数据');
  await bundleOf(ca, '甲节点第二份数据'); // the log grows past the first certificate
  bundleA = await ca.ok<VerifyCertificateReply>(
    'GET',
    `/api/registry/verify/${(bundleA.certificate.credentialSubject as { certificateNo: string }).certificateNo}`,
  );
  bundleB = await bundleOf(cb, '乙节点登记数据');
  [keyA, keyB] = [await keyOf(ca), await keyOf(cb)];
}, 240_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const tampered = () => {
  const x = structuredClone(bundleA);
  (x.certificate.credentialSubject as { scope: string }).scope = '全部字段及一切衍生数据';
  return x;
};
const otherTree = () => ({
  ...bundleA,
  inclusionProof: bundleB.inclusionProof,
  checkpoint: bundleB.checkpoint,
});
const offline = (bundle: unknown, key?: string) => {
  const file = join(dir, `b${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(bundle));
  return spawnSync(process.execPath, [BIN, 'verify', file, ...(key ? ['--public-key', key] : [])], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
    timeout: 60_000,
  });
};
const viaApi = (c: ReturnType<typeof registryClient>, bundle: unknown, issuerPublicKey: string) =>
  c.ok<VerifyBundleReply>('POST', '/api/registry/verify-bundle', undefined, { bundle, issuerPublicKey });

describe('public verification: GET /api/registry/verify/{certNo}', () => {
  it('answers anyone with exactly the bundle (and the history)', async () => {
    expect(Object.keys(bundleA).sort()).toEqual(
      [
        'certificate',
        'checkpoint',
        'history',
        'inclusionProof',
        'issuerPublicKey',
        'ledgerEntry',
        'ledgerIndex',
        'signature',
        'status',
      ].sort(),
    );
    expect(Object.keys(bundleA.inclusionProof).sort()).toEqual(['auditPath', 'leafIndex', 'treeSize']);
    expect(bundleA.certificate).not.toHaveProperty('proof');
    expect(bundleA.signature).toMatch(/^[0-9a-f]{128}$/);
    expect(bundleA.issuerPublicKey).toBe(keyA);
    expect(bundleA).toMatchObject({ status: 'valid', inclusionProof: { leafIndex: bundleA.ledgerIndex } });
    expect(bundleA.inclusionProof.treeSize).toBeGreaterThan(bundleA.ledgerIndex + 1);
    const checkpoint = await ca.ok<LedgerCheckpoint>(
      'GET',
      `/api/ledger/checkpoint?treeSize=${bundleA.checkpoint.treeSize}`,
    );
    expect(bundleA.checkpoint).toEqual(checkpoint);
    expect(JSON.parse(bundleA.ledgerEntry)).toMatchObject({
      type: 'certificate.issued',
      attrs: { certNo: expect.any(String), certHash: expect.any(String) },
    });
    expect(bundleA.history).toEqual([
      expect.objectContaining({ action: 'issued', version: 1, ledgerIndex: bundleA.ledgerIndex }),
    ]);
    expect((await ca.call('GET', '/api/registry/verify/SD-DR-2026-999999')).status).toBe(404);
    expect((await ca.call('GET', '/api/registry/verify/not-a-number')).status).toBe(400);
  });
});

describe('the API verifier and the offline one reject the same forgeries', () => {
  it('accepts the intact bundle on both', async () => {
    expect(await viaApi(ca, bundleA, keyA)).toMatchObject({ valid: true, failure: null });
    expect(verifyCertificateBundle(bundleA, { trustedKeys: [keyA] }).valid).toBe(true);
    const r = offline(bundleA, keyA);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/VALID: certificate SD-DR-\d{4}-\d{6}; signer trusted by the key you gave/);
  });

  it('a tampered certificate: the signature', async () => {
    expect((await viaApi(ca, tampered(), keyA)).failure?.check).toBe('signature');
    const r = offline(tampered(), keyA);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/INVALID \(signature\)/);
  });

  it('a wrong key: the issuer is not the key given', async () => {
    expect((await viaApi(ca, bundleA, keyB)).failure?.check).toBe('issuerKey');
    const r = offline(bundleA, keyB);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/INVALID \(issuerKey\)/);
    const swapped = { ...bundleA, issuerPublicKey: keyB };
    expect((await viaApi(ca, swapped, keyB)).failure?.check).toBe('signature');
    expect(offline(swapped).stderr).toMatch(/INVALID \(signature\)/);
  });

  it('a proof from another tree: the inclusion', async () => {
    expect((await viaApi(ca, otherTree(), keyA)).failure?.check).toBe('inclusion');
    const r = offline(otherTree());
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/INVALID \(inclusion\).*another root/);
    expect(offline({ nonsense: true }).stderr).toMatch(/INVALID \(shape\)/);
  });
});

describe('mutual recognition (一次登记、全国通用)', () => {
  it('a bundle exported by one node verifies on another given the first node’s public key, and not without it', async () => {
    expect(await viaApi(cb, bundleA, keyA)).toMatchObject({
      valid: true,
      certNo: expect.stringMatching(/^SD-DR-/),
    });
    expect((await viaApi(cb, bundleA, keyB)).failure?.check).toBe('issuerKey');
    expect((await viaApi(ca, bundleB, keyB)).valid).toBe(true);
    // the verifying node records that it checked, in its own audit chain
    const audit = await cb.ok<{ items: { action: string; outcome: string }[] }>(
      'GET',
      '/api/audit/events?action=registry.bundle.verify',
      'regulator',
    );
    expect(audit.items.map((e) => e.outcome)).toEqual(expect.arrayContaining(['success', 'failure']));
  });
});
