import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Me, OrgSigningKey, VerifyOrgSignatureReply } from '@shuliu/contracts';
import { demo } from '@shuliu/core';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/shuliu.mjs');
const dir = mkdtempSync(join(tmpdir(), 'shuliu-sign-cli-'));
// the server runs in this process, so the CLI must run asynchronously beside it
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 90_000 })
    .then((r) => ({ ...r, code: 0 }))
    .catch((e: { code: number; stdout: string; stderr: string }) => e);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
}, 120_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('shuliu keygen and sign: an org signs offline, the platform verifies', { timeout: 240_000 }, () => {
  it('generates a key, registers it, signs a file; verify accepts it, and refuses it once one byte changes', async () => {
    const keyFile = join(dir, 'key.pem');
    const made = await run('keygen', '--out', keyFile);
    expect(made.code, made.stderr).toBe(0);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const publicKey = /^04[0-9a-f]{128}$/m.exec(made.stdout)![0];
    const publicKeyPem = /-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----\n/.exec(made.stdout)![0];
    expect((await run('keygen', '--out', keyFile)).stderr).toMatch(/exists/);

    const org = (await t.call<Me>('GET', '/api/me', 'huanghe')).body.org!.id;
    const registered = await t.call<OrgSigningKey>('POST', `/api/orgs/${org}/signing-keys`, 'huanghe', {
      custody: 'org',
      publicKey: publicKeyPem,
      password: demo.DEMO_PASSWORD,
    });
    expect(registered.status).toBe(201);
    expect(registered.body.publicKey).toBe(publicKey);

    const doc = join(dir, 'declaration.json');
    const text = JSON.stringify(
      { 声明: '数据来源合法，不含未经同意的个人信息', priceFen: 120000, items: [1, 2] },
      null,
      2,
    );
    writeFileSync(doc, text);
    const signed = await run('sign', doc, '--key', keyFile);
    expect(signed.code, signed.stderr).toBe(0);
    const signature = signed.stdout.trim();
    expect(signature).toMatch(/^[0-9a-f]{128}$/);

    const verify = (payload: unknown) =>
      t.call<VerifyOrgSignatureReply>('POST', '/api/signatures/verify', undefined, {
        orgId: org,
        keyId: registered.body.id,
        payload,
        signature,
      });
    const ok = await verify(JSON.parse(text));
    expect(ok.body).toEqual({
      valid: true,
      keyId: registered.body.id,
      orgId: org,
      retired: false,
      failure: null,
    });
    const changed = text.replace('120000', '120001');
    expect(changed.length).toBe(text.length);
    expect((await verify(JSON.parse(changed))).body).toMatchObject({ valid: false, failure: 'signature' });
  });

  it('refuses a key that is not SM2 and a file that is not JSON, naming the problem', async () => {
    const notJson = join(dir, 'note.txt');
    writeFileSync(notJson, 'not json');
    const r = await run('sign', notJson, '--key', join(dir, 'key.pem'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read .*note\.txt as JSON/);
    const { generateKeyPairSync } = await import('node:crypto');
    const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    const p256File = join(dir, 'p256.pem');
    writeFileSync(p256File, p256.export({ type: 'pkcs8', format: 'pem' }));
    const doc = join(dir, 'doc.json');
    writeFileSync(doc, '{"a":1}');
    const wrong = await run('sign', doc, '--key', p256File);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/not an SM2 key/);
  });
});
