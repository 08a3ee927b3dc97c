import {
  idCardCheckChar,
  verifyConsentReceipt,
  type CheckDecision,
  type ConsentGrant,
  type ConsentUse,
  type OperationGrant,
  type OrgGrant,
  type Person,
  type ReceiptBundle,
  type Scenario,
} from '@shuliu/contracts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demo } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';

type Err = { error: { code: string; message: string; details?: { field?: string } } };

let t: TestServer;
const call = <T = unknown>(method: string, url: string, as?: string, payload?: unknown) =>
  t.call<T>(method, url, as, payload);
const idCard = (birth: string, seq: string) => {
  const first = `370102${birth}${seq}`;
  return first + idCardCheckChar(first);
};
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

async function signUp(username: string, birth: string, seq: string, extra: Record<string, unknown> = {}) {
  return call<Person & Err>('POST', '/api/consent/persons', undefined, {
    username,
    password: demo.DEMO_PASSWORD,
    displayName: `测试${username}`,
    idCard: idCard(birth, seq),
    phone: '13800138000',
    ...extra,
  });
}

const SCENARIO = {
  title: '普惠小额贷款授信',
  purpose: '评估借款人还款能力以决定授信额度',
  legalBasis: '取得个人同意',
  recipient: '齐鲁数据科技有限公司',
  processingMethod: '自动化评分并人工复核',
  retentionDays: 365,
  crossBorder: false,
  automatedDecision: false,
  fields: [
    { name: 'name', label: '姓名', category: 'basic', required: true, justification: '识别借款人身份' },
    { name: 'mobile', label: '手机号', category: 'contact', required: true, justification: '放款与还款提醒' },
    {
      name: 'income',
      label: '月收入',
      category: 'financial',
      required: false,
      justification: '评估还款能力',
    },
    { name: 'hobby', label: '兴趣爱好', category: 'behavior', required: false, justification: '' },
    {
      name: 'face',
      label: '人脸图像',
      category: 'biometric',
      required: false,
      justification: '远程核验本人',
    },
  ],
};

let scenario: Scenario;
let versionId: string;
let alice: string;

beforeAll(async () => {
  t = await startTestServer();
  const a = await signUp('alice-p', '19900101', '123');
  expect(a.status).toBe(201);
  alice = a.body.userId;
  const r = await call<Scenario>('POST', '/api/consent/scenarios', 'merchant', SCENARIO);
  expect(r.status).toBe(201);
  scenario = r.body;
  versionId = r.body.versions[0]!.id;
}, 120_000);
afterAll(() => t.close());

const check = (fields: string[], v = versionId, at?: string) =>
  call<CheckDecision>('POST', '/api/consent/check', 'merchant', {
    subjectId: alice,
    versionId: v,
    fields,
    ...(at && { at }),
  });

describe('persons', () => {
  it('stores the ID card masked, and rejects a bad check digit naming the field', async () => {
    const me = await call<Person>('GET', '/api/consent/me', 'alice-p');
    expect(me.body.idCardMasked).toMatch(/^3\*{15}\d[\dX]$/);
    expect(me.body.minor).toBe(false);
    expect(me.body.rules).toEqual({ maxGrantDays: 1095, refusalCoolDownDays: 30, guardianAge: 14 });
    const bad = await call<Err>('POST', '/api/consent/persons', undefined, {
      username: 'bob-p',
      password: demo.DEMO_PASSWORD,
      displayName: 'b',
      idCard: '370102199001011230',
      phone: '13800138000',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('idCard');
    expect((await signUp('alice-2', '19900101', '123')).status).toBe(409);
  });

  it('lets one of two simultaneous sign-ups win; the other is a 409 naming the field, not a 500', async () => {
    const sameCard = await Promise.all([
      signUp('race-a', '19850505', '321'),
      signUp('race-b', '19850505', '321'),
    ]);
    expect(sameCard.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(sameCard.find((r) => r.status === 409)!.body.error.code).toBe('CONSENT_ID_CARD_TAKEN');
    const sameName = await Promise.all([
      signUp('race-c', '19850506', '321'),
      signUp('race-c', '19850507', '321'),
    ]);
    expect(sameName.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(sameName.find((r) => r.status === 409)!.body.error.details?.field).toBe('username');
  });

  it('refuses an under-14 without a guardian; with one, only the confirmed guardian consents', async () => {
    const none = await signUp('kid-a', '20180601', '555');
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('CONSENT_GUARDIAN_REQUIRED');
    const kid = await signUp('kid-b', '20180601', '556', { guardianUsername: 'alice-p' });
    expect(kid.status).toBe(201);
    expect(kid.body.minor).toBe(true);
    await approve();
    const own = await call<Err>('POST', '/api/consent/grants', 'kid-b', {
      versionId,
      fields: ['name', 'mobile'],
      expiresAt: inDays(30),
    });
    expect(own.body.error.code).toBe('CONSENT_GUARDIAN_REQUIRED');
    const early = await call<Err>('POST', '/api/consent/grants', 'alice-p', {
      versionId,
      fields: ['name', 'mobile'],
      expiresAt: inDays(30),
      onBehalfOf: kid.body.userId,
      separateConsent: true,
    });
    expect(early.body.error.code).toBe('CONSENT_GUARDIAN_REQUIRED');
    expect((await call('POST', `/api/consent/wards/${kid.body.userId}/confirm`, 'alice-p')).status).toBe(200);
    const byGuardian = await call<ConsentGrant>('POST', '/api/consent/grants', 'alice-p', {
      versionId,
      fields: ['name', 'mobile'],
      expiresAt: inDays(30),
      onBehalfOf: kid.body.userId,
      separateConsent: true,
    });
    expect(byGuardian.status).toBe(201);
    expect(byGuardian.body.subjectId).toBe(kid.body.userId);

    // PIPL Art. 31: the guardian acts for a ward under 14 both ways — the child withdraws no more than he grants
    const revoke = (as: string) =>
      call<ConsentGrant & Err>('POST', `/api/consent/grants/${byGuardian.body.id}/revoke`, as);
    const byChild = await revoke('kid-b');
    expect(byChild.status).toBe(409);
    expect(byChild.body.error.code).toBe('CONSENT_GUARDIAN_REQUIRED');
    const still = await call<ConsentGrant>('GET', `/api/consent/grants/${byGuardian.body.id}`, 'kid-b');
    expect(still.body.status).toBe('active');
    const withdrawn = await revoke('alice-p');
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('revoked');

    // both receipts record the separate consent the guardian gave, and no third party: the recipient is the
    // scenario's own org; they still verify offline
    for (const { id } of withdrawn.body.receipts) {
      const r = await call<ReceiptBundle>('GET', `/api/consent/receipts/${id}`, 'alice-p');
      expect(verifyConsentReceipt(r.body)).toMatchObject({ valid: true, failure: null });
      const [service] = r.body.receipt.services as unknown as { purposes: Record<string, unknown>[] }[];
      expect(service!.purposes[0]).toMatchObject({ consentType: 'SEPARATE', thirdPartyDisclosure: false });
    }
  });

  it('lets a confirmed guardian decline a scenario for the ward, starting the cool-down; nobody else may', async () => {
    const kid = await signUp('kid-c', '20180602', '557', { guardianUsername: 'alice-p' });
    await approve();
    const early = await call<Err>('POST', `/api/consent/scenarios/${scenario.id}/refuse`, 'alice-p', {
      onBehalfOf: kid.body.userId,
    });
    expect(early.body.error.code).toBe('CONSENT_GUARDIAN_REQUIRED');
    await call('POST', `/api/consent/wards/${kid.body.userId}/confirm`, 'alice-p');
    const stranger = await signUp('stranger-p', '19800101', '558');
    expect(stranger.status).toBe(201);
    const notTheirs = await call<Err>('POST', `/api/consent/scenarios/${scenario.id}/refuse`, 'stranger-p', {
      onBehalfOf: kid.body.userId,
    });
    expect(notTheirs.status).toBe(404);
    const ask = () =>
      call<Err>('POST', `/api/consent/scenarios/${scenario.id}/ask`, 'merchant', {
        subjectId: kid.body.userId,
      });
    expect((await ask()).status).toBe(200);
    const declined = await call('POST', `/api/consent/scenarios/${scenario.id}/refuse`, 'alice-p', {
      onBehalfOf: kid.body.userId,
    });
    expect(declined.status).toBe(200);
    expect((await ask()).body.error.code).toBe('CONSENT_COOL_DOWN');
    // the guardian's own standing is untouched: the org may still ask them
    expect(
      (await call('POST', `/api/consent/scenarios/${scenario.id}/ask`, 'merchant', { subjectId: alice }))
        .status,
    ).toBe(200);
  });
});

let reviewed = false;
async function approve() {
  if (reviewed) return;
  reviewed = true;
  const noPipia = await call<Err>('POST', `/api/consent/scenarios/${scenario.id}/review`, 'operator', {
    versionId,
    approve: true,
  });
  expect(noPipia.status).toBe(400);
  expect(noPipia.body.error.details?.field).toBe('pipiaRef');
  const r = await call<Scenario>('POST', `/api/consent/scenarios/${scenario.id}/review`, 'operator', {
    versionId,
    approve: true,
    pipiaRef: 'PIPIA-2026-001',
    strike: [],
  });
  expect(r.status).toBe(200);
  const v = r.body.versions[0]!;
  expect(v.status).toBe('approved');
  expect(v.separateConsent).toBe(true); // financial data is sensitive PI
  const struck = Object.fromEntries(v.fields.map((f) => [f.name, f.struck]));
  expect(struck).toEqual({ name: false, mobile: false, income: false, hobby: true, face: true });
}

describe('scenarios, review and one-scenario grants', () => {
  it('reviews once: a second review of the same version is 409', async () => {
    await approve();
    const again = await call<Err>('POST', `/api/consent/scenarios/${scenario.id}/review`, 'operator', {
      versionId,
      approve: false,
    });
    expect(again.status).toBe(409);
  });

  it('refuses a struck field and a missing required one, naming the field', async () => {
    await approve();
    const struck = await call<Err>('POST', '/api/consent/grants', 'alice-p', {
      versionId,
      fields: ['name', 'mobile', 'face'],
      expiresAt: inDays(30),
      separateConsent: true,
    });
    expect(struck.status).toBe(400);
    expect(struck.body.error.details?.field).toBe('fields');
    const noSeparate = await call<Err>('POST', '/api/consent/grants', 'alice-p', {
      versionId,
      fields: ['name', 'mobile'],
      expiresAt: inDays(30),
    });
    expect(noSeparate.body.error.details?.field).toBe('separateConsent');
    const missing = await call<Err>('POST', '/api/consent/grants', 'alice-p', {
      versionId,
      fields: ['name'],
      expiresAt: inDays(30),
      separateConsent: true,
    });
    expect(missing.body.error.details?.field).toBe('fields');
  });

  let grant: ConsentGrant;
  it('grants without the optional fields, allows inside the grant, denies outside and after expiry', async () => {
    const g = await call<ConsentGrant>('POST', '/api/consent/grants', 'alice-p', {
      versionId,
      fields: ['name', 'mobile'],
      expiresAt: inDays(30),
      separateConsent: true,
    });
    expect(g.status).toBe(201);
    grant = g.body;
    expect(grant.status).toBe('active');
    expect(grant.receipts).toHaveLength(1);
    expect((await check(['name'])).body).toMatchObject({ allow: true, reason: 'granted' });
    expect((await check(['name', 'income'])).body).toMatchObject({
      allow: false,
      reason: 'field_not_granted',
      missingFields: ['income'],
    });
    expect((await check(['name'], versionId, inDays(31))).body).toMatchObject({
      allow: false,
      reason: 'expired',
    });
    // another org may not ask about this scenario; a data user may not ask about the past
    const other = await call<Err>('POST', '/api/consent/check', 'buyer', {
      subjectId: alice,
      versionId,
      fields: ['name'],
    });
    expect(other.status).toBe(404);
    const past = await check(['name'], versionId, inDays(-1));
    expect(past.status).toBe(400);
    expect((past.body as unknown as Err).error).toMatchObject({
      code: 'CONSENT_CHECK_AT_PAST',
      details: { field: 'at' },
    });
    const dup = await call<Err>('POST', '/api/consent/grants', 'alice-p', {
      versionId,
      fields: ['name', 'mobile'],
      expiresAt: inDays(30),
      separateConsent: true,
    });
    expect(dup.status).toBe(409);
    const audited = await t.services.db
      .selectFrom('consent_checks')
      .select('allowed')
      .where('subject_user_id', '=', alice)
      .execute();
    expect(audited.map((a) => a.allowed)).toContain(false);
    expect(audited.map((a) => a.allowed)).toContain(true);
  });

  it('issues a receipt that verifies offline, and fails with one byte changed', async () => {
    const r = await call<ReceiptBundle>('GET', `/api/consent/receipts/${grant.receipts[0]!.id}`, 'alice-p');
    expect(r.status).toBe(200);
    expect(verifyConsentReceipt(r.body)).toMatchObject({ valid: true, failure: null });
    const text = JSON.stringify(r.body, null, 2);
    const at = text.indexOf(SCENARIO.purpose) + 1;
    const tampered = text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ 1) + text.slice(at + 1);
    const v = verifyConsentReceipt(JSON.parse(tampered));
    expect(v.valid).toBe(false);
    expect(v.failure?.check).toBe('signature');
    expect((await call('GET', `/api/consent/receipts/${grant.receipts[0]!.id}`, 'buyer')).status).toBe(404);
    // the same check from the command line: exit 0 for the download, non-zero naming the failure for the copy
    const dir = mkdtempSync(join(tmpdir(), 'shuliu-receipt-'));
    const cli = (file: string, content: string) => {
      writeFileSync(join(dir, file), content);
      const bin = join(import.meta.dirname, '../../../cli/bin/shuliu.mjs');
      return spawnSync(process.execPath, [bin, 'verify-consent', join(dir, file)], { encoding: 'utf8' });
    };
    expect(cli('ok.json', text).status).toBe(0);
    const bad = cli('bad.json', tampered);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('INVALID (signature)');
  }, 60_000);

  it('revokes with immediate effect; revoking twice is 409; the revocation has its own receipt', async () => {
    const r = await call<ConsentGrant>('POST', `/api/consent/grants/${grant.id}/revoke`, 'alice-p');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('revoked');
    expect(r.body.receipts.map((x) => x.event)).toEqual(['granted', 'revoked']);
    expect((await check(['name'])).body).toMatchObject({ allow: false, reason: 'revoked' });
    // a data user's clock a little behind is read as now: the withdrawal already counts
    const behind = new Date(Date.now() - 30_000).toISOString();
    expect((await check(['name'], versionId, behind)).body).toMatchObject({
      allow: false,
      reason: 'revoked',
    });
    expect((await call('POST', `/api/consent/grants/${grant.id}/revoke`, 'alice-p')).status).toBe(409);
    const b = await call<ReceiptBundle>('GET', `/api/consent/receipts/${r.body.receipts[1]!.id}`, 'alice-p');
    expect(verifyConsentReceipt(b.body).valid).toBe(true);
    const entries = await call<{ items: { entry: string }[] }>(
      'GET',
      '/api/ledger/entries?type=consent.revoked',
    );
    expect(entries.body.items.length).toBeGreaterThan(0);
    expect(entries.body.items[0]!.entry).not.toContain(alice);
  });

  it('shows the person who checked their consent, when, for which fields, and the answer', async () => {
    type Uses = { items: ConsentUse[]; total: number };
    const uses = await call<Uses>('GET', `/api/consent/uses?grantId=${grant.id}`, 'alice-p');
    expect(uses.status).toBe(200);
    const decided = uses.body.items.map((u) => [u.allow, u.reason]);
    expect(decided).toContainEqual([true, 'granted']);
    expect(decided).toContainEqual([false, 'field_not_granted']);
    expect(decided).toContainEqual([false, 'revoked']);
    expect(uses.body.items.every((u) => u.grantId === grant.id && u.subjectId === alice)).toBe(true);
    expect(uses.body.items[0]).toMatchObject({
      orgName: '齐鲁数据科技有限公司',
      scenarioTitle: SCENARIO.title,
    });
    // the fields as the person knows them: the scenario's own labels
    expect(uses.body.items.flatMap((u) => u.fields)).toContainEqual({ name: 'income', label: '月收入' });
    const times = uses.body.items.map((u) => u.at);
    expect(times).toEqual([...times].sort().reverse()); // newest first
    const page = await call<Uses>('GET', '/api/consent/uses?pageSize=1', 'alice-p');
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(uses.body.total);
    // only the person (or their guardian) reads it
    expect((await call('GET', '/api/consent/uses', 'merchant')).status).toBe(403);
    const stranger = await call<Err>('GET', `/api/consent/uses?subjectId=${alice}`, 'kid-b');
    expect(stranger.status).toBe(404);
  });

  it('a new version (changed purpose) stops the old version’s grants from authorizing', async () => {
    const g = await call<ConsentGrant>('POST', '/api/consent/grants', 'alice-p', {
      versionId,
      fields: ['name', 'mobile'],
      expiresAt: inDays(30),
      separateConsent: true,
    });
    expect(g.status).toBe(201);
    expect((await check(['name'])).body.allow).toBe(true);
    const rev = await call<Scenario>('POST', `/api/consent/scenarios/${scenario.id}/versions`, 'merchant', {
      ...SCENARIO,
      purpose: '评估还款能力并用于营销推荐',
    });
    expect(rev.status).toBe(201);
    const v2 = rev.body.versions[0]!;
    expect(v2.version).toBe(2);
    expect((await check(['name'])).body.allow).toBe(true); // until the new version is approved
    expect(
      (
        await call('POST', `/api/consent/scenarios/${scenario.id}/review`, 'operator', {
          versionId: v2.id,
          approve: true,
          pipiaRef: 'PIPIA-2026-002',
        })
      ).status,
    ).toBe(200);
    expect((await check(['name'])).body).toMatchObject({ allow: false, reason: 'version_superseded' });
    // the person hears that the consent no longer counts, with the way to consent again
    const inbox = await call<{ items: { kind: string; link: string | null }[] }>(
      'GET',
      '/api/notifications',
      'alice-p',
    );
    // (alice also hears as the guardian of the ward she consented for)
    expect(inbox.body.items.filter((n) => n.kind === 'consent.superseded').map((n) => n.link)).toContain(
      `/consent/mine?tab=scenarios&scenario=${scenario.id}`,
    );
    const mine = await call<{ items: ConsentGrant[] }>('GET', '/api/consent/grants', 'alice-p');
    expect(mine.body.items.find((x) => x.id === g.body.id)?.status).toBe('superseded');
    const stale = await call<Err>('POST', '/api/consent/grants', 'alice-p', {
      versionId,
      fields: ['name', 'mobile'],
      expiresAt: inDays(30),
      separateConsent: true,
    });
    expect(stale.status).toBe(409);
    // PIPL Art. 14: the person consents again to the version in force; the old grant keeps its history
    const again = await call<ConsentGrant>('POST', '/api/consent/grants', 'alice-p', {
      versionId: v2.id,
      fields: ['name', 'mobile'],
      expiresAt: inDays(30),
      separateConsent: true,
    });
    expect(again.status).toBe(201);
    // the replaced grant authorizes nothing; a withdrawal is of the grant that replaced it
    const replaced = await call<Err>('POST', `/api/consent/grants/${g.body.id}/revoke`, 'alice-p');
    expect(replaced.status).toBe(409);
    expect(replaced.body.error.message).toContain(again.body.id);
    expect((await check(['name'], v2.id)).body).toMatchObject({ allow: true, reason: 'granted' });
    expect((await check(['name'])).body).toMatchObject({ allow: false, reason: 'version_superseded' });
    const list = (status: string) =>
      call<{ items: ConsentGrant[] }>('GET', `/api/consent/grants?status=${status}`, 'alice-p');
    const old = (await list('superseded')).body.items.find((x) => x.id === g.body.id);
    expect(old).toMatchObject({ status: 'superseded', replacedBy: again.body.id, revokedAt: null });
    expect((await list('active')).body.items.map((x) => x.id)).toEqual([again.body.id]);
    expect((await list('revoked')).body.items.every((x) => x.status === 'revoked')).toBe(true);
    expect((await call<Err>('GET', '/api/consent/grants?status=gone', 'alice-p')).status).toBe(400);
    // a live grant of the version in force is not given twice
    const twice = await call<Err>('POST', '/api/consent/grants', 'alice-p', {
      versionId: v2.id,
      fields: ['name', 'mobile'],
      expiresAt: inDays(30),
      separateConsent: true,
    });
    expect(twice.status).toBe(409);
  });

  it('no asking again within the cool-down after a refusal', async () => {
    const asked = await call('POST', `/api/consent/scenarios/${scenario.id}/ask`, 'merchant', {
      subjectId: alice,
    });
    expect(asked.status).toBe(200);
    const inbox = await call<{ items: { kind: string; link: string | null }[] }>(
      'GET',
      '/api/notifications',
      'alice-p',
    );
    // the person lands on the scenario in their own hub
    expect(inbox.body.items.find((n) => n.kind === 'consent.asked')?.link).toBe(
      `/consent/mine?tab=scenarios&scenario=${scenario.id}`,
    );
    expect((await call('POST', `/api/consent/scenarios/${scenario.id}/refuse`, 'alice-p')).status).toBe(200);
    const ask = await call<Err>('POST', `/api/consent/scenarios/${scenario.id}/ask`, 'merchant', {
      subjectId: alice,
    });
    expect(ask.status).toBe(409);
    expect(ask.body.error.code).toBe('CONSENT_COOL_DOWN');
    expect(
      (await call('POST', `/api/consent/scenarios/${scenario.id}/ask`, 'buyer', { subjectId: alice })).status,
    ).toBe(403);
  });

  it('bad input is 400 naming the field', async () => {
    const r = await call<Err>('POST', '/api/consent/scenarios', 'merchant', {
      ...SCENARIO,
      retentionDays: -1,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('retentionDays');
    const twice = await call<{ error: { details: { path: string }[] } }>(
      'POST',
      '/api/consent/scenarios',
      'merchant',
      { ...SCENARIO, fields: [...SCENARIO.fields, { ...SCENARIO.fields[1]!, label: '备用手机号' }] },
    );
    expect(twice.status).toBe(400);
    expect(twice.body.error.details.map((d) => d.path)).toEqual(['body.fields.5.name']);
  });

  it('a rejected version may be resubmitted; a version in review takes new justifications as a new version', async () => {
    const body = { ...SCENARIO, title: '重新提交' };
    const r = await call<Scenario>('POST', '/api/consent/scenarios', 'merchant', body);
    const revise = (b: typeof body) =>
      call<Scenario>('POST', `/api/consent/scenarios/${r.body.id}/versions`, 'merchant', b);
    const same = await revise(body);
    expect(same.body.versions.map((v) => [v.version, v.status])).toEqual([[1, 'in_review']]);
    const justified = {
      ...body,
      fields: body.fields.map((f) =>
        f.name === 'hobby' ? { ...f, justification: '推荐适合的还款提醒方式' } : f,
      ),
    };
    const v2 = await revise(justified);
    expect(v2.body.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'in_review'],
      [1, 'superseded'],
    ]);
    const rejected = await call('POST', `/api/consent/scenarios/${r.body.id}/review`, 'operator', {
      versionId: v2.body.versions[0]!.id,
      approve: false,
      note: '兴趣爱好理由不充分',
    });
    expect(rejected.status).toBe(200);
    const again = await revise(justified);
    expect(again.status).toBe(201);
    expect(again.body.versions.map((v) => [v.version, v.status]).slice(0, 2)).toEqual([
      [3, 'in_review'],
      [2, 'rejected'],
    ]);
    // never approved, it has asked nobody: a person cannot decline it
    const refuse = await call<Err>('POST', `/api/consent/scenarios/${r.body.id}/refuse`, 'alice-p');
    expect(refuse.status).toBe(404);
  });

  it('a review striking a field the version does not have is 400, and the version stays in review', async () => {
    const r = await call<Scenario>('POST', '/api/consent/scenarios', 'merchant', {
      ...SCENARIO,
      title: '审查拼写错误',
    });
    const v = r.body.versions[0]!;
    const bad = await call<Err>('POST', `/api/consent/scenarios/${r.body.id}/review`, 'operator', {
      versionId: v.id,
      approve: true,
      strike: [{ field: 'hobbies', reason: '与用途无关' }],
      pipiaRef: 'PIPIA-1',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('CONSENT_FIELDS_INVALID');
    expect(bad.body.error.details?.field).toBe('strike.0.field');
    const after = await call<Scenario>('GET', `/api/consent/scenarios/${r.body.id}`, 'operator');
    expect(after.body.versions[0]!.status).toBe('in_review');
  });
});

/** A scenario of basic and contact fields only (no PIPIA, no separate consent), approved. */
async function approvedScenario(title: string, fields = SCENARIO.fields.slice(0, 2)) {
  const r = await call<Scenario>('POST', '/api/consent/scenarios', 'merchant', {
    ...SCENARIO,
    title,
    fields,
  });
  expect(r.status).toBe(201);
  const v = r.body.versions[0]!.id;
  const ok = await call<Err>('POST', `/api/consent/scenarios/${r.body.id}/review`, 'operator', {
    versionId: v,
    approve: true,
  });
  expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  const revise = (purpose: string) =>
    call<Scenario>('POST', `/api/consent/scenarios/${r.body.id}/versions`, 'merchant', {
      ...SCENARIO,
      title,
      purpose,
      fields,
    });
  const approveVersion = async (versionId: string) =>
    (
      await call('POST', `/api/consent/scenarios/${r.body.id}/review`, 'operator', {
        versionId,
        approve: true,
      })
    ).status;
  return { id: r.body.id, versionId: v, revise, approveVersion };
}

describe('past decisions, grown wards and what others see', () => {
  it('reconstructs a past decision as things stood then: the grant given, the version in force, the withdrawal', async () => {
    const sc = await approvedScenario('历史判定');
    const p = await signUp('hist-p', '19880808', '771');
    const g = await call<ConsentGrant>('POST', '/api/consent/grants', 'hist-p', {
      versionId: sc.versionId,
      fields: ['name', 'mobile'],
      expiresAt: inDays(30),
    });
    expect(g.status, JSON.stringify(g.body)).toBe(201);
    const v2 = (await sc.revise('评估还款能力并用于催收')).body.versions[0]!.id;
    expect(await sc.approveVersion(v2)).toBe(200);
    expect((await call('POST', `/api/consent/grants/${g.body.id}/revoke`, 'hist-p')).status).toBe(200);
    // the same history, hours back: v1 approved 5 h ago, the grant 4 h, v2 approved 3 h, the withdrawal 1 h
    const ago = (h: number) => new Date(Date.now() - h * 3_600_000);
    const db = t.services.db;
    await db
      .updateTable('consent_scenario_versions')
      .set({ reviewed_at: ago(5) })
      .where('id', '=', sc.versionId)
      .execute();
    await db
      .updateTable('consent_scenario_versions')
      .set({ reviewed_at: ago(3) })
      .where('id', '=', v2)
      .execute();
    await db
      .updateTable('consent_grants')
      // granted_at is write-once in the schema's types; only this test moves a grant's history back
      .set({ granted_at: ago(4), revoked_at: ago(1) } as { revoked_at: Date })
      .where('id', '=', g.body.id)
      .execute();
    const at = async (h: number) =>
      (
        await call<CheckDecision>('POST', '/api/consent/check', 'operator', {
          subjectId: p.body.userId,
          versionId: sc.versionId,
          fields: ['name'],
          at: ago(h).toISOString(),
        })
      ).body.reason;
    expect(await at(4.5)).toBe('no_grant');
    expect(await at(3.5)).toBe('granted');
    expect(await at(2)).toBe('version_superseded');
    expect(await at(0.5)).toBe('revoked');
    expect(await at(0)).toBe('revoked');
  });

  it('a ward who has turned 14 decides alone: requests and change notices reach the person, not the guardian', async () => {
    const sc = await approvedScenario('年满十四周岁');
    const kid = await signUp('kid-d', '20180603', '559', { guardianUsername: 'alice-p' });
    expect(kid.status, JSON.stringify(kid.body)).toBe(201);
    await call('POST', `/api/consent/wards/${kid.body.userId}/confirm`, 'alice-p');
    const g = await call<ConsentGrant>('POST', '/api/consent/grants', 'alice-p', {
      versionId: sc.versionId,
      fields: ['name', 'mobile'],
      expiresAt: inDays(30),
      onBehalfOf: kid.body.userId,
      separateConsent: true,
    });
    expect(g.status).toBe(201);
    await t.services.db
      .updateTable('consent_persons')
      .set({ birth_date: '2010-01-01' })
      .where('user_id', '=', kid.body.userId)
      .execute();
    expect(await sc.approveVersion((await sc.revise('评估还款能力并用于营销')).body.versions[0]!.id)).toBe(
      200,
    );
    expect(
      (await call('POST', `/api/consent/scenarios/${sc.id}/ask`, 'merchant', { subjectId: kid.body.userId }))
        .status,
    ).toBe(200);
    type Inbox = { items: { kind: string; link: string | null }[] };
    const about = async (who: string) =>
      (await call<Inbox>('GET', '/api/notifications?pageSize=100', who)).body.items
        .filter((n) => n.link?.includes(sc.id))
        .map((n) => [n.kind, n.link]);
    expect(await about('alice-p')).toEqual([]);
    const own = `/consent/mine?tab=scenarios&scenario=${sc.id}`;
    expect((await about('kid-d')).sort()).toEqual([
      ['consent.asked', own],
      ['consent.superseded', own],
    ]);
  });

  it('the version in force keeps its title-only edits and refuses reworded justifications without a material change', async () => {
    const sc = await approvedScenario('措辞');
    const base = { ...SCENARIO, fields: SCENARIO.fields.slice(0, 2) };
    const retitled = await call<Scenario>('POST', `/api/consent/scenarios/${sc.id}/versions`, 'merchant', {
      ...base,
      title: '措辞（更名）',
    });
    expect(retitled.status).toBe(201);
    expect(retitled.body.title).toBe('措辞（更名）');
    expect(retitled.body.versions.map((v) => [v.version, v.status])).toEqual([[1, 'approved']]);
    const reworded = await call<Err>('POST', `/api/consent/scenarios/${sc.id}/versions`, 'merchant', {
      ...base,
      title: '措辞（更名）',
      fields: base.fields.map((f, i) => (i === 1 ? { ...f, justification: '放款通知与还款提醒短信' } : f)),
    });
    expect(reworded.status).toBe(409);
    expect(reworded.body.error).toMatchObject({
      code: 'CONSENT_JUSTIFICATION_LOCKED',
      details: { field: 'fields.1.justification' },
    });
    const after = await call<Scenario>('GET', `/api/consent/scenarios/${sc.id}`, 'merchant');
    expect(after.body.versions[0]!.fields[1]!.justification).toBe(SCENARIO.fields[1]!.justification);
    // a field the review struck (hobby: no justification), left out of an edit or sent back as it was, is no
    // change: the persons who consented were never asked for it
    const [name, mobile, , hobby] = SCENARIO.fields;
    const withStruck = await approvedScenario('删除字段', [name!, mobile!, hobby!]);
    const edit = (title: string, fields: typeof SCENARIO.fields) =>
      call<Scenario>('POST', `/api/consent/scenarios/${withStruck.id}/versions`, 'merchant', {
        ...SCENARIO,
        title,
        fields,
      });
    const leftOut = await edit('删除字段（一）', [name!, mobile!]);
    expect(leftOut.body.versions.map((v) => [v.version, v.status])).toEqual([[1, 'approved']]);
    const asItWas = await edit('删除字段（二）', [name!, mobile!, hobby!]);
    expect(asItWas.body.versions.map((v) => [v.version, v.status])).toEqual([[1, 'approved']]);
    expect(asItWas.body.title).toBe('删除字段（二）');
  });

  it('outsiders see an approved scenario by the status of its approved version only; overseers see every org’s grants', async () => {
    const sc = await approvedScenario('修订中');
    expect((await sc.revise('评估还款能力并用于保险定价')).status).toBe(201);
    type List = { items: Scenario[] };
    const listed = async (who: string, status: string) =>
      (await call<List>('GET', `/api/consent/scenarios?status=${status}&pageSize=100`, who)).body.items.some(
        (x) => x.id === sc.id,
      );
    expect(await listed('buyer', 'approved')).toBe(true);
    expect(await listed('buyer', 'in_review')).toBe(false);
    expect(await listed('merchant', 'in_review')).toBe(true);
    expect(await listed('regulator', 'in_review')).toBe(true);
    // the platform's own members belong to an org too, yet oversee the grants every org received
    type Grants = { items: ConsentGrant[]; total: number };
    const received = (who: string) =>
      call<Grants>('GET', `/api/consent/grants?box=received&scenarioId=${scenario.id}`, who);
    expect((await received('operator')).body.total).toBeGreaterThan(0);
    expect((await received('merchant')).body.total).toBe((await received('operator')).body.total);
    expect((await received('buyer')).body.total).toBe(0);
  });
});

/** The organization a demo user belongs to. */
const orgIdOf = async (username: string) =>
  (await call<{ org: { id: string } }>('GET', '/api/me', username)).body.org.id;

/** The merchant authorizes the buyer org to use resources, for a joint risk model. */
const authorizeBuyer = async <T = OrgGrant>(resourceIds: string[], over: Record<string, unknown> = {}) =>
  call<T>('POST', '/api/consent/org-grants', 'merchant', {
    granteeOrgId: await orgIdOf('buyer'),
    resourceIds,
    maxGrade: 'important',
    purpose: '联合风控建模',
    expiresAt: inDays(30),
    ...over,
  });

describe('enterprise authorization and public-data authorized operation', () => {
  it('an org authorizes another; both sides and the regulator see the same terms; revocable once', async () => {
    type Res = { id: string; ownerOrgId: string; grade: string; processing: string };
    const res = await call<{ items: Res[] }>('GET', '/api/catalog/resources?mine=true', 'merchant');
    // a masked derivative: raw personal information goes to no other org
    const own = res.body.items.find((r) => r.processing === 'masked')!;
    const g = await authorizeBuyer([own.id], { expiresAt: inDays(90) });
    expect(g.status).toBe(201);
    const seen = await Promise.all(
      ['merchant', 'buyer', 'regulator'].map((u) =>
        call<OrgGrant>('GET', `/api/consent/org-grants/${g.body.id}`, u),
      ),
    );
    expect(seen.map((s) => s.body)).toEqual([g.body, g.body, g.body]);
    expect((await call('GET', `/api/consent/org-grants/${g.body.id}`, 'authority')).status).toBe(404);
    expect(
      (await call('POST', `/api/consent/org-grants/${g.body.id}/revoke`, 'buyer', { reason: '不是我授权的' }))
        .status,
    ).toBe(403);
    expect(
      (
        await call<OrgGrant>('POST', `/api/consent/org-grants/${g.body.id}/revoke`, 'merchant', {
          reason: '合作结束',
        })
      ).body.status,
    ).toBe('revoked');
    expect(
      (await call('POST', `/api/consent/org-grants/${g.body.id}/revoke`, 'merchant', { reason: '合作结束' }))
        .status,
    ).toBe(409);
  });

  it('an enterprise authorization opens the named resources to the grantee, only while it lives and fits', async () => {
    type Res = { id: string; title: string; grade: string; status: string; derivedFrom: string | null };
    const mine = await call<{ items: Res[] }>(
      'GET',
      '/api/catalog/resources?mine=true&pageSize=50',
      'merchant',
    );
    const raw = mine.body.items.find((r) => r.title === '普惠金融客户名单')!;
    // the masked derivative of the borrower list, which another org may receive
    const borrowers = mine.body.items.find((r) => r.derivedFrom === raw.id)!;
    const files = await call<{ items: { id: string; status: string }[] }>(
      'GET',
      `/api/catalog/resources/${borrowers.id}/files`,
      'merchant',
    );
    const file = files.body.items.find((f) => f.status === 'ready')!;
    const draft = await call<Res>('POST', '/api/catalog/resources', 'merchant', {
      title: '联合风控样本（未发布）',
      description: '齐鲁数据与合作方联合风控建模所用的样本数据，尚未发布，仅向获授权的机构开放。',
      sectorCode: 'finance.banking',
      subjectType: 'organization',
      sourceKind: 'collected',
      sourceMethod: '业务系统归集',
      updateFrequency: 'monthly',
      keywords: ['风控'],
    });
    expect(draft.status).toBe(201);
    const download = (as: string) => call('GET', `/api/catalog/files/${file.id}/download`, as);
    const seeDraft = (as: string) => call('GET', `/api/catalog/resources/${draft.body.id}`, as);
    expect((await download('buyer')).status).toBe(403);
    expect((await seeDraft('buyer')).status).toBe(404);

    const buyerOrg = await orgIdOf('buyer');
    // PIPL Art. 23: raw personal information reaches another handler only with each person's consent
    const rawRefused = await authorizeBuyer<Err>([raw.id]);
    expect(rawRefused.status).toBe(409);
    expect(rawRefused.body.error).toMatchObject({
      code: 'CONSENT_RESOURCE_REFUSED',
      details: { field: 'resourceIds' },
    });
    expect(rawRefused.body.error.message).toContain('personal information');
    const g = await call<OrgGrant>('POST', '/api/consent/org-grants', 'merchant', {
      granteeOrgId: buyerOrg,
      resourceIds: [borrowers.id, draft.body.id],
      maxGrade: borrowers.grade,
      purpose: '联合风控建模',
      expiresAt: inDays(30),
    });
    expect(g.status).toBe(201);
    expect(g.body.resources).toEqual([
      { id: borrowers.id, title: borrowers.title, grade: borrowers.grade },
      { id: draft.body.id, title: '联合风控样本（未发布）', grade: 'general_1' },
    ]);
    expect((await download('buyer')).status).toBe(200);
    expect((await seeDraft('buyer')).status).toBe(200);
    expect((await download('quancheng')).status).toBe(403);
    const audit = await call<{ items: { details: Record<string, unknown> }[] }>(
      'GET',
      `/api/audit/events?action=catalog.file.download&objectId=${file.id}`,
      'regulator',
    );
    expect(audit.body.items.some((a) => a.details.orgGrantId === g.body.id)).toBe(true);

    // the resource outgrows the grant: regraded above its highest grade, the grant no longer covers it
    const raised = await call('POST', `/api/catalog/resources/${borrowers.id}/grade`, 'merchant', {
      grade: 'important',
      reason: '汇聚后规模达到重要数据标准',
    });
    expect(raised.status).toBe(200);
    // important data is hidden from other members: without a covering grant it is not even found
    expect((await download('buyer')).status).toBe(404);
    expect((await seeDraft('buyer')).status).toBe(200);

    await call('POST', `/api/consent/org-grants/${g.body.id}/revoke`, 'merchant', { reason: '合作结束' });
    expect((await seeDraft('buyer')).status).toBe(404);
  });

  it('a sector named by a live authorized operation stays in the catalog until the grant ends', async () => {
    const quancheng = await orgIdOf('quancheng');
    const made = await call('POST', '/api/catalog/sectors', 'operator', {
      code: 'transport.ports',
      parentCode: 'transport',
      name: '港口航运',
    });
    expect(made.status).toBe(201);
    const g = await call<OperationGrant>('POST', '/api/consent/operation-grants', 'authority', {
      operatorOrgId: quancheng,
      scope: 'sectoral',
      sectors: ['transport.ports'],
      maxGrade: 'general_2',
      startsAt: inDays(-1),
      endsAt: inDays(365),
      priceGuidanceFen: 100,
    });
    expect(g.status).toBe(201);
    const held = await call<Err & { error: { details?: { heldBy?: string } } }>(
      'DELETE',
      '/api/catalog/sectors/transport.ports',
      'operator',
    );
    expect(held.status).toBe(409);
    expect(held.body.error.code).toBe('CATALOG_SECTOR_HELD');
    expect(held.body.error.details?.heldBy).toBe(g.body.id);
    // nor does a sector below it move out from under it (the grant would silently lose it); a rename is fine
    const below = await call('POST', '/api/catalog/sectors', 'operator', {
      code: 'transport.ports.berths',
      parentCode: 'transport.ports',
      name: '泊位',
    });
    expect(below.status).toBe(201);
    const moved = await call<Err>('PATCH', '/api/catalog/sectors/transport.ports.berths', 'operator', {
      parentCode: 'transport',
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error).toMatchObject({ code: 'CATALOG_SECTOR_HELD', details: { field: 'parentCode' } });
    const renamed = await call<{ parentCode: string }>(
      'PATCH',
      '/api/catalog/sectors/transport.ports.berths',
      'operator',
      {
        name: '港口泊位',
      },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ parentCode: 'transport.ports', name: '港口泊位' });
    await call('POST', `/api/consent/operation-grants/${g.body.id}/revoke`, 'authority', { reason: '调整' });
    expect((await call('DELETE', '/api/catalog/sectors/transport.ports.berths', 'operator')).status).toBe(
      200,
    );
    expect((await call('DELETE', '/api/catalog/sectors/transport.ports', 'operator')).status).toBe(200);
  });

  it('an authority grants 分领域授权, suspends, evaluates, revokes; the public list follows', async () => {
    const quancheng = await orgIdOf('quancheng');
    const bad = await call<Err>('POST', '/api/consent/operation-grants', 'authority', {
      operatorOrgId: quancheng,
      scope: 'sectoral',
      sectors: [],
      maxGrade: 'general_3',
      startsAt: inDays(-1),
      endsAt: inDays(365),
      priceGuidanceFen: 100,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('sectors');
    const ended = await call<Err>('POST', '/api/consent/operation-grants', 'authority', {
      operatorOrgId: quancheng,
      scope: 'comprehensive',
      sectors: [],
      maxGrade: 'general_3',
      startsAt: inDays(-30),
      endsAt: inDays(-1),
      priceGuidanceFen: 100,
    });
    expect(ended.status).toBe(400);
    expect(ended.body.error.details?.field).toBe('endsAt');
    // instants compare as instants, whatever their offsets: 08:30+08:00 is before 01:00Z
    const offsets = await call<Err>('POST', '/api/consent/operation-grants', 'authority', {
      operatorOrgId: quancheng,
      scope: 'comprehensive',
      sectors: [],
      maxGrade: 'general_3',
      startsAt: '2030-01-01T01:00:00Z',
      endsAt: '2030-01-01T08:30:00+08:00',
      priceGuidanceFen: 100,
    });
    expect(offsets.status).toBe(400);
    expect(JSON.stringify(offsets.body)).toContain('endsAt');
    const g = await call<OperationGrant>('POST', '/api/consent/operation-grants', 'authority', {
      operatorOrgId: quancheng,
      scope: 'sectoral',
      sectors: ['transport'],
      maxGrade: 'general_3',
      startsAt: inDays(-1),
      endsAt: inDays(365),
      priceGuidanceFen: 150000,
    });
    expect(g.status).toBe(201);
    expect(g.body.delivery).toBe('compute_to_data');
    const unknown = await call<Err>('POST', '/api/consent/operation-grants', 'authority', {
      operatorOrgId: quancheng,
      scope: 'sectoral',
      sectors: ['transport', 'no-such-sector'],
      maxGrade: 'general_3',
      startsAt: inDays(-1),
      endsAt: inDays(365),
      priceGuidanceFen: 100,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      code: 'CONSENT_SECTOR_UNKNOWN',
      details: { field: 'sectors' },
    });
    expect(unknown.body.error.message).toContain('no-such-sector');

    // the grant covers the authority's public data in 交通运输 and below (公交站点 is 道路运输), not 电力
    type Res = { id: string; title: string };
    const covered = await call<{ items: Res[]; total: number }>(
      'GET',
      `/api/consent/operation-grants/${g.body.id}/resources`,
      'quancheng',
    );
    expect(covered.status).toBe(200);
    const coveredTitles = covered.body.items.map((r) => r.title);
    expect(coveredTitles).toContain('济南市公交线路站点');
    expect(coveredTitles).not.toContain('济南市分行业企业用电量');
    const jinan = await call<{ items: Res[] }>('GET', '/api/catalog/resources?mine=true', 'authority');
    const idOf = (title: string) => jinan.body.items.find((r) => r.title === title)!.id;
    const access = async (resourceId: string, as = 'quancheng') =>
      (
        await call<{ allow: boolean; reason: string; delivery: string | null }>(
          'GET',
          `/api/consent/operation-access?resourceId=${resourceId}`,
          as,
        )
      ).body;
    expect(await access(idOf('济南市公交线路站点'))).toMatchObject({
      allow: true,
      reason: 'authorized',
      delivery: 'compute_to_data',
    });
    expect(await access(idOf('济南市分行业企业用电量'))).toMatchObject({
      allow: false,
      reason: 'sector_not_granted',
    });
    expect((await access(idOf('济南市公交线路站点'), 'buyer')).reason).toBe('no_grant');
    const list = async () =>
      (await call<{ items: { orgId: string }[] }>('GET', '/api/consent/authorized-operators')).body.items.map(
        (i) => i.orgId,
      );
    expect(await list()).toContain(quancheng);
    expect(
      (
        await call<OperationGrant>(
          'POST',
          `/api/consent/operation-grants/${g.body.id}/suspend`,
          'authority',
          { reason: '年度评估整改' },
        )
      ).body.status,
    ).toBe('suspended');
    expect(await list()).not.toContain(quancheng);
    expect((await access(idOf('济南市公交线路站点'))).reason).toBe('suspended');
    expect(
      (await call('POST', `/api/consent/operation-grants/${g.body.id}/suspend`, 'authority', { reason: 'x' }))
        .status,
    ).toBe(409);
    expect(
      (await call('POST', `/api/consent/operation-grants/${g.body.id}/reinstate`, 'authority')).status,
    ).toBe(200);
    const ev = await call<OperationGrant>(
      'POST',
      `/api/consent/operation-grants/${g.body.id}/evaluations`,
      'authority',
      { year: 2026, score: 88, conclusion: '合格' },
    );
    expect(ev.body.evaluations).toHaveLength(1);
    expect((await call('GET', `/api/consent/operation-grants/${g.body.id}`, 'quancheng')).status).toBe(200);
    expect(
      (
        await call<OperationGrant>('POST', `/api/consent/operation-grants/${g.body.id}/revoke`, 'authority', {
          reason: '违规',
        })
      ).body.status,
    ).toBe('revoked');
    expect(
      (await call('POST', `/api/consent/operation-grants/${g.body.id}/reinstate`, 'authority')).status,
    ).toBe(409);
    const history = (
      await call<OperationGrant>('GET', `/api/consent/operation-grants/${g.body.id}`, 'regulator')
    ).body.history;
    expect(history.map((h) => [h.action, h.reason])).toEqual([
      ['create', null],
      ['suspend', '年度评估整改'],
      ['reinstate', null],
      ['revoke', '违规'],
    ]);
    expect(history.every((h) => h.actorName)).toBe(true);
  });

  it('an ended authorization stays as it ended; evaluations only for years of the term; hidden resources tell no reasons', async () => {
    const quancheng = await orgIdOf('quancheng');
    const make = () =>
      call<OperationGrant>('POST', '/api/consent/operation-grants', 'authority', {
        operatorOrgId: quancheng,
        scope: 'comprehensive',
        sectors: [],
        maxGrade: 'general_3',
        startsAt: inDays(-1),
        endsAt: inDays(365),
        priceGuidanceFen: 100,
      });
    const op = (await make()).body;
    const path = `/api/consent/operation-grants/${op.id}`;
    const evaluate = (year: number) =>
      call<Err>('POST', `${path}/evaluations`, 'authority', { year, score: 80, conclusion: '合格' });
    const future = await evaluate(2099);
    expect(future.status).toBe(400);
    expect(future.body.error).toMatchObject({
      code: 'CONSENT_EVALUATION_YEAR_INVALID',
      details: { field: 'year' },
    });
    expect((await evaluate(new Date(op.startsAt).getUTCFullYear() - 1)).status).toBe(400);
    // a draft of the authority: an operator learns nothing of it, not even that it is a draft
    const draft = await call<{ id: string }>('POST', '/api/catalog/resources', 'authority', {
      title: '济南市公交客流（整理中）',
      description: '按线路和时段统计的公交客流，整理完成后发布，目前仅供内部核对使用。',
      sectorCode: 'transport',
      subjectType: 'public',
      sourceKind: 'collected',
      sourceMethod: '公交刷卡系统归集',
      updateFrequency: 'monthly',
      keywords: ['公交'],
    });
    expect(draft.status).toBe(201);
    const access = await call<{ reason: string }>(
      'GET',
      `/api/consent/operation-access?resourceId=${draft.body.id}`,
      'quancheng',
    );
    expect(access.body.reason).toBe('no_grant');

    // revoked: the operator no longer reads what it covered (the authority does), and no evaluation follows
    await call('POST', `${path}/revoke`, 'authority', { reason: '运营主体调整' });
    expect((await call('GET', `${path}/resources`, 'quancheng')).status).toBe(403);
    expect((await call('GET', `${path}/resources`, 'authority')).status).toBe(200);
    expect((await evaluate(new Date().getUTCFullYear())).status).toBe(409);

    // a term that has run out: nothing is left to suspend or revoke, and it reads expired, not suspended
    const ran = (await make()).body;
    await call('POST', `/api/consent/operation-grants/${ran.id}/suspend`, 'authority', { reason: '整改' });
    await t.services.db
      .updateTable('consent_operation_grants')
      .set({ ends_at: new Date(Date.now() - 60_000) })
      .where('id', '=', ran.id)
      .execute();
    for (const action of ['reinstate', 'revoke'])
      expect(
        (
          await call(`POST`, `/api/consent/operation-grants/${ran.id}/${action}`, 'authority', {
            reason: 'x',
          })
        ).status,
      ).toBe(409);
    const after = await call<OperationGrant>('GET', `/api/consent/operation-grants/${ran.id}`, 'authority');
    expect(after.body.status).toBe('expired');
    // the list filters by the same status as each grant reads
    const ids = async (status: string) =>
      (
        await call<{ items: OperationGrant[] }>(
          'GET',
          `/api/consent/operation-grants?status=${status}&pageSize=100`,
          'authority',
        )
      ).body.items.map((x) => x.id);
    expect(await ids('expired')).toContain(ran.id);
    expect(await ids('suspended')).not.toContain(ran.id);
    expect(await ids('revoked')).toContain(op.id);
    expect(await ids('active')).not.toContain(op.id);
    expect((await call('GET', '/api/consent/operation-grants?status=gone', 'authority')).status).toBe(400);

    // an org suspended from the platform leaves the public list of operators while suspended
    const live = (await make()).body;
    const listed = async () =>
      (
        await call<{ items: { orgId: string }[] }>('GET', '/api/consent/authorized-operators')
      ).body.items.some((i) => i.orgId === quancheng);
    expect(await listed()).toBe(true);
    const setStatus = (status: string) =>
      t.services.db.updateTable('orgs').set({ status }).where('id', '=', quancheng).execute();
    await setStatus('suspended');
    try {
      expect(await listed()).toBe(false);
    } finally {
      await setStatus('active');
    }
    await call('POST', `/api/consent/operation-grants/${live.id}/revoke`, 'authority', {
      reason: '测试结束',
    });
  });

  it('an enterprise authorization that ran its course is not revoked afterwards', async () => {
    const res = await call<{ items: { id: string; processing: string }[] }>(
      'GET',
      '/api/catalog/resources?mine=true',
      'merchant',
    );
    const g = await authorizeBuyer([res.body.items.find((r) => r.processing === 'masked')!.id], {
      purpose: '短期联合建模',
      expiresAt: inDays(1),
    });
    expect(g.status).toBe(201);
    await t.services.db
      .updateTable('consent_org_grants')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('id', '=', g.body.id)
      .execute();
    const late = await call<Err>('POST', `/api/consent/org-grants/${g.body.id}/revoke`, 'merchant', {
      reason: '合作结束',
    });
    expect(late.status).toBe(409);
    expect((await call<OrgGrant>('GET', `/api/consent/org-grants/${g.body.id}`, 'buyer')).body.status).toBe(
      'expired',
    );
    // the list filters by the same status as each grant reads
    const ids = async (status: string) =>
      (
        await call<{ items: OrgGrant[] }>(
          'GET',
          `/api/consent/org-grants?box=received&status=${status}&pageSize=100`,
          'buyer',
        )
      ).body.items.map((x) => x.id);
    expect(await ids('expired')).toContain(g.body.id);
    expect(await ids('active')).not.toContain(g.body.id);
    expect(await ids('revoked')).not.toContain(g.body.id);
  });
});

describe('the consent demo', () => {
  it('seeds persons, scenarios, grants in every state and authorizations through the real services', async () => {
    const r = await demo.seedConsentDemo(t.services);
    expect(r.grants).toEqual({ active: 2, revoked: 1, expired: 1 });
    const li = await call<{ items: ConsentGrant[] }>('GET', '/api/consent/grants', 'lisi');
    expect(li.body.items.map((g) => g.status).sort()).toEqual(['expired', 'revoked']);
    const zhang = await call<{ items: ConsentUse[] }>('GET', '/api/consent/uses', 'zhangsan');
    expect(zhang.body.items.map((u) => u.allow).sort()).toEqual([false, true, true]);
    const ops = await call<{ items: { orgName: string }[] }>('GET', '/api/consent/authorized-operators');
    expect(ops.body.items.length).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
