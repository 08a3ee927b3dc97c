import { jcs, verifyOrgSignature } from '@shuliu/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { makeUscc } from '../demo/index.js';
import type { PasswordConfirmation } from '../identity/index.js';
import { createServices, type Services } from '../services.js';
import { systemContext, type RequestContext } from '../shared/context.js';
import { createTestDatabase } from '../testing/index.js';
import { Sm2Signer } from './sm2.js';

const PASSWORD = 'Correct-horse-42';
const config = loadConfig({}, { masterKey: '11'.repeat(32), loginMaxFailures: 5 });
const DOC = {
  kind: 'declaration',
  items: ['truthful', 'lawfulSource'],
  amountFen: 12_000,
  note: '数据来源合法',
};

let database: Database;
let s: Services;
const org: Record<'a' | 'b', string> = { a: '', b: '' };
const ctx: Record<'a' | 'b', RequestContext> = {} as never;

async function loginAs(username: string): Promise<RequestContext> {
  const base = { requestId: 'r', ip: '127.0.0.1', userAgent: 't', principal: null, audited: false };
  const { token } = await s.identity.auth.login({ ...base }, username, PASSWORD);
  return { ...base, principal: (await s.identity.auth.authenticate(token))!.principal };
}

const fresh = (c: RequestContext) => ({ ...c, audited: false });
const confirm = (c: RequestContext) => s.identity.auth.confirmPassword(fresh(c), PASSWORD);
const signA = async (payload: unknown) => {
  const confirmed = await confirm(ctx.a);
  return database.db
    .transaction()
    .execute((tx) => s.crypto.orgKeys.signAsOrg(tx, fresh(ctx.a), org.a, payload, confirmed));
};

beforeAll(async () => {
  database = await createTestDatabase();
  s = createServices(database.db, config);
  const sys = systemContext();
  for (const [k, n] of [
    ['a', 1],
    ['b', 2],
  ] as const) {
    org[k] = await s.identity.bootstrap.createActiveOrg(sys, {
      name: `签名测试公司${n}`,
      uscc: makeUscc('91', '370100', `MA${String(n).padStart(6, '0')}`),
      types: ['merchant'],
      contactName: '张三',
      contactPhone: '13800000000',
    });
    await s.identity.bootstrap.createActiveUser(sys, {
      username: `admin-${k}`,
      displayName: `管理员${k}`,
      password: PASSWORD,
      orgId: org[k],
      roles: ['merchant', 'org_admin'],
    });
    ctx[k] = await loginAs(`admin-${k}`);
  }
});
afterAll(() => database.close());

describe('org signing keys', () => {
  it('refuses to sign without a fresh confirmation by the same user', async () => {
    const stale = { userId: ctx.a.principal!.userId, at: new Date(Date.now() - 10 * 60_000) };
    const other = await confirm(ctx.b);
    for (const proof of [stale, other, undefined])
      await expect(
        database.db
          .transaction()
          .execute((tx) =>
            s.crypto.orgKeys.signAsOrg(
              tx,
              fresh(ctx.a),
              org.a,
              DOC,
              proof as unknown as PasswordConfirmation,
            ),
          ),
      ).rejects.toMatchObject({ code: 'CRYPTO_PASSWORD_NOT_CONFIRMED', status: 403 });
  });

  it('counts a wrong password against the lockout', async () => {
    await expect(s.identity.auth.confirmPassword(fresh(ctx.a), 'not-my-password')).rejects.toMatchObject({
      code: 'IDENTITY_WRONG_PASSWORD',
      status: 400,
      details: { field: 'password' },
    });
    const row = await database.db
      .selectFrom('users')
      .select('failed_logins')
      .where('username', '=', 'admin-a')
      .executeTakeFirstOrThrow();
    expect(row.failed_logins).toBe(1);
    await confirm(ctx.a);
    const after = await database.db
      .selectFrom('users')
      .select('failed_logins')
      .where('username', '=', 'admin-a')
      .executeTakeFirstOrThrow();
    expect(after.failed_logins).toBe(0);
  });

  it('signs with a platform-custodied key made on first use; anyone checks it with the public key', async () => {
    const sig = await signA(DOC);
    expect(sig).toMatchObject({ algorithm: 'sm2-sm3', keyId: expect.stringMatching(/^osk_/) });
    expect(sig.signature).toMatch(/^[0-9a-f]{128}$/);
    const [key] = await s.crypto.orgKeys.list(org.a);
    expect(key).toMatchObject({ id: sig.keyId, custody: 'platform', retiredAt: null });
    // offline, with the contracts' code and the public key only; key order does not matter (RFC 8785)
    const reordered = { note: DOC.note, amountFen: DOC.amountFen, items: DOC.items, kind: DOC.kind };
    expect(verifyOrgSignature(reordered, sig.signature, key!.publicKeyPem)).toBe(true);
    expect(verifyOrgSignature({ ...DOC, amountFen: 12_001 }, sig.signature, key!.publicKey)).toBe(false);
    expect(await s.crypto.orgKeys.verifyOrgSignature(DOC, sig)).toMatchObject({ valid: true, orgId: org.a });
    const row = await database.db
      .selectFrom('org_signing_keys')
      .selectAll()
      .where('id', '=', sig.keyId)
      .executeTakeFirstOrThrow();
    expect(row.sealed_private).toMatch(/^sm4e1\./);
    expect(row.created_by).toBe(ctx.a.principal!.userId);
    const audit = await database.db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', sig.keyId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['crypto.org_key.create', 'crypto.org_key.sign']);
  });

  it('lets only an org_admin of the org act with its key', async () => {
    const confirmed = await confirm(ctx.b);
    await expect(
      database.db
        .transaction()
        .execute((tx) => s.crypto.orgKeys.signAsOrg(tx, fresh(ctx.b), org.a, DOC, confirmed)),
    ).rejects.toMatchObject({ code: 'CRYPTO_ORG_KEY_FORBIDDEN', status: 403 });
    await expect(s.crypto.orgKeys.createCustodied(fresh(ctx.b), org.a, confirmed)).rejects.toMatchObject({
      code: 'CRYPTO_ORG_KEY_FORBIDDEN',
    });
  });

  it('rotates to an org-held key: the platform then refuses to sign, old and offline signatures verify', async () => {
    const old = await signA(DOC);
    const own = Sm2Signer.generate();
    await expect(
      s.crypto.orgKeys.registerOrgHeld(fresh(ctx.a), org.a, '04abcd', await confirm(ctx.a)),
    ).rejects.toMatchObject({
      code: 'CRYPTO_ORG_PUBLIC_KEY_INVALID',
      status: 400,
      details: { field: 'publicKey' },
    });
    const registered = await s.crypto.orgKeys.registerOrgHeld(
      fresh(ctx.a),
      org.a,
      own.publicKeyHex,
      await confirm(ctx.a),
    );
    expect(registered).toMatchObject({ custody: 'org', publicKey: own.publicKeyHex, retiredAt: null });
    await expect(signA(DOC)).rejects.toMatchObject({ code: 'CRYPTO_ORG_KEY_HELD_BY_ORG', status: 409 });
    expect(await s.crypto.orgKeys.verifyOrgSignature(DOC, old)).toMatchObject({ valid: true, retired: true });
    const offline = own.sign(jcs({ kind: 'contract', amountFen: 1 }), '1234567812345678').toString('hex');
    expect(
      await s.crypto.orgKeys.verifyOrgSignature(
        { kind: 'contract', amountFen: 1 },
        { keyId: registered.id, signature: offline },
      ),
    ).toMatchObject({ valid: true, retired: false, failure: null });
    // the same public key cannot be registered again, by this org or another
    await expect(
      s.crypto.orgKeys.registerOrgHeld(fresh(ctx.b), org.b, own.publicKeyHex, await confirm(ctx.b)),
    ).rejects.toMatchObject({ code: 'CRYPTO_ORG_PUBLIC_KEY_TAKEN', status: 409 });
    // and back to custody: custody may change either way on rotation
    const back = await s.crypto.orgKeys.createCustodied(fresh(ctx.a), org.a, await confirm(ctx.a));
    expect((await s.crypto.orgKeys.list(org.a)).map((k) => [k.custody, k.retiredAt === null])).toEqual([
      ['platform', false],
      ['org', false],
      ['platform', true],
    ]);
    expect((await signA(DOC)).keyId).toBe(back.id);
  });

  it('names a signature by another org’s key as such, and a forged one as invalid', async () => {
    const sig = await signA(DOC);
    expect(await s.crypto.orgKeys.verifyOrgSignature(DOC, { ...sig, orgId: org.b })).toMatchObject({
      valid: false,
      failure: 'org',
    });
    const forged = `${sig.signature.slice(0, 127)}${sig.signature.endsWith('0') ? '1' : '0'}`;
    expect(await s.crypto.orgKeys.verifyOrgSignature(DOC, { ...sig, signature: forged })).toMatchObject({
      valid: false,
      failure: 'signature',
    });
    await expect(
      s.crypto.orgKeys.verifyOrgSignature(DOC, {
        keyId: 'osk_00000000000000000000000000',
        signature: sig.signature,
      }),
    ).rejects.toMatchObject({ code: 'CRYPTO_ORG_KEY_NOT_FOUND', status: 404 });
  });

  it('detects a sealed private key copied into another org’s row', async () => {
    await s.crypto.orgKeys.createCustodied(fresh(ctx.b), org.b, await confirm(ctx.b));
    const keys = await database.db
      .selectFrom('org_signing_keys')
      .select(['id', 'org_id', 'sealed_private'])
      .where('retired_at', 'is', null)
      .execute();
    const a = keys.find((k) => k.org_id === org.a)!;
    const b = keys.find((k) => k.org_id === org.b)!;
    await sql`update org_signing_keys set sealed_private = ${a.sealed_private} where id = ${b.id}`.execute(
      database.db,
    );
    const confirmed = await confirm(ctx.b);
    await expect(
      database.db
        .transaction()
        .execute((tx) => s.crypto.orgKeys.signAsOrg(tx, fresh(ctx.b), org.b, DOC, confirmed)),
    ).rejects.toMatchObject({ code: 'CRYPTO_ENVELOPE_TAMPERED' });
  });
});
