import {
  jcs,
  type Me,
  type OrgSignature,
  type OrgSigningKey,
  type VerifyOrgSignatureReply,
} from '@shuliu/contracts';
import { crypto, demo, loadConfig } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';

type Err = { error: { code: string; message: string; details?: Record<string, unknown> } };

const PASSWORD = demo.DEMO_PASSWORD;
const DEFAULTS = loadConfig({});
const DOC = {
  declaration: '本机构承诺所挂牌数据来源合法',
  items: ['lawfulSource', 'noPersonalInfo'],
  version: 2,
};

let t: TestServer;
const orgOf: Record<string, string> = {};

const keysOf = async (org: string) =>
  (await t.call<{ items: OrgSigningKey[] }>('GET', `/api/orgs/${org}/signing-keys`)).body.items;
const setKey = (as: string, org: string, body: object) =>
  t.call<OrgSigningKey & Err>('POST', `/api/orgs/${org}/signing-keys`, as, body);
const verify = (body: object) =>
  t.call<VerifyOrgSignatureReply & Err>('POST', '/api/signatures/verify', undefined, body);

/** What the market does: sign as the org through the service, with the admin's password just confirmed. */
async function signAs(username: string, payload: unknown): Promise<OrgSignature> {
  const token = await t.login(username);
  const found = (await t.services.identity.auth.authenticate(token))!;
  const ctx = { requestId: 't', ip: null, userAgent: null, principal: found.principal, audited: false };
  const confirmed = await t.services.identity.auth.confirmPassword(ctx, PASSWORD);
  return t.database.db
    .transaction()
    .execute((tx) =>
      t.services.crypto.orgKeys.signAsOrg(tx, ctx, found.principal.orgId!, payload, confirmed),
    );
}

beforeAll(async () => {
  t = await startTestServer();
  for (const u of ['huanghe', 'certifier', 'buyer', 'merchant'])
    orgOf[u] = (await t.call<Me>('GET', '/api/me', u)).body.org!.id;
});
afterAll(() => t.close());

describe('org signing keys over HTTP', () => {
  it('the demo: merchants sign with custodied keys, 鲁信普惠 holds its own', async () => {
    expect((await keysOf(orgOf.merchant!)).map((k) => k.custody)).toEqual(['platform']);
    expect((await keysOf(orgOf.buyer!)).map((k) => k.custody)).toEqual(['org']);
    const unknown = await t.call<Err>('GET', `/api/orgs/org_${'0'.repeat(26)}/signing-keys`);
    expect(unknown.status).toBe(404);
  });

  it('an org_admin creates a platform-custodied key with their password; anyone lists it', async () => {
    const org = orgOf.certifier!;
    expect(await keysOf(org)).toEqual([]);
    const created = await setKey('certifier', org, { custody: 'platform', password: PASSWORD });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      orgId: org,
      custody: 'platform',
      algorithm: 'sm2',
      retiredAt: null,
    });
    expect(created.body.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(JSON.stringify(created.body)).not.toMatch(/sealed|sm4e1/);
    expect(await keysOf(org)).toEqual([created.body]);
    const sig = await signAs('certifier', DOC);
    expect(sig.keyId).toBe(created.body.id);
    expect(
      (await verify({ orgId: org, keyId: sig.keyId, payload: DOC, signature: sig.signature })).body,
    ).toEqual({
      valid: true,
      keyId: sig.keyId,
      orgId: org,
      retired: false,
      failure: null,
    });
  });

  it('refuses a wrong password (400 naming the field) and counts it toward the lockout', async () => {
    const org = orgOf.huanghe!;
    const wrong = await setKey('huanghe', org, { custody: 'platform', password: 'not-the-password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({
      code: 'IDENTITY_WRONG_PASSWORD',
      details: { field: 'password' },
    });
    expect(await keysOf(org)).toEqual([]);
    for (let i = 1; i < DEFAULTS.loginMaxFailures; i++)
      await setKey('huanghe', org, { custody: 'platform', password: `wrong-${i}` });
    // the lock those failures earned holds, whatever the password
    const locked = await setKey('huanghe', org, { custody: 'platform', password: PASSWORD });
    expect(locked.status).toBe(423);
    expect(await keysOf(org)).toEqual([]);
    const audit = await t.call<{ items: { action: string; outcome: string }[] }>(
      'GET',
      `/api/audit/events?action=identity.user.password_confirm&pageSize=50`,
      'operator',
    );
    expect(audit.body.items.filter((e) => e.outcome === 'failure').length).toBeGreaterThanOrEqual(
      DEFAULTS.loginMaxFailures,
    );
  });

  it('answers 403 to another org’s admin, before looking at the password', async () => {
    const org = orgOf.certifier!;
    for (const password of [PASSWORD, 'wrong-password'])
      expect((await setKey('buyer', org, { custody: 'platform', password })).body.error.code).toBe(
        'CRYPTO_ORG_KEY_FORBIDDEN',
      );
    const res = await setKey('buyer', org, { custody: 'platform', password: PASSWORD });
    expect(res.status).toBe(403);
    expect((await keysOf(org)).length).toBe(1);
  });

  it('registers an org-held key (a bad one is a 400 naming the field); rotation keeps old signatures verifying', async () => {
    const org = orgOf.certifier!;
    const before = await signAs('certifier', DOC);
    const bad = await setKey('certifier', org, {
      custody: 'org',
      publicKey: `04${'11'.repeat(64)}`,
      password: PASSWORD,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^body\.publicKey: /);
    const own = crypto.Sm2Signer.generate();
    const pem = crypto.publicKeyPem(own.publicKey);
    const registered = await setKey('certifier', org, { custody: 'org', publicKey: pem, password: PASSWORD });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ custody: 'org', publicKey: own.publicKeyHex });
    const keys = await keysOf(org);
    expect(keys.map((k) => [k.id, k.custody, k.retiredAt === null])).toEqual([
      [before.keyId, 'platform', false],
      [registered.body.id, 'org', true],
    ]);
    // the old, platform-made signature still verifies, marked retired
    expect(
      (await verify({ keyId: before.keyId, payload: DOC, signature: before.signature })).body,
    ).toMatchObject({
      valid: true,
      retired: true,
    });
    // the platform no longer signs for the org: it signs offline, and the platform verifies
    await expect(signAs('certifier', DOC)).rejects.toMatchObject({ code: 'CRYPTO_ORG_KEY_HELD_BY_ORG' });
    const offline = own.sign(jcs(DOC), '1234567812345678').toString('hex');
    expect((await verify({ keyId: registered.body.id, payload: DOC, signature: offline })).body.valid).toBe(
      true,
    );
    // the same public key cannot be registered by another org
    const taken = await setKey('buyer', orgOf.buyer!, { custody: 'org', publicKey: pem, password: PASSWORD });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('CRYPTO_ORG_PUBLIC_KEY_TAKEN');
  });

  it('rejects a forged signature, a key of another org, and an unknown key', async () => {
    const sig = await signAs('merchant', DOC);
    const flipped = (sig.signature[10] === 'a' ? 'b' : 'a') as string;
    const forged = sig.signature.slice(0, 10) + flipped + sig.signature.slice(11);
    const r = await verify({ keyId: sig.keyId, payload: DOC, signature: forged });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ valid: false, failure: 'signature' });
    expect(
      (await verify({ keyId: sig.keyId, payload: { ...DOC, version: 3 }, signature: sig.signature })).body
        .valid,
    ).toBe(false);
    const other = await verify({
      orgId: orgOf.buyer,
      keyId: sig.keyId,
      payload: DOC,
      signature: sig.signature,
    });
    expect(other.body).toMatchObject({ valid: false, failure: 'org', orgId: orgOf.merchant });
    const unknown = await verify({ keyId: `osk_${'0'.repeat(26)}`, payload: DOC, signature: sig.signature });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('CRYPTO_ORG_KEY_NOT_FOUND');
    const short = await verify({ keyId: sig.keyId, payload: DOC, signature: 'abcd' });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/^body\.signature: /);
  });
});
