import { idCardCheckChar } from '@shuliu/contracts';
import { demo } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';

// Issue 14, points 3 and 5: separation of duties (三员分立) and API tokens that end with what should end them.
type Err = { error: { code: string; message: string } };
type U = { id: string; orgId: string; username: string; mustChangePassword: boolean };

const PASSWORD = 'Duties-test-2026';
let t: TestServer;

const userId = async (username: string) =>
  (
    await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;
const orgOf = async (username: string) =>
  (
    await t.database.db
      .selectFrom('users')
      .select('org_id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).org_id!;
const notices = async (username: string) =>
  (
    await t.database.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select('n.kind')
      .where('u.username', '=', username)
      .execute()
  ).map((r) => r.kind);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const inject = (method: string, url: string, token: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url, headers: bearer(token), ...(payload && { payload }) });

beforeAll(async () => {
  t = await startTestServer({ demo: true });
});
afterAll(() => t.close());

describe('the platform operator cannot make itself a regulator or become anyone (issue 14.3)', () => {
  it('refuses an operator-created regulator in the regulator’s org', async () => {
    const res = await t.call<Err>('POST', '/api/users', 'reviewer', {
      username: 'fake-regulator',
      displayName: '冒充监管',
      password: PASSWORD,
      orgId: await orgOf('regulator'),
      roles: ['regulator', 'org_admin'],
    });
    expect(res.status).toBe(403);
    expect(
      await t.database.db.selectFrom('users').where('username', '=', 'fake-regulator').select('id').execute(),
    ).toHaveLength(0);
  });

  it('refuses an operator setting a natural person’s password', async () => {
    const first = `370203199207082${'34'}`;
    const signUp = await t.call('POST', '/api/consent/persons', undefined, {
      username: 'lisi-test',
      password: PASSWORD,
      displayName: '李四',
      idCard: first + idCardCheckChar(first),
      phone: '13800138000',
    });
    expect(signUp.status).toBe(201);
    const res = await t.call<Err>('POST', `/api/users/${await userId('lisi-test')}/password`, 'reviewer', {
      password: 'Operator-chosen-99',
    });
    expect(res.status).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'lisi-test', password: 'Operator-chosen-99' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('lets the operator disable and re-enable another org’s account, but not re-role or re-profile it', async () => {
    const id = await userId('merchant2');
    const roles = await t.call<Err>('PATCH', `/api/users/${id}`, 'reviewer', {
      roles: ['merchant', 'org_admin'],
    });
    expect(roles.status).toBe(403);
    const name = await t.call<Err>('PATCH', `/api/users/${id}`, 'reviewer', { displayName: 'x' });
    expect(name.status).toBe(403);
    expect((await t.call('PATCH', `/api/users/${id}`, 'reviewer', { status: 'disabled' })).status).toBe(200);
    expect(await notices('merchant2')).toContain('identity.account_changed');
    expect((await t.call('PATCH', `/api/users/${id}`, 'reviewer', { status: 'active' })).status).toBe(200);
  });

  it('lets the operator create only the first org_admin of an org that has none', async () => {
    const orgId = await orgOf('huanghe');
    const body = (username: string) => ({
      username,
      displayName: username,
      password: PASSWORD,
      orgId,
      roles: ['buyer', 'org_admin'],
    });
    expect((await t.call('POST', '/api/users', 'reviewer', body('huanghe-admin2'))).status).toBe(403);
    await t.call('PATCH', `/api/users/${await userId('huanghe')}`, 'reviewer', { status: 'disabled' });
    const first = await t.call<U>('POST', '/api/users', 'reviewer', body('huanghe-admin2'));
    expect(first.status).toBe(201);
    expect(await notices('huanghe-admin2')).toContain('identity.account_created');
    expect((await t.call('POST', '/api/users', 'reviewer', body('huanghe-admin3'))).status).toBe(403);
  });

  it('refuses a password that contains the username or is common (issue 14)', async () => {
    const res = await t.call<Err & { error: { details?: { field?: string } } }>(
      'POST',
      '/api/users',
      'quancheng',
      {
        username: 'qc-weak',
        displayName: '弱口令',
        password: 'qc-weak20260101',
        roles: ['merchant'],
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'IDENTITY_PASSWORD_WEAK', details: { field: 'password' } });
    const common = await t.call<Err>('POST', '/api/users', 'quancheng', {
      username: 'qc-weak',
      displayName: '弱口令',
      password: 'Password2026!',
      roles: ['merchant'],
    });
    expect(common.status).toBe(400);
  });

  it('no one grants a role they do not hold', async () => {
    const staff = await t.call<U>('POST', '/api/users', 'quancheng', {
      username: 'qc-seller-admin',
      displayName: '泉城·卖方管理员',
      password: demo.DEMO_PASSWORD,
      roles: ['merchant', 'org_admin'],
    });
    expect(staff.status).toBe(201);
    const grant = await t.call<Err>('POST', '/api/users', 'qc-seller-admin', {
      username: 'qc-buyer-by-seller',
      displayName: 'x',
      password: PASSWORD,
      roles: ['buyer'],
    });
    expect(grant.status).toBe(403);
    expect(grant.body.error.code).toBe('IDENTITY_ROLE_NOT_GRANTABLE');
    const raise = await t.call<Err>(
      'PATCH',
      `/api/users/${await userId('qc-seller-admin')}`,
      'qc-seller-admin',
      {
        roles: ['merchant', 'buyer', 'org_admin'],
      },
    );
    expect(raise.status).toBe(403);
  });

  it('an org_admin’s reset forces the member to choose a new password, tells them and ends their tokens', async () => {
    const member = await t.call<U>('POST', '/api/users', 'quancheng', {
      username: 'qc-reset-me',
      displayName: '重置对象',
      password: PASSWORD,
      roles: ['merchant'],
    });
    const session = await t.login('qc-reset-me', PASSWORD);
    const minted = await inject('POST', '/api/me/tokens', session, { name: 'job', roles: ['merchant'] });
    const token = minted.json<{ token: string }>().token;
    const reset = await t.call('POST', `/api/users/${member.body.id}/password`, 'quancheng', {
      password: 'Temporary-pass-77',
    });
    expect(reset.status).toBe(200);
    expect((await inject('GET', '/api/me', token)).statusCode).toBe(401);
    expect(await notices('qc-reset-me')).toContain('identity.password_reset');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'qc-reset-me', password: 'Temporary-pass-77' },
    });
    expect(login.json<{ user: U }>().user.mustChangePassword).toBe(true);
    const temp = login.json<{ token: string }>().token;
    expect((await inject('GET', '/api/notifications', temp)).statusCode).toBe(200);
    const blocked = await inject('GET', '/api/me/tokens', temp);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<Err>().error.code).toBe('IDENTITY_PASSWORD_CHANGE_REQUIRED');
    const change = await inject('POST', '/api/me/password', temp, {
      currentPassword: 'Temporary-pass-77',
      newPassword: 'My-own-choice-88',
    });
    expect(change.statusCode).toBe(200);
    expect((await inject('GET', '/api/me/tokens', temp)).statusCode).toBe(200);
  });
});

describe('API tokens end with what should end them (issue 14.5)', () => {
  const mint = (as: string, body: object) => inject('POST', '/api/me/tokens', as, body);

  it('a password change revokes the user’s API tokens', async () => {
    await t.call('POST', '/api/users', 'quancheng', {
      username: 'qc-changer',
      displayName: '改密者',
      password: PASSWORD,
      roles: ['merchant'],
    });
    const session = await t.login('qc-changer', PASSWORD);
    const token = (await mint(session, { name: 'job', roles: ['merchant'] })).json<{ token: string }>().token;
    expect((await inject('GET', '/api/me', token)).statusCode).toBe(200);
    const change = await inject('POST', '/api/me/password', session, {
      currentPassword: PASSWORD,
      newPassword: 'Changed-pass-2027',
    });
    expect(change.statusCode).toBe(200);
    expect((await inject('GET', '/api/me', token)).statusCode).toBe(401);
  });

  it('an org_admin lists and revokes a member’s tokens, and the member is told', async () => {
    const session = await t.login('merchant2');
    const made = (await mint(session, { name: 'nightly', roles: ['merchant'] })).json<{
      token: string;
      apiToken: { id: string };
    }>();
    const id = await userId('merchant2');
    const list = await t.call<{ items: { id: string }[] }>('GET', `/api/users/${id}/tokens`, 'merchant');
    expect(list.body.items.map((x) => x.id)).toContain(made.apiToken.id);
    expect((await t.call('GET', `/api/users/${id}/tokens`, 'quancheng')).status).toBe(404);
    const revoke = await t.call('DELETE', `/api/users/${id}/tokens/${made.apiToken.id}`, 'merchant');
    expect(revoke.status).toBe(200);
    expect((await inject('GET', '/api/me', made.token)).statusCode).toBe(401);
    expect(await notices('merchant2')).toContain('identity.token_revoked');
  });

  it('a token mints only tokens that expire no later than itself', async () => {
    const session = await t.login('buyer2', demo.DEMO_PASSWORD);
    const day = (await mint(session, { name: 'one day', roles: ['buyer'], expiresInDays: 1 })).json<{
      token: string;
    }>().token;
    const forever = await mint(day, { name: 'forever', roles: ['buyer'] });
    expect(forever.statusCode).toBe(400);
    expect(forever.json<Err>().error.code).toBe('IDENTITY_TOKEN_OUTLIVES_PARENT');
    expect((await mint(day, { name: 'a year', roles: ['buyer'], expiresInDays: 365 })).statusCode).toBe(400);
    const month = (await mint(session, { name: 'month', roles: ['buyer'], expiresInDays: 30 })).json<{
      token: string;
    }>().token;
    expect((await mint(month, { name: 'a day', roles: ['buyer'], expiresInDays: 1 })).statusCode).toBe(201);
  });
});
