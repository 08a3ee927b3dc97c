import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, startTestServer } from './harness.js';

const SHOTS = 'test-results';
const PASSWORD = 'Shuliu2026!';

/** The portal through a real browser: an operator reviews an org application and finds it in the audit log. */
describe.skipIf(!hasChromium && !process.env.CI)('portal in headless Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let step = 0;
  const consoleErrors: string[] = [];

  const shot = async (name: string) => {
    step += 1;
    // Let drawers, modals and toasts finish their animations so the picture shows the settled page.
    await page.waitForTimeout(600);
    await page.screenshot({
      path: `${SHOTS}/portal-${String(step).padStart(2, '0')}-${name}.png`,
      fullPage: true,
    });
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    page.setDefaultTimeout(15_000);
    page.on('console', (m) => {
      // Chromium logs every non-2xx response; the wrong-password step causes one on purpose.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a logged-out visitor to the login page and shows a wrong password', async () => {
    await page.goto(`${server.url}/review/applications`);
    await page.waitForURL(/\/login\?redirect=%2Freview%2Fapplications/);
    await page.getByTestId('login-username').fill('operator');
    await page.getByTestId('login-password').fill('not-the-password-1');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain(
      'IDENTITY_INVALID_CREDENTIALS',
    );
    await shot('login-error');
  });

  it('logs the operator in and returns to the page asked for', async () => {
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/review\/applications$/);
    await expect(page.getByTestId('header-org').textContent()).resolves.toContain('山东省大数据局');
  });

  it('shows the dashboard with its statistics and chart', async () => {
    await page.getByTestId('menu-dashboard').click();
    await page.waitForURL(`${server.url}/`);
    await page.getByTestId('chart-orgs-by-type').locator('canvas').waitFor();
    await page.getByTestId('recent-audit').locator('tbody tr.ant-table-row').first().waitFor();
    await shot('dashboard');
  });

  it('approves a pending application and finds the approval in the audit log', async () => {
    await page.getByTestId('menu-review').click();
    const row = page.locator('[data-testid^="application-row-"][data-status="pending"]').first();
    await row.waitFor();
    const appId = (await row.getAttribute('data-testid'))!.replace('application-row-', '');
    const orgName = (await row.locator('td').first().textContent())!.trim();
    await shot('review-list');

    await page.getByTestId(`open-application-${appId}`).click();
    await page.waitForURL(new RegExp(`/review/applications/${appId}`));
    await page.getByTestId('history-timeline').waitFor();
    await shot('application-detail');

    await page.getByTestId('approve-button').click();
    await page.getByTestId('decision-reason').fill('材料齐全，同意入驻。');
    await shot('approve-confirm');
    await page.getByTestId('confirm-button').click();
    await page.getByTestId('approve-button').waitFor({ state: 'detached' });
    await page.locator('[data-testid="application-drawer"] [data-status="approved"]').first().waitFor();
    await shot('approved');
    await page.locator('[data-testid="application-drawer"] .ant-drawer-close').click();
    await page.waitForURL(/\/review\/applications$/);

    await page.getByTestId('menu-audit').click();
    await page.waitForURL(/\/audit/);
    await page.getByTestId('audit-filter-action').fill('identity.application.approve');
    await page.getByTestId('filter-search').click();
    const event = page.locator(
      `[data-testid="audit-table"] tr[data-action="identity.application.approve"][data-object="${appId}"]`,
    );
    await event.waitFor();
    await event.locator('.ant-table-row-expand-icon').click();
    const detail = page.locator('[data-testid^="audit-detail-"]').first();
    await expect(detail.textContent()).resolves.toContain(orgName);

    await page.getByTestId('verify-chain').click();
    await expect(page.getByTestId('verify-result').getAttribute('data-ok')).resolves.toBe('true');
    await shot('audit-log');
  });

  it('logged no errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
