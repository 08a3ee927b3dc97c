import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { makeUscc } from '../demo/index.js';
import { createServices, type Services } from '../services.js';
import { systemContext, type RequestContext } from '../shared/context.js';
import { createTestDatabase } from '../testing/index.js';

let database: Database;
let s: Services;
const config = loadConfig({}, { loginMaxFailures: 3, loginLockMinutes: 15 });
const PASSWORD = 'Correct-horse-42';
const anon = (): RequestContext => ({
  requestId: 'r',
  ip: '127.0.0.1',
  userAgent: 't',
  principal: null,
  audited: false,
});

async function as(username: string, password = PASSWORD): Promise<RequestContext> {
  const { token } = await s.identity.auth.login(anon(), username, password);
  return { ...anon(), principal: (await s.identity.auth.authenticate(token))!.principal };
}

let seq = 0;
const application = (types: ('merchant' | 'buyer' | 'provider')[] = ['merchant']) => {
  seq++;
  return {
    org: {
      name: `测试数据公司${seq}`,
      uscc: makeUscc('91', '370100', `MA${String(seq).padStart(6, '0')}`),
      types,
      merchantKinds: [],
      providerKinds: [],
      contactName: '张三',
      contactPhone: '13800000000',
    },
    admin: { username: `applicant${seq}`, displayName: `申请人${seq}`, password: PASSWORD },
    declarations: ['truthful', 'lawfulOperation', 'dataSecurity', 'acceptRules'] as (
      'truthful' | 'lawfulOperation' | 'dataSecurity' | 'acceptRules'
    )[],
  };
};

beforeAll(async () => {
  database = await createTestDatabase();
  s = createServices(database.db, config);
  const sys = systemContext();
  const orgId = await s.identity.bootstrap.createActiveOrg(sys, {
    name: '平台运营方',
    uscc: makeUscc('11', '370000', 'MB000001'),
    types: ['operator'],
    contactName: 'op',
    contactPhone: '13900000000',
  });
  await s.identity.bootstrap.createActiveUser(sys, {
    username: 'op',
    displayName: 'Operator',
    password: PASSWORD,
    orgId,
    roles: ['operator', 'org_admin'],
  });
});
afterAll(() => database.close());

describe('onboarding', () => {
  it('an approved application activates the org and its administrator with the org’s roles', async () => {
    const body = application(['merchant', 'buyer']);
    const app = await s.identity.onboarding.submit(anon(), body);
    expect(app).toMatchObject({
      status: 'pending',
      org: { status: 'pending' },
      adminUsername: body.admin.username,
    });

    const pendingAdmin = await as(body.admin.username);
    expect(pendingAdmin.principal!.roles).toEqual([]);
    expect((await s.identity.onboarding.mine(pendingAdmin)).id).toBe(app.id);

    const op = await as('op');
    expect((await s.notifications.list(op.principal!.userId, true, 1, 10)).items[0]).toMatchObject({
      kind: 'onboarding.submitted',
    });
    const approved = await s.identity.onboarding.approve(op, app.id, '齐全');
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'op', org: { status: 'active' } });
    expect(approved.history.map((h) => h.action)).toEqual(['submitted', 'approved']);

    const admin = await as(body.admin.username);
    expect(admin.principal!.roles.sort()).toEqual(['buyer', 'merchant', 'org_admin']);
    expect(await s.notifications.unreadCount(admin.principal!.userId)).toBe(1);
    await expect(s.identity.onboarding.approve(op, app.id)).rejects.toMatchObject({
      code: 'IDENTITY_APPLICATION_NOT_PENDING',
      status: 409,
    });
  });

  it('a rejected applicant sees the reason, corrects and resubmits', async () => {
    const body = application();
    const app = await s.identity.onboarding.submit(anon(), body);
    const op = await as('op');
    await s.identity.onboarding.reject(op, app.id, '营业执照不清晰');
    const applicant = await as(body.admin.username);
    expect(await s.identity.onboarding.mine(applicant)).toMatchObject({
      status: 'rejected',
      reason: '营业执照不清晰',
      org: { status: 'rejected' },
    });
    const again = await s.identity.onboarding.resubmit(applicant, {
      org: { ...body.org, name: '更正后的公司名' },
      declarations: body.declarations,
    });
    expect(again).toMatchObject({
      status: 'pending',
      reason: null,
      org: { name: '更正后的公司名', status: 'pending' },
    });
    expect(again.history.map((h) => h.action)).toEqual(['submitted', 'rejected', 'resubmitted']);
    await expect(s.identity.onboarding.resubmit(applicant, body)).rejects.toMatchObject({
      code: 'IDENTITY_APPLICATION_NOT_REJECTED',
    });
  });

  it('refuses a second org with the same USCC and a taken username, leaving nothing half-written', async () => {
    const body = application();
    await s.identity.onboarding.submit(anon(), body);
    const orgsBefore = (await s.identity.orgs.list({}, 1, 200)).total;
    await expect(
      s.identity.onboarding.submit(anon(), { ...body, admin: { ...body.admin, username: 'someone-else' } }),
    ).rejects.toMatchObject({ code: 'IDENTITY_USCC_TAKEN', status: 409 });
    const other = application();
    await expect(s.identity.onboarding.submit(anon(), { ...other, admin: body.admin })).rejects.toMatchObject(
      {
        code: 'IDENTITY_USERNAME_TAKEN',
      },
    );
    expect((await s.identity.orgs.list({}, 1, 200)).total).toBe(orgsBefore);
  });
});

describe('login, sessions and lockout', () => {
  it('locks the account after repeated failures, even for the right password, until unlocked', async () => {
    const op = await as('op');
    const u = await s.identity.users.create(op, {
      username: 'victim',
      displayName: 'V',
      password: PASSWORD,
      roles: ['operator'],
    });
    for (let i = 0; i < 2; i++)
      await expect(s.identity.auth.login(anon(), 'victim', 'wrong-password-1')).rejects.toMatchObject({
        code: 'IDENTITY_INVALID_CREDENTIALS',
        status: 401,
      });
    await expect(s.identity.auth.login(anon(), 'victim', 'wrong-password-1')).rejects.toMatchObject({
      code: 'IDENTITY_ACCOUNT_LOCKED',
      status: 423,
    });
    await expect(s.identity.auth.login(anon(), 'victim', PASSWORD)).rejects.toMatchObject({
      code: 'IDENTITY_ACCOUNT_LOCKED',
    });
    expect((await s.identity.users.get(op, u.id)).locked).toBe(true);
    await s.identity.users.unlock(op, u.id);
    await expect(s.identity.auth.login(anon(), 'victim', PASSWORD)).resolves.toMatchObject({
      user: { username: 'victim', locked: false },
    });
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    await expect(s.identity.auth.login(anon(), 'nobody-here', 'x')).rejects.toMatchObject({
      code: 'IDENTITY_INVALID_CREDENTIALS',
    });
  });

  it('stores only a hash of the session token, and logout revokes it', async () => {
    const { token } = await s.identity.auth.login(anon(), 'op', PASSWORD);
    const stored = await database.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.some((r) => r.token_hash.includes(token) || token.includes(r.token_hash))).toBe(false);
    const found = await s.identity.auth.authenticate(token);
    expect(found!.me.user.username).toBe('op');
    await s.identity.auth.logout({ ...anon(), principal: found!.principal });
    expect(await s.identity.auth.authenticate(token)).toBeNull();
  });

  it('disabling a user ends their sessions at once', async () => {
    const op = await as('op');
    const u = await s.identity.users.create(op, {
      username: 'leaver',
      displayName: 'L',
      password: PASSWORD,
      roles: ['operator'],
    });
    const { token } = await s.identity.auth.login(anon(), 'leaver', PASSWORD);
    await s.identity.users.update(op, u.id, { status: 'disabled' });
    expect(await s.identity.auth.authenticate(token)).toBeNull();
    await expect(s.identity.auth.login(anon(), 'leaver', PASSWORD)).rejects.toMatchObject({
      code: 'IDENTITY_USER_DISABLED',
    });
  });
});

describe('API tokens', () => {
  it('carry only roles the creator holds, can be read-only, and stop working when revoked', async () => {
    const op = await as('op');
    await expect(
      s.identity.auth.createToken(op, { name: 'x', roles: ['regulator'], readOnly: false }),
    ).rejects.toMatchObject({ code: 'IDENTITY_TOKEN_ROLES_EXCEED' });
    const { token, apiToken } = await s.identity.auth.createToken(op, {
      name: 'reporting job',
      roles: ['operator'],
      readOnly: true,
      expiresInDays: 30,
    });
    const found = await s.identity.auth.authenticate(token);
    expect(found!.principal).toMatchObject({ kind: 'api_token', roles: ['operator'], readOnly: true });
    expect(apiToken.prefix).toBe(token.slice(0, 10));
    await s.identity.auth.revokeToken(op, apiToken.id);
    expect(await s.identity.auth.authenticate(token)).toBeNull();
  });
});

describe('user administration', () => {
  it('an org admin manages only their own org, and only with roles the org may hold', async () => {
    const body = application(['buyer']);
    const app = await s.identity.onboarding.submit(anon(), body);
    await s.identity.onboarding.approve(await as('op'), app.id);
    const admin = await as(body.admin.username);
    await expect(
      s.identity.users.create(admin, {
        username: 'x-seller',
        displayName: 'x',
        password: PASSWORD,
        roles: ['merchant'],
      }),
    ).rejects.toMatchObject({ code: 'IDENTITY_ROLE_NOT_ALLOWED', status: 400 });
    const staff = await s.identity.users.create(admin, {
      username: 'x-buyer',
      displayName: 'x',
      password: PASSWORD,
      roles: ['buyer'],
    });
    expect(staff.orgId).toBe(app.org.id);
    const list = await s.identity.users.list(admin, {}, 1, 50);
    expect(list.items.every((u) => u.orgId === app.org.id)).toBe(true);
    const opUser = (await s.identity.users.list(await as('op'), { q: 'op' }, 1, 50)).items.find(
      (u) => u.username === 'op',
    )!;
    await expect(s.identity.users.get(admin, opUser.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      s.identity.users.update(admin, admin.principal!.userId, { roles: ['buyer'] }),
    ).rejects.toMatchObject({
      code: 'IDENTITY_SELF_LOCKOUT',
    });
  });

  it('writes an audit event for every change, and the chain stays intact', async () => {
    const events = await s.audit.list({ action: 'identity.' }, 1, 200);
    const actions = new Set(events.items.map((e) => e.action));
    for (const a of [
      'identity.application.submit',
      'identity.application.approve',
      'identity.application.reject',
      'identity.user.create',
      'identity.user.unlock',
      'identity.session.login',
      'identity.token.create',
    ]) {
      expect(actions).toContain(a);
    }
    expect(events.items.some((e) => e.action === 'identity.session.login' && e.outcome === 'failure')).toBe(
      true,
    );
    expect(await s.audit.verify()).toMatchObject({ ok: true });
  });
});
