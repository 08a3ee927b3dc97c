import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openPortal, type PortalPage, startTestServer } from './harness.js';

const OPEN_SELECT = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
const RESOURCE = '企业网络舆情监测数据';
const GRANTEE = '鲁信普惠金融科技有限公司';
const OPERATOR = '泉城数智信息服务有限公司';

/**
 * 企业授权 and 公共数据授权运营 through a real browser. A merchant's org admin authorizes the buyer org to
 * use one of its resources; the buyer sees the same terms under 获得的, the regulator under 全部; the merchant
 * revokes it with a reason and the buyer sees it revoked. The Jinan authority grants a sectoral authorized
 * operation, suspends and reinstates it and records an annual evaluation; an anonymous visitor finds the
 * operator on the public list, and no longer after the authority revokes it.
 */
describe.skipIf(!hasChromium && !process.env.CI)(
  'enterprise authorization and authorized operation in headless Chromium',
  { timeout: 120_000 },
  () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    let portal: PortalPage;
    let page: Page;
    const purpose = `普惠授信风控模型训练${String(Date.now()).slice(-6)}`;
    let grantId = '';
    let opId = '';

    const shot = (name: string) => portal.shot(name);

    const login = (username: string) => portal.login(username);

    /** Opens a Select by its test id, types to search, and picks the option with this exact label. */
    const pick = async (testId: string, search: string, label: string) => {
      await page.getByTestId(testId).click();
      await page.keyboard.type(search);
      await page.locator(OPEN_SELECT).locator(`.ant-select-item-option[title="${label}"]`).click();
    };

    const text = (testId: string) => page.getByTestId(testId).textContent();

    beforeAll(async () => {
      server = await startTestServer();
      portal = await openPortal(server.url, { prefix: 'consent-orgs' });
      page = portal.page;
    });

    afterAll(async () => {
      await portal?.close();
      await server?.close();
    });

    it('lets the merchant’s org admin authorize the buyer org to use one of its resources', async () => {
      await login('merchant');
      await page.getByTestId('menu-org-grants').click();
      await page.waitForURL(/\/consent\/org-grants/);
      await page.getByTestId('org-grant-new').click();
      await pick('org-grant-grantee', '鲁信', GRANTEE);
      // the borrower list carries ID-card numbers (一般数据 4 级): above the default 3 级, so it cannot be chosen
      await page.getByTestId('org-grant-resources').click();
      await page.keyboard.type('普惠');
      await page
        .locator(OPEN_SELECT)
        .locator('.ant-select-item-option-disabled[title="普惠金融客户名单"]')
        .waitFor();
      await shot('org-grant-resource-grades');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.keyboard.type('舆情');
      await page.locator(OPEN_SELECT).locator(`.ant-select-item-option[title="${RESOURCE}"]`).click();
      await page.getByTestId('org-grant-purpose').fill(purpose);
      await shot('org-grant-form');
      await page.getByTestId('org-grant-form-ok').click();
      await page.getByTestId('org-grant-created-view').click();
      await page.waitForURL(/\/consent\/org-grants\/eag_/);
      grantId = new URL(page.url()).pathname.split('/').pop()!;
      await page.locator('[data-testid="org-grant-status"][data-status="active"]').waitFor();
      expect(await text('org-grant-terms')).toContain(RESOURCE);
      await page.getByTestId(`org-grant-row-${grantId}`).waitFor();
      await shot('org-grant-granted');
    });

    it('shows the buyer the same terms under 获得的, and the regulator under 全部', async () => {
      await login('buyer');
      await page.goto(`${server.url}/consent/org-grants`);
      await page.getByTestId('org-grants-tab-received').click();
      await page.getByTestId(`org-grant-view-${grantId}`).click();
      await page.getByTestId('org-grant-fair').waitFor();
      const terms = await text('org-grant-terms');
      expect(terms).toContain(purpose);
      expect(terms).toContain('齐鲁数据科技有限公司');
      expect(terms).toContain(RESOURCE);
      expect(await page.getByTestId('org-grant-revoke').count()).toBe(0);
      await shot('org-grant-received');

      await login('regulator');
      await page.goto(`${server.url}/consent/org-grants`);
      await page.getByTestId('org-grants-tab-all').waitFor();
      await page.getByTestId(`org-grant-row-${grantId}`).waitFor();
    });

    it('lets the merchant revoke it with a reason, and the buyer sees it revoked', async () => {
      await login('merchant');
      await page.goto(`${server.url}/consent/org-grants/${grantId}`);
      await page.getByTestId('org-grant-revoke').click();
      await page.getByTestId('org-grant-revoke-modal-ok').click();
      await page.locator('.ant-form-item-explain-error').first().waitFor();
      await page.getByTestId('org-grant-revoke-modal-reason').fill('合作项目已结束');
      await page.getByTestId('org-grant-revoke-modal-ok').click();
      await page.locator('[data-testid="org-grant-status"][data-status="revoked"]').waitFor();

      await login('buyer');
      await page.goto(`${server.url}/consent/org-grants/${grantId}?box=received`);
      await page.locator('[data-testid="org-grant-status"][data-status="revoked"]').waitFor();
      expect(await text('org-grant-revoke-reason-shown')).toBe('合作项目已结束');
      await page.locator(`[data-testid="org-grant-row-${grantId}"][data-status="revoked"]`).waitFor();
      await shot('org-grant-revoked');

      // the list filters by status, in the address too, and keeps the tab
      await page.goto(`${server.url}/consent/org-grants?box=received&status=active`);
      await page.getByTestId('org-grants-status').getByText('生效中').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.locator(`[data-testid="org-grant-row-${grantId}"]`).count()).toBe(0);
      await page.goto(`${server.url}/consent/org-grants?box=received&status=revoked`);
      await page.locator(`[data-testid="org-grant-row-${grantId}"][data-status="revoked"]`).waitFor();
    });

    it('lets the authority grant a sectoral authorized operation, suspend, reinstate and evaluate it', async () => {
      await login('authority');
      await page.getByTestId('menu-operation-grants').click();
      await page.waitForURL(/\/consent\/operation-grants/);
      await page.getByTestId('op-grant-new').click();
      await pick('op-grant-operator', '泉城', OPERATOR);
      await page.getByTestId('op-grant-scope-sectoral').click();
      await page.getByTestId('op-grant-form-ok').click();
      await page.getByText('分领域授权至少选择一个领域').waitFor();
      await page.getByTestId('op-grant-sectors').click();
      await page.keyboard.type('交通');
      await page.locator(OPEN_SELECT).locator('[title="交通运输 (transport)"]').click();
      await page
        .locator('input[data-testid="op-grant-price"], [data-testid="op-grant-price"] input')
        .first()
        .fill('1234.5');
      await page.getByTestId('op-grant-price-note').fill('按次计价，每次调用域内计算服务');
      await shot('op-grant-form');
      await page.getByTestId('op-grant-form-ok').click();
      await page.getByTestId('op-grant-created-view').click();
      await page.waitForURL(/\/consent\/operation-grants\/aog_/);
      opId = new URL(page.url()).pathname.split('/').pop()!;
      const conditions = await text('op-grant-conditions');
      expect(conditions).toContain('原始数据不出域');
      expect(conditions).toContain('¥1,234.50');
      await expect(page.getByTestId('op-grant-drawer').textContent()).resolves.toContain('交通运输');
      // the Jinan bureau's published bus stops (道路运输, below 交通运输) are covered, its power usage is not
      await page.getByTestId('op-grant-resources').getByText('济南市公交线路站点').waitFor();
      expect(await text('op-grant-resources')).not.toContain('济南市分行业企业用电量');

      await page.getByTestId('op-grant-suspend').click();
      await page.getByTestId('op-suspend-modal-reason').fill('年度数据安全检查期间暂停');
      await page.getByTestId('op-suspend-modal-ok').click();
      await page.locator('[data-testid="op-grant-status"][data-status="suspended"]').waitFor();
      expect(await text('op-grant-status-reason')).toBe('年度数据安全检查期间暂停');
      await page.getByTestId('op-grant-reinstate').click();
      await page.getByTestId('op-reinstate-modal-ok').click();
      await page.locator('[data-testid="op-grant-status"][data-status="active"]').waitFor();

      await page.getByTestId('op-grant-evaluate').click();
      await page
        .locator('input[data-testid="op-evaluate-score"], [data-testid="op-evaluate-score"] input')
        .first()
        .fill('88');
      await page.getByTestId('op-evaluate-conclusion').fill('运营合规，数据产品服务效果良好。');
      await page.getByTestId('op-evaluate-modal-ok').click();
      await page.getByTestId('op-grant-evaluations').waitFor();
      expect(await text('op-grant-evaluations')).toContain('88');
      await shot('op-grant-detail');
    });

    it('lists the operator publicly for an anonymous visitor, and no longer once revoked', async () => {
      await page.goto(`${server.url}/login`);
      await page.evaluate('localStorage.clear()');
      await page.goto(`${server.url}/login`);
      await page.getByTestId('link-operators').click();
      await page.waitForURL(/\/operators$/);
      await page.getByTestId('public-nav-operators').waitFor();
      await page.getByTestId('operators-table').getByText(OPERATOR).waitFor();
      expect(await text('operators-table')).toContain('交通运输');
      await shot('operators-public');

      await login('authority');
      await page.goto(`${server.url}/consent/operation-grants/${opId}`);
      await page.getByTestId('op-grant-revoke').click();
      await page.getByTestId('op-revoke-modal-reason').fill('运营机构违反原始数据不出域要求');
      await page.getByTestId('op-revoke-modal-ok').click();
      await page.locator('.ant-form-item-explain-error').first().waitFor();
      await page.getByTestId('op-revoke-modal-ack').click();
      await page.getByTestId('op-revoke-modal-ok').click();
      await page.locator('[data-testid="op-grant-status"][data-status="revoked"]').waitFor();
      expect(await page.getByTestId('op-grant-reinstate').count()).toBe(0);

      await page.evaluate('localStorage.clear()');
      await page.goto(`${server.url}/operators`);
      await page.getByTestId('operators-empty').waitFor();
      expect(await text('operators-table')).not.toContain(OPERATOR);
      expect(portal.consoleErrors).toEqual([]);
    });

    it('fits a phone for a member of an org: the header keeps its icons and drops their words', async () => {
      await login('merchant');
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        await page.goto(`${server.url}/consent/org-grants`);
        await page.getByTestId('org-grants-tab-granted').waitFor();
        await page.getByTestId('header-org').waitFor();
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
        await shot('org-grants-phone');
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    });
  },
);
