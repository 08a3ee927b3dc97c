import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgCodeCheckChar, usccCheckChar } from '@shuliu/contracts';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, startTestServer } from './harness.js';

const SHOTS = 'test-results';
const PASSWORD = 'Shuliu2026!';
const VIEWPORT = { width: 1440, height: 900 };
const OPEN_DROPDOWN =
  '.ant-dropdown:not(.ant-dropdown-hidden):not([class*="-enter"]):not([class*="-appear"]):not([class*="-leave"])';

const DECLARATIONS = ['truthful', 'lawfulOperation', 'dataSecurity', 'acceptRules'];

/** A unified social credit code with correct check characters, unique per run. */
function validUscc(stamp: string): string {
  const body8 = `MA${stamp.slice(-6)}`;
  const first17 = `913701${'00'}${body8}${orgCodeCheckChar(body8)}`;
  return first17 + usccCheckChar(first17);
}

/** The portal through a real browser: an operator reviews an org application and finds it in the audit log. */
describe.skipIf(!hasChromium && !process.env.CI)('portal in headless Chromium', { timeout: 90_000 }, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let step = 0;
  const consoleErrors: string[] = [];

  /**
   * A picture of the whole page. The viewport is grown to the page's height first (rather than using
   * Playwright's fullPage capture, whose temporary resize can catch the side menu mid-animation).
   */
  const shot = async (name: string) => {
    step += 1;
    // A string expression: the root tsconfig has no DOM types.
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(VIEWPORT.height, height) });
    // Let drawers, modals and toasts finish their animations so the picture shows the settled page.
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${SHOTS}/portal-${String(step).padStart(2, '0')}-${name}.png` });
    await page.setViewportSize(VIEWPORT);
  };

  const login = async (username: string) => {
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
  };

  /** Picks an item of a hover dropdown once it has finished opening (a click mid-animation can miss). */
  const pick = async (trigger: string, item: string) => {
    await page.mouse.move(0, 0);
    await page.getByTestId(trigger).hover();
    await page.locator(OPEN_DROPDOWN).getByRole('menuitem', { name: item }).click();
    await page.mouse.move(0, 0);
  };

  const logout = async () => {
    await pick('user-menu', '退出登录');
    await page.waitForURL(/\/login/).catch((e: Error) => {
      throw new Error(`${e.message} (at ${page.url()})`);
    });
    expect(page.url()).toMatch(/\/login$/);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({
      viewport: VIEWPORT,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    // a loaded CI machine runs several browsers and servers at once: waits get room, not assertions
    page.setDefaultTimeout(60_000);
    // Generous: CI machines have two cores and run the browser next to the server.
    page.setDefaultTimeout(30_000);
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
  }, 120_000);

  it('lists notifications and marks them all read', async () => {
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-item').first().waitFor();
    await shot('notifications');
    await page.getByTestId('mark-all-read').click();
    await expect
      .poll(() => page.getByTestId('notification-bell').locator('.ant-badge-count').count())
      .toBe(0);
    await page.keyboard.press('Escape');
  });

  it('shows organizations, users and the account pages', async () => {
    await page.getByTestId('menu-orgs').click();
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    await page.locator('tbody tr.ant-table-row').first().getByRole('button', { name: '查看' }).click();
    await page.locator('[data-testid="org-drawer"] .ant-descriptions').waitFor();
    await shot('org-detail');
    await page.locator('[data-testid="org-drawer"] .ant-drawer-close').click();

    await page.getByTestId('menu-users').click();
    await page.waitForURL(/\/users/);
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    await shot('users');
    await page.getByTestId('create-user').click();
    await page.getByTestId('user-username').waitFor();
    await shot('create-user');
    await page.keyboard.press('Escape');

    await page.goto(`${server.url}/account?tab=tokens`);
    await page.getByTestId('create-token').waitFor();
    await shot('account-tokens');

    await page.goto(`${server.url}/no-such-page`);
    await page.getByTestId('page-404').waitFor();
  }, 120_000);

  it('switches the portal to English and back', async () => {
    await page.getByTestId('menu-dashboard').click();
    await pick('lang-switch', 'English');
    await expect.poll(() => page.getByTestId('menu-dashboard').textContent()).toBe('Dashboard');
    await page.getByTestId('chart-orgs-by-type').locator('canvas').waitFor();
    await shot('dashboard-en');
    await pick('lang-switch', '简体中文');
    await expect.poll(() => page.getByTestId('menu-dashboard').textContent()).toBe('工作台');
  });

  it('lets an organization apply, be rejected, and resubmit', async () => {
    const stamp = String(Date.now()).slice(-7);
    const orgName = `济南测试数据科技有限公司${stamp}`;
    const admin = `e2e${stamp}`;
    await logout();
    await page.getByTestId('link-apply').click();
    await page.getByTestId('apply-org-name').fill(orgName);
    const uscc = validUscc(stamp);
    await page.getByTestId('apply-org-uscc').fill(uscc.slice(0, 17) + (uscc.endsWith('0') ? '1' : '0'));
    await page.locator('#org_types').click();
    await page.locator('.ant-select-item-option[title="数据商"]').click();
    await page.keyboard.press('Escape');
    await page.locator('#org_contactName').fill('李测试');
    await page.locator('#org_contactPhone').fill('13800000000');
    await page.getByTestId('apply-next').click();
    await page.getByText('统一社会信用代码第 18 位校验码错误').waitFor();
    await shot('apply-uscc-error');
    await page.getByTestId('apply-org-uscc').fill(uscc);
    await page.getByTestId('apply-next').click();
    await page.getByTestId('apply-admin-username').fill(admin);
    await page.getByTestId('apply-admin-name').fill('李测试');
    await page.getByTestId('apply-admin-password').fill(PASSWORD);
    await page.getByTestId('apply-admin-confirm').fill(PASSWORD);
    await page.getByTestId('apply-next').click();
    for (const d of DECLARATIONS) await page.getByTestId(`declaration-${d}`).check();
    await shot('apply-declarations');
    await page.getByTestId('apply-submit').click();
    await page.getByTestId('apply-result').waitFor();
    await shot('apply-submitted');

    await page.getByTestId('apply-result').getByRole('button').click();
    await expect(page.getByTestId('login-username').inputValue()).resolves.toBe(admin);
    await login(admin);
    await page.waitForURL(/\/my-application$/);
    await page.getByTestId('application-steps').waitFor();
    await shot('my-application-pending');

    await logout();
    await login('operator');
    await page.goto(`${server.url}/review/applications?q=${encodeURIComponent(orgName)}`);
    await page.locator('[data-testid^="open-application-"]').first().click();
    await page.getByTestId('reject-button').click();
    await page
      .getByTestId('decision-reason')
      .fill('营业执照信息与统一社会信用代码不一致，请核对后重新提交。');
    await page.getByTestId('confirm-button').click();
    await page.getByTestId('reject-button').waitFor({ state: 'detached' });
    await page.locator('[data-testid="application-drawer"] .ant-drawer-close').click();

    await logout();
    await login(admin);
    await page.getByTestId('resubmit-button').waitFor();
    await shot('my-application-rejected');
    await page.getByTestId('resubmit-button').click();
    // the dialog opens with an animation: on a busy machine a click during it may not land on the box
    const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('declaration-truthful') });
    await dialog.waitFor();
    await expect.poll(() => dialog.evaluate((e) => e.getAnimations({ subtree: true }).length)).toBe(0);
    for (const d of DECLARATIONS) await page.getByTestId(`declaration-${d}`).check();
    await page.getByTestId('confirm-button').click();
    await page.getByTestId('resubmit-button').waitFor({ state: 'detached' });
    await page.locator('[data-testid="history-timeline"] .ant-timeline-item').nth(2).waitFor();
    await shot('my-application-resubmitted');
  }, 180_000);

  it('logged no errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
