import { readFileSync } from 'node:fs';
import {
  idCardCheckChar,
  verifyConsentReceipt,
  type CheckDecision,
  type ConsentGrant,
  type Person,
  type Scenario,
} from '@shuliu/contracts';
import { startTestServer, type TestServer } from '@shuliu/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD as PASSWORD,
  ensurePortalBuilt,
  hasChromium,
  openPortal,
  type PortalPage,
} from './harness.js';

/** A phone (iPhone 12–14 width): the person's hub must work here. */
const PHONE = { width: 390, height: 844 };

/** A valid 居民身份证号码 (GB 11643 check character) born on `birth`, unique per `seq`. */
const idCard = (birth: string, seq: string) => {
  const first17 = `370102${birth}${seq}`;
  return first17 + idCardCheckChar(first17);
};

const SCENARIO = {
  title: '信用卡分期资格评估',
  purpose: '评估分期还款能力，决定可办理的分期额度',
  legalBasis: '取得个人同意',
  recipient: '齐鲁数据科技有限公司',
  processingMethod: '自动化评分并人工复核',
  retentionDays: 365,
  crossBorder: false,
  automatedDecision: true,
  fields: [
    { name: 'name', label: '姓名', category: 'basic', required: true, justification: '识别申请人身份' },
    { name: 'mobile', label: '手机号', category: 'contact', required: true, justification: '分期结果通知' },
    {
      name: 'income',
      label: '月收入',
      category: 'financial',
      required: false,
      justification: '评估还款能力',
    },
    {
      name: 'education',
      label: '学历',
      category: 'basic',
      required: false,
      justification: '辅助评估收入稳定性',
    },
  ],
};

/**
 * The natural person's authorization hub through a real browser at phone width: sign up (an invalid ID card is
 * refused beside its field), grant a scenario with one optional field refused — consent.check agrees field by
 * field — verify the signed receipt in the browser, then withdraw, after which consent.check denies; consent
 * again to a changed scenario; decline another, after which its org may not ask again.
 */
describe.skipIf(!hasChromium && !process.env.CI)(
  'consent hub in headless Chromium at phone width',
  { timeout: 120_000 },
  () => {
    let server: TestServer & { url: string };
    let portal: PortalPage;
    let page: Page;
    const username = `p-${Date.now().toString(36)}`;
    let scenario: Scenario;
    let versionId = '';
    let subjectId = '';
    let grantId = '';

    const shot = (name: string) => portal.shot(name);
    const check = (fields: string[]) =>
      server.call<CheckDecision>('POST', '/api/consent/check', 'merchant', { subjectId, versionId, fields });
    /** Nothing is wider than the phone: no sideways scrolling. */
    const fitsPhone = async () =>
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
        PHONE.width,
      );

    beforeAll(async () => {
      ensurePortalBuilt();
      server = (await startTestServer({ listen: true })) as TestServer & { url: string };
      const r = await server.call<Scenario>('POST', '/api/consent/scenarios', 'merchant', SCENARIO);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      scenario = r.body;
      versionId = r.body.versions[0]!.id;
      const ok = await server.call('POST', `/api/consent/scenarios/${scenario.id}/review`, 'operator', {
        versionId,
        approve: true,
        pipiaRef: 'PIPIA-E2E-001',
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      portal = await openPortal(server.url, { prefix: 'consent', viewport: PHONE, phone: true });
      page = portal.page;
    });

    afterAll(async () => {
      await portal?.close();
      await server?.close();
    });

    it('signs a person up on /signup, refusing an invalid ID card beside its field', async () => {
      await page.goto(`${server.url}/login`);
      await page.getByTestId('link-signup').click();
      await page.waitForURL(/\/signup$/);
      await page.getByTestId('signup-username').fill(username);
      await page.getByTestId('signup-display-name').fill('王小雨');
      await page.locator('#signup_password').fill(PASSWORD);
      await page.locator('#signup_confirm').fill(PASSWORD);
      await page.getByTestId('signup-id-card').fill('370102199001011230'); // wrong check character
      await page.getByTestId('signup-phone').fill('13800138000');
      await page.getByTestId('signup-submit').click();
      const idItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('signup-id-card') });
      await expect(idItem.locator('.ant-form-item-explain-error').textContent()).resolves.toContain(
        '身份证号码无效',
      );
      await fitsPhone();
      await shot('signup-invalid-id');

      await page.getByTestId('signup-id-card').fill(idCard('19900101', '123'));
      await page.getByTestId('signup-phone').click();
      await expect(page.getByTestId('signup-birth').textContent()).resolves.toContain('1990-01-01');
      await page.getByTestId('signup-submit').click();
      await page.waitForURL(/\/consent\/mine/);
      await expect(page.getByTestId('person-id-card').textContent()).resolves.toMatch(/^3\*{15}\d[\dX]/);
      subjectId = (await server.call<Person>('GET', '/api/consent/me', username)).body.userId;
      await fitsPhone();
      await shot('hub-empty');
    });

    it('grants the scenario from the phone menu with one optional field refused; consent.check agrees', async () => {
      await page.goto(`${server.url}/`);
      await page.getByTestId('dashboard-consent').waitFor();
      await page.getByTestId('side-menu-toggle').click();
      await page.getByTestId('side-menu-mask').waitFor();
      // the menu slides over the page; its 授权中心 group may start folded
      if (!(await page.getByTestId('menu-consent-mine').isVisible()))
        await page.getByTestId('menu-consent').click();
      await shot('phone-menu');
      await page.getByTestId('menu-consent-mine').click();
      await page.waitForURL(/\/consent\/mine$/);
      await page.getByTestId('consent-tab-scenarios').click();
      await page.getByTestId(`scenario-open-${scenario.id}`).click();
      const drawer = page.getByTestId('scenario-drawer');
      await drawer.getByTestId('grant-form').waitFor();
      await expect(drawer.getByTestId('field-name').isChecked()).resolves.toBe(true);
      await expect(drawer.getByTestId('field-name').isDisabled()).resolves.toBe(true);
      await drawer.getByTestId('field-income').check(); // agreed; education is left out
      await drawer.getByTestId('grant-submit').click();
      // financial data is sensitive: the grant needs the separate tick, and says so beside it
      const separateItem = drawer
        .locator('.ant-form-item')
        .filter({ has: page.getByTestId('separate-consent') });
      await separateItem.locator('.ant-form-item-explain-error').waitFor();
      await expect(drawer.getByTestId('separate-reasons').textContent()).resolves.toContain('月收入');
      await shot('grant-form');
      await drawer.getByTestId('separate-consent').check();
      await drawer.getByTestId('grant-submit').click();
      await drawer.getByTestId('grant-result').waitFor();
      await shot('granted');

      expect((await check(['name', 'mobile', 'income'])).body).toMatchObject({
        allow: true,
        reason: 'granted',
      });
      expect((await check(['education'])).body).toMatchObject({
        allow: false,
        reason: 'field_not_granted',
        missingFields: ['education'],
      });
      grantId = (await check(['name'])).body.grantId!;
    });

    it('downloads the receipt and verifies it in the browser, every check green', async () => {
      const drawer = page.getByTestId('scenario-drawer');
      const download = page.waitForEvent('download');
      await drawer.locator('[data-testid^="receipt-download-rcp_"]').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^consent-receipt-rcp_.+\.json$/);
      const saved = JSON.parse(readFileSync((await file.path())!, 'utf8')) as unknown;
      expect(verifyConsentReceipt(saved).valid).toBe(true);

      await drawer.locator('[data-testid^="receipt-verify-rcp_"]').click();
      const verdict = drawer.getByTestId('receipt-verify-verdict');
      await verdict.waitFor();
      await expect(verdict.getAttribute('data-ok')).resolves.toBe('true');
      for (const c of ['shape', 'signerKey', 'signature', 'ledgerEntry', 'inclusion', 'checkpoint'])
        await expect(
          drawer.getByTestId(`receipt-verify-steps-${c}`).getAttribute('data-status'),
        ).resolves.toBe('ok');
      await expect(drawer.getByTestId('receipt-offline-command').textContent()).resolves.toContain(
        'shuliu verify-consent consent-receipt-rcp_',
      );
      await shot('receipt-verified');
    });

    it('withdraws in the browser: a revocation receipt appears and consent.check denies with revoked', async () => {
      await page.getByTestId('grant-result-view').click();
      const drawer = page.getByTestId('grant-drawer');
      await drawer.getByTestId(`grant-revoke-${grantId}`).click();
      await page.getByTestId('revoke-ok').click();
      // the revocation receipt, or the refusal shown in the dialog (then say what it was at once)
      const refused = page.locator('.ant-modal').getByTestId('form-error');
      await drawer.locator('[data-event="revoked"]').or(refused).first().waitFor();
      if (await refused.count())
        throw new Error(`the withdrawal was refused: ${await refused.textContent()}`);
      await drawer.locator('[data-status="revoked"]').first().waitFor();
      await shot('revoked');
      expect((await check(['name'])).body).toMatchObject({ allow: false, reason: 'revoked' });
      // the use record: the merchant's allowed check and its refused one (education was never granted)
      const uses = drawer.getByTestId('uses-list');
      await uses.locator('[data-allow="true"]').first().waitFor();
      await expect(uses.locator('[data-allow="false"]').first().textContent()).resolves.toContain('学历');
      await expect(uses.textContent()).resolves.toContain('齐鲁数据科技有限公司');

      await page.getByTestId('grant-drawer').locator('.ant-drawer-close').click();
      await page.getByTestId('consent-tab-history').click();
      await page.locator(`[data-testid="grant-${grantId}"][data-status="revoked"]`).waitFor();
      await fitsPhone();
      await shot('history');
      expect(portal.consoleErrors).toEqual([]);
    });

    it('consents again once the scenario changed: the new version allows, the old grant stays, replaced', async () => {
      const given = await server.call<ConsentGrant>('POST', '/api/consent/grants', username, {
        versionId,
        fields: ['name', 'mobile'],
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        separateConsent: true,
      });
      expect(given.status, JSON.stringify(given.body)).toBe(201);
      // PIPL Art. 14: a changed purpose is a new version; once approved the old grant no longer counts
      const revised = await server.call<Scenario>(
        'POST',
        `/api/consent/scenarios/${scenario.id}/versions`,
        'merchant',
        { ...SCENARIO, purpose: '评估分期还款能力，并推荐合适的分期产品' },
      );
      expect(revised.status, JSON.stringify(revised.body)).toBe(201);
      const v2 = revised.body.versions[0]!.id;
      const approved = await server.call('POST', `/api/consent/scenarios/${scenario.id}/review`, 'operator', {
        versionId: v2,
        approve: true,
        pipiaRef: 'PIPIA-E2E-002',
      });
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);

      await page.goto(`${server.url}/consent/mine?tab=history&grant=${given.body.id}`);
      await page.getByTestId('grant-drawer').getByTestId('grant-renew').click();
      await page.waitForURL(new RegExp(`tab=scenarios&scenario=${scenario.id}`));
      const drawer = page.getByTestId('scenario-drawer');
      await drawer.getByTestId('scenario-stale').waitFor();
      await drawer.getByTestId('grant-form').waitFor();
      if (await drawer.getByTestId('separate-consent').count())
        await drawer.getByTestId('separate-consent').check();
      await fitsPhone();
      await shot('consent-again');
      await drawer.getByTestId('grant-submit').click();
      await drawer.getByTestId('grant-result').waitFor();

      const decision = await server.call<CheckDecision>('POST', '/api/consent/check', 'merchant', {
        subjectId,
        versionId: v2,
        fields: ['name', 'mobile'],
      });
      expect(decision.body).toMatchObject({ allow: true, reason: 'granted' });
      expect((await check(['name'])).body).toMatchObject({ allow: false, reason: 'version_superseded' });
      const old = await server.call<ConsentGrant>('GET', `/api/consent/grants/${given.body.id}`, username);
      expect(old.body).toMatchObject({ status: 'superseded', replacedBy: decision.body.grantId });
      // the replaced grant has nothing to withdraw: it leads to the grant that replaced it, which does
      await page.goto(`${server.url}/consent/mine?tab=history&grant=${given.body.id}`);
      const oldDrawer = page.getByTestId('grant-drawer');
      await oldDrawer.getByTestId('grant-replacement').click();
      await page.getByTestId(`grant-revoke-${decision.body.grantId}`).last().waitFor();
      expect(await page.getByTestId(`grant-revoke-${given.body.id}`).count()).toBe(0);
      expect(portal.consoleErrors).toEqual([]);
    });

    it('declines a scenario it was asked about; the org may not ask again during the cool-down', async () => {
      const other = await server.call<Scenario>('POST', '/api/consent/scenarios', 'merchant', {
        ...SCENARIO,
        title: '会员积分兑换',
        purpose: '核对会员身份后兑换积分礼品',
        automatedDecision: false,
        fields: SCENARIO.fields.filter((f) => f.category === 'basic' || f.category === 'contact'),
      });
      expect(other.status, JSON.stringify(other.body)).toBe(201);
      const approved = await server.call(
        'POST',
        `/api/consent/scenarios/${other.body.id}/review`,
        'operator',
        {
          versionId: other.body.versions[0]!.id,
          approve: true,
        },
      );
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      const ask = () =>
        server.call<{ error?: { code: string } }>(
          'POST',
          `/api/consent/scenarios/${other.body.id}/ask`,
          'merchant',
          {
            subjectId,
          },
        );
      expect((await ask()).status).toBe(200);

      // the link of the request lands on the scenario in the person's hub
      await page.goto(`${server.url}/consent/mine?tab=scenarios&scenario=${other.body.id}`);
      const drawer = page.getByTestId('scenario-drawer');
      await drawer.getByTestId('scenario-refuse').click();
      await page.getByTestId('refuse-ok').click();
      await page.locator('.ant-message-success').waitFor();
      await fitsPhone();
      const again = await ask();
      expect(again.status).toBe(409);
      expect(again.body.error?.code).toBe('CONSENT_COOL_DOWN');
      expect(portal.consoleErrors).toEqual([]);
    });
  },
);
