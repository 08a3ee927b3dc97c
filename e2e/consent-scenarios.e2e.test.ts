import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openPortal, type PortalPage, startTestServer } from './harness.js';

const OPEN_SELECT = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
/** A well-formed person id nobody has: the check must deny it for want of a grant. */
const NOBODY = `usr_${'0'.repeat(26)}`;

/**
 * A consent scenario through a real browser: a merchant registers one with an unjustified and a sensitive
 * field; the operator strikes the unjustified one with a reason, gives the PIPIA record and approves; the
 * merchant sees version 1 in force with the field struck, changes the purpose (version 2 in review while
 * version 1 stays in force), and the consent check denies a person without a grant.
 */
describe.skipIf(!hasChromium && !process.env.CI)(
  'consent scenarios in headless Chromium',
  { timeout: 120_000 },
  () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    let portal: PortalPage;
    let page: Page;
    const title = `普惠小额贷款授信${String(Date.now()).slice(-6)}`;
    let scenarioId = '';

    const shot = (name: string) => portal.shot(name);

    const login = (username: string) => portal.login(username);

    const choose = async (testId: string, optionTitle: string) => {
      await page.getByTestId(testId).click();
      await page.locator(OPEN_SELECT).locator(`.ant-select-item-option[title="${optionTitle}"]`).click();
    };

    const version = (n: number, status: string) =>
      page.locator(`[data-testid="version-${n}"][data-status="${status}"]`);

    beforeAll(async () => {
      server = await startTestServer();
      portal = await openPortal(server.url, { prefix: 'consent-scenarios' });
      page = portal.page;
    });

    afterAll(async () => {
      await portal?.close();
      await server?.close();
    });

    it('lets a merchant register a scenario, warning about the unjustified and the sensitive field', async () => {
      await login('merchant');
      await page.getByTestId('menu-consent-scenarios').click();
      await page.getByTestId('scenario-new').click();
      await page.getByTestId('scenario-title').fill(title);
      await page.getByTestId('scenario-purpose').fill('评估借款人还款能力，决定授信额度');
      await expect(page.getByTestId('scenario-recipient').inputValue()).resolves.toBe('齐鲁数据科技有限公司');
      await page.getByTestId('scenario-method').fill('模型评分后人工复核');
      await page.getByTestId('scenario-retention').fill('365');

      await page.getByTestId('field-0-name').fill('name');
      await page.getByTestId('field-0-label').fill('姓名');
      await page.getByTestId('field-0-justification').fill('识别借款人身份');

      await page.getByTestId('field-add').click();
      await page.getByTestId('field-1-name').fill('income');
      await page.getByTestId('field-1-label').fill('月收入');
      await choose('field-1-category', '金融账户 · 敏感');
      await page.getByTestId('field-1-required').click();
      await page.getByTestId('field-1-justification').fill('评估还款能力');
      await page.locator('[data-testid="field-1"] [data-hint="sensitive"]').waitFor();

      await page.getByTestId('field-add').click();
      await page.getByTestId('field-2-name').fill('Hobby');
      await page.getByTestId('field-2-label').fill('兴趣爱好');
      await choose('field-2-category', '行为偏好');
      await page.getByTestId('field-2-required').click();
      await page.locator('[data-testid="field-2"] [data-hint="justification"]').waitFor();
      await page.getByTestId('scenario-submit').click();
      // the contract's snake_case rule, beside the field, before anything is sent
      await page.locator('[data-testid="field-2"] .ant-form-item-explain-error').waitFor();
      await page.getByTestId('field-2-name').fill('hobby');
      await shot('register-form');

      await page.getByTestId('scenario-submit').click();
      await page.waitForURL(/\/consent\/scenarios\/scn_[0-9a-z]+$/);
      scenarioId = page.url().split('/').pop()!;
      await version(1, 'in_review').waitFor();
      await expect(page.getByTestId('scenario-current').textContent()).resolves.toBe('尚无');
      await shot('registered');
    });

    it('lets the operator strike the unjustified field with a reason, give the PIPIA record and approve', async () => {
      await login('operator');
      await page.getByTestId('menu-consent-review').click();
      await page.getByTestId(`review-open-${scenarioId}`).click();
      await expect(page.getByTestId('strike-hobby').isChecked()).resolves.toBe(true);
      await expect(page.getByTestId('strike-income').isChecked()).resolves.toBe(false);
      await page.getByTestId('review-pipia-needed').waitFor();
      await page.getByTestId('strike-hobby-reason').fill('兴趣爱好与授信评估无关');
      await page.getByTestId('review-approve').click();
      // financial data kept: no approval without the impact assessment
      await page.locator('.ant-form-item-has-error [data-testid="review-pipia"]').waitFor();
      await page.getByTestId('review-pipia').fill('PIPIA-2026-007');
      await page.getByTestId('review-note').fill('月收入为评估还款能力所必需；兴趣爱好删除');
      await shot('review');
      await page.getByTestId('review-approve').click();
      await page.getByTestId('review-confirm-ok').click();
      await page.waitForURL(/\/consent\/review$/);
      await page.locator('.ant-message-success').waitFor();
      await expect(page.getByTestId(`review-open-${scenarioId}`).count()).resolves.toBe(0);
    });

    it('shows the merchant version 1 in force with the struck field, its reason and the review flags', async () => {
      await login('merchant');
      await page.goto(`${server.url}/consent/scenarios/${scenarioId}`);
      await version(1, 'approved').waitFor();
      await expect(page.getByTestId('scenario-current').textContent()).resolves.toBe('第 1 版');
      await expect(page.getByTestId('struck-hobby').textContent()).resolves.toContain(
        '兴趣爱好与授信评估无关',
      );
      await expect(page.getByTestId('pipia-v1').first().textContent()).resolves.toContain('PIPIA-2026-007');
      await expect(page.getByTestId('flags-v1').first().textContent()).resolves.toContain('须单独同意');
      await shot('approved');
    });

    it('makes a changed purpose version 2 in review, version 1 staying in force', async () => {
      await page.getByTestId('scenario-revise').click();
      await page.getByTestId('scenario-form-intro').waitFor();
      await expect(page.getByTestId('scenario-purpose').inputValue()).resolves.toBe(
        '评估借款人还款能力，决定授信额度',
      );
      // the struck field is not carried into the change
      expect(await page.getByTestId('field-2').count()).toBe(0);
      await page.getByTestId('scenario-purpose').fill('评估借款人还款能力，决定授信额度与利率');
      await page.getByTestId('scenario-submit').click();
      await version(2, 'in_review').waitFor();
      await expect(page.getByTestId('scenario-current').textContent()).resolves.toBe('第 1 版');
      await page.getByTestId('scenario-pending').waitFor();
      await page.locator('[data-testid="changes-v2"] [data-change="purpose"]').waitFor();
      await version(1, 'approved').waitFor();
      await shot('revised');
    });

    it('denies a check for a person without a grant: no_grant', async () => {
      await page.getByTestId('menu-consent-received').click();
      await page.getByTestId('consent-check').waitFor();
      await page.getByTestId('check-source-manual').click();
      await page.getByTestId('check-subject').fill(NOBODY);
      await choose('check-version', `${title} · 第 1 版（已通过）`);
      await choose('check-fields', '姓名（name）');
      await page.keyboard.press('Escape');
      await page.getByTestId('check-run').click();
      const verdict = page.getByTestId('check-verdict');
      await verdict.waitFor();
      await expect(verdict.getAttribute('data-reason')).resolves.toBe('no_grant');
      await expect(verdict.getAttribute('data-allow')).resolves.toBe('false');
      await shot('check-denied');
      expect(portal.consoleErrors).toEqual([]);
    });
  },
);
