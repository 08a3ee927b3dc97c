import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogApi, customersCsv, idCard } from './catalog.fixtures.js';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, startTestServer } from './harness.js';

const SHOTS = 'test-results';
const PASSWORD = 'Shuliu2026!';
const VIEWPORT = { width: 1440, height: 900 };
const OPEN_SELECT = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/**
 * The catalog through a real browser: a data merchant catalogues a resource, uploads customer records,
 * sees the personal information detected and a grade suggested, configures masking with a live preview,
 * generates the masked derivative, publishes it and finds it in the catalog search.
 */
describe.skipIf(!hasChromium && !process.env.CI)('catalog in headless Chromium', { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let step = 0;
  const consoleErrors: string[] = [];
  const stamp = String(Date.now()).slice(-6);
  const title = `鲁信客户信息${stamp}`;
  const derivedTitle = `${title}（脱敏）`;
  let sourceUrl = '';
  const openIds = { free: '', onRequest: '' };

  /** A picture of the whole page, grown to its height first (as in portal.e2e.test.ts). */
  const shot = async (name: string) => {
    step += 1;
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(VIEWPORT.height, height) });
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${SHOTS}/catalog-${String(step).padStart(2, '0')}-${name}.png` });
    await page.setViewportSize(VIEWPORT);
  };

  /** Opens an antd Select and picks the option with this title. */
  const choose = async (testId: string, option: string) => {
    await page.getByTestId(testId).click();
    await page.locator(OPEN_SELECT).locator(`.ant-select-item-option[title="${option}"]`).click();
  };

  /** Logs a demo user in through the login page, after dropping any session the browser holds. */
  const login = async (username: string) => {
    await page.evaluate('localStorage.clear()');
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
  };

  const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    // a loaded CI machine runs several browsers and servers at once: waits get room, not assertions
    page.setDefaultTimeout(60_000);
    page.setDefaultTimeout(30_000);
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        consoleErrors.push(`${m.text()} @ ${page.url()} ${JSON.stringify(m.location())}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets an anonymous visitor browse open data, download it, and sends them to log in to apply', async () => {
    const api = catalogApi(server.url);
    const token = await api.login('authority', PASSWORD);
    openIds.free = await api.openResource(token, `济南公交站点客流${stamp}`, 'unconditional');
    openIds.onRequest = await api.openResource(token, `济南公交线路运营${stamp}`, 'conditional');
    await page.goto(`${server.url}/login`);
    await page.getByTestId('link-open-data').click();
    await page.waitForURL(/\/open$/);
    await expect(page.getByTestId('dcat-link').getAttribute('href')).resolves.toBe('/api/catalog/dcat');
    await page.getByTestId(`open-item-${openIds.free}`).waitFor();
    await page.getByTestId(`open-item-${openIds.onRequest}`).waitFor();
    await expect(page.getByTestId('public-login').isVisible()).resolves.toBe(true);
    await shot('open-data-anonymous');

    await page.getByTestId(`open-item-${openIds.free}`).getByRole('link').click();
    const download = page.waitForEvent('download');
    await page.locator('[data-testid^="download-fil_"]').first().click();
    expect((await download).suggestedFilename()).toBe('flow.csv');
    await shot('open-resource');

    await page.goto(`${server.url}/open/${openIds.onRequest}`);
    await page.getByTestId('apply-login').click();
    await page.waitForURL(/\/login\?redirect=%2Fopen%2F/);
  });

  it('lets a merchant catalogue a resource', async () => {
    await login('merchant');
    await page.getByTestId('menu-catalog-mine').click();
    await page.getByTestId('create-resource').click();
    await page.waitForURL(/\/catalog\/new$/);

    await page.getByTestId('resource-submit').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await shot('form-errors');

    await page.getByTestId('resource-title-input').fill(title);
    await page
      .getByTestId('resource-description-input')
      .fill(
        '齐鲁数据服务的个人客户登记信息，含姓名、联系方式、身份证号、所在城市和年龄，按月更新，用于客户服务与风控建模。',
      );
    await page.locator('#sectorCode').fill('商贸');
    await page.locator('.ant-select-tree-node-content-wrapper[title="商贸流通 (commerce)"]').click();
    await choose('resource-subject-input', '个人信息');
    await page.getByTestId('resource-method-input').fill('业务系统登记，客户书面授权');
    await page.getByTestId('resource-keywords-input').locator('input').fill('客户');
    await page.keyboard.press('Enter');
    await shot('form-filled');
    await page.getByTestId('resource-submit').click();
    await page.getByTestId('created-result').waitFor();
    await expect(page.getByTestId('resource-title').textContent()).resolves.toBe(title);
    sourceUrl = page.url().replace(/\?.*$/, '');
    await shot('created');
  });

  it('uploads customer records and shows the personal information detected and a suggested grade', async () => {
    await page.getByTestId('go-upload').click();
    await page.getByTestId('upload-button').waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(customersCsv(), 'utf8'),
    });
    await page.locator('[data-testid^="file-row-"][data-status="ready"]').waitFor({ timeout: 60_000 });
    const columns = page.getByTestId('profile-columns');
    for (const [column, kind, label] of [
      ['身份证号', 'idCard', '身份证号'],
      ['手机号码', 'mobile', '手机号'],
    ]) {
      const row = columns.locator(`tr[data-column="${column}"]`);
      await expect(row.getAttribute('data-pii')).resolves.toBe(kind);
      await expect(row.locator('[data-pii]').textContent()).resolves.toContain(label);
    }
    const grade = await page.getByTestId('profile-dataset-grade').getAttribute('data-grade');
    expect(grade).toMatch(/^(general_[1-4]|important|core)$/);
    await shot('profiled');

    await tab('字段与分级');
    await page.locator('[data-testid="schema-table"] [data-pii="idCard"]').first().waitFor();
    await shot('schema');
  });

  it('configures masking and sees the preview masked', async () => {
    await tab('脱敏');
    await page.getByTestId('mask-rules').locator('tr[data-column="身份证号"]').waitFor();
    await choose('rule-身份证号-keep', '保留位 6+4');
    await choose('strategy-年龄', '泛化');
    const after = page.getByTestId('preview-after');
    await expect
      .poll(() => after.locator('td[data-column="身份证号"]').first().textContent())
      .toMatch(/^370102\*{8}\d{3}[\dX]$/);
    await expect(after.locator('td[data-column="手机号码"]').first().textContent()).resolves.toMatch(
      /^13\d\*{4}\d{4}$/,
    );
    const before = page.getByTestId('preview-before').locator('td[data-column="身份证号"]');
    await expect(before.first().textContent()).resolves.toBe(idCard(0));
    await shot('masking-preview');
  });

  it('generates the masked derivative and publishes it', async () => {
    await page.getByTestId('derive-title').fill(derivedTitle);
    await page.getByTestId('derive-button').click();
    await page.getByTestId('derive-result').waitFor();
    await shot('derived');
    await page.getByTestId('view-derivative').click();
    await expect.poll(() => page.getByTestId('resource-title').textContent()).toBe(derivedTitle);

    await tab('文件与画像');
    await page.locator('[data-testid^="file-row-"][data-status="ready"]').waitFor({ timeout: 60_000 });
    const masked = page
      .getByTestId('profile-sample')
      .locator('td')
      .filter({ hasText: /^370102\*{8}/ });
    await expect(masked.count()).resolves.toBeGreaterThan(0);
    await tab('血缘');
    await page.locator('[data-testid^="lineage-res_"]').nth(1).waitFor();
    await shot('derivative-lineage');

    await page.getByTestId('publish-resource').click();
    await page.getByTestId('publish-confirm').click();
    await page.getByTestId('publish-result').waitFor();
    await shot('published');
  });

  it('finds the published derivative in the catalog search', async () => {
    await page.getByTestId('view-in-catalog').click();
    await page.waitForURL(/\/catalog\?q=/);
    const row = page
      .locator('[data-testid^="resource-row-"][data-status="published"]')
      .filter({ hasText: derivedTitle });
    await row.waitFor();
    await expect(page.getByTestId('facet-grade').textContent()).resolves.toMatch(/一般数据/);
    await shot('search');
    await row.getByRole('link', { name: derivedTitle }).click();
    await tab('版本');
    await page.getByTestId('versions-timeline').waitFor();
  });

  it('lets the merchant apply to use conditionally open data', async () => {
    await page.goto(`${server.url}/open/${openIds.onRequest}`);
    await page.getByTestId('apply-open').click();
    await page
      .getByTestId('apply-purpose')
      .fill('开发公交出行信息服务小程序，用于向市民展示线路运营情况，期限一年。');
    await page.getByTestId('apply-confirm').click();
    await page.getByTestId('apply-result').waitFor();
    await shot('open-applied');
    await page.getByTestId('apply-result').getByRole('button', { name: '查看我的申请' }).click();
    await page.locator('[data-testid^="open-request-"][data-status="pending"]').first().waitFor();
  });

  it('lets the owner raise a grade with a reason, never below the computed one', async () => {
    await page.goto(`${sourceUrl}?tab=schema`);
    await page.getByTestId('raise-grade').click();
    await page.getByTestId('grade-dataset').click();
    const offered = await page
      .locator(OPEN_SELECT)
      .locator('.ant-select-item-option')
      .evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    // customers with ID card numbers compute to 一般数据(4级): nothing below it is offered
    expect(offered).toEqual(['核心数据', '重要数据', '一般数据(4级)']);
    await page.keyboard.press('Escape');
    const city = page.locator('.ant-modal tr[data-row-key="城市"]');
    await city.locator('.ant-select').click();
    await page.locator(OPEN_SELECT).locator('.ant-select-item-option[title="一般数据(2级)"]').click();
    await page.getByTestId('grade-reason').fill('城市与年龄组合可能识别到个人，按内部规定提高一级');
    await shot('raise-grade');
    await page.getByTestId('grade-confirm').click();
    await page.locator('[data-testid="schema-table"] tr[data-row-key="城市"]').getByText('已调高').waitFor();
    await shot('raised');
  });

  it('shows a department its sharing requests, the return-flow board and the survey', async () => {
    await login('authority');
    await page.getByTestId('menu-open-requests').click();
    const pending = page
      .locator('[data-testid^="open-request-"][data-status="pending"]')
      .filter({ hasText: `济南公交线路运营${stamp}` });
    await pending.waitFor();
    await pending.getByRole('button', { name: '同意' }).click();
    await page.getByTestId('decide-confirm').click();
    await page
      .locator('[data-testid^="open-request-"][data-status="approved"]')
      .filter({ hasText: `济南公交线路运营${stamp}` })
      .waitFor();
    await shot('open-requests-approved');

    await page.getByTestId('menu-sharing-requests').click();
    await page.getByRole('tab', { name: '本部门的申请' }).click();
    await page.locator('[data-testid^="sharing-row-"][data-overdue="true"].row-overdue').first().waitFor();
    await shot('sharing-outgoing');
    await page.getByRole('tab', { name: '收到的申请' }).click();
    await page.locator('[data-testid^="sharing-row-"]').first().waitFor();
    await shot('sharing-incoming');

    await page.getByTestId('menu-return-flows').click();
    await page.getByTestId('return-board').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('chart-return-rates').locator('canvas').waitFor();
    await shot('return-flow-board');

    await page.getByTestId('menu-survey').click();
    await page.getByTestId('chart-bySector').locator('canvas').waitFor();
    await page.getByTestId('chart-byGrade').locator('canvas').waitFor();
    await page.getByTestId('sharing-stats').locator('tbody tr.ant-table-row').first().waitFor();
    await shot('survey');
  });

  it('lets the operator keep the sector tree', async () => {
    await login('operator');
    await page.getByTestId('menu-sectors').click();
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('create-sector').click();
    // sector codes are lower-case words: the stamp's digits become letters
    await page.locator('#code').fill(`test_${stamp.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`);
    await page.locator('#name').fill('端到端测试分类');
    await shot('sector-create');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByText('分类已新增').waitFor();
    await page.locator('tr.ant-table-row').filter({ hasText: '端到端测试分类' }).waitFor();
    await shot('sectors');
  });

  it('shows a member who manages no users a dashboard without the user counts', async () => {
    await login('bureau-authority');
    await page.getByTestId('menu-dashboard').click();
    await page.getByTestId('stat-unread').locator('.ant-statistic-content').waitFor();
    expect(await page.getByTestId('stat-users').count()).toBe(0);
    expect(await page.getByTestId('stat-locked').count()).toBe(0);
    await expect.poll(() => page.locator('.ant-skeleton').count()).toBe(0);
    await login('authority');
    await page.getByTestId('menu-dashboard').click();
    await expect
      .poll(() => page.getByTestId('stat-users').locator('.ant-statistic-content-value').textContent())
      .toMatch(/^\d+$/);
  });

  it('logged no errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
