import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, hasChromium, openPortal, type PortalPage } from './harness.js';
import { listableResource } from './market.fixtures.js';
import { startRegistryServer } from './registry.fixtures.js';

const OPEN_SELECT = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/**
 * 挂牌 through a real browser: a merchant lists a product from the wizard (resources, delivery, the usage policy
 * built in plain words, a price in yuan, the declarations signed with the org's SM2 key, the listing checks), the
 * operator approves it with the checklist, and an anonymous visitor finds it in the marketplace, reads the policy
 * in plain words, checks a use against it and sees its certificate verified in the browser.
 */
describe.skipIf(!hasChromium && !process.env.CI)(
  'market listing in headless Chromium',
  { timeout: 240_000 },
  () => {
    let server: Awaited<ReturnType<typeof startRegistryServer>>;
    let portal: PortalPage;
    let page: Page;
    const title = `齐鲁商户景气指数${String(Date.now()).slice(-6)}`;
    const resourceTitle = `齐鲁商户经营统计${String(Date.now()).slice(-6)}`;
    let certNo = '';
    let productId = '';

    const choose = async (testId: string, option: string) => {
      await page.getByTestId(testId).click();
      await page.locator(OPEN_SELECT).locator(`.ant-select-item-option[title="${option}"]`).click();
      await page.keyboard.press('Escape');
    };
    const next = () => page.getByTestId('wizard-next').click();

    beforeAll(async () => {
      server = await startRegistryServer();
      ({ certNo } = await listableResource(server, 'merchant', resourceTitle));
      portal = await openPortal(server.url, { prefix: 'market' });
      page = portal.page;
    }, 240_000);

    afterAll(async () => {
      await portal?.close();
      await server?.close();
    });

    it('lets a merchant list a product through the wizard', async () => {
      await portal.login('merchant');
      await page.goto(`${server.url}/market/my/products`);
      await page.getByTestId('my-product-new').click();
      await page.waitForURL(/\/market\/my\/products\/new$/);

      await page.getByTestId('wizard-resources').click();
      await page.keyboard.type(resourceTitle.slice(0, 4));
      await page.locator(OPEN_SELECT).locator(`.ant-select-item-option[title="${resourceTitle}"]`).click();
      await page.keyboard.press('Escape');
      await page.locator('#title').fill(title);
      await page.locator('#summary').fill('按月更新的济南市商户经营景气指数');
      await page
        .locator('#description')
        .fill('基于商户经营统计加工形成的景气指数，按行业与区县汇总，不含个人信息。');
      await page.locator('#sector').fill('商贸');
      await page.locator('.ant-select-tree-node-content-wrapper[title="商贸流通 (commerce)"]').click();
      await page.locator('#region').fill('370100');
      await page.keyboard.press('Escape');
      await choose('wizard-boards', '金融');
      await page.getByTestId('scenario-0-title').fill('普惠金融授信');
      await page.getByTestId('scenario-0-description').fill('小微企业授信前的区域景气研判');
      await portal.shot('wizard-basics');
      await next();

      await page.getByTestId('delivery-report').click();
      await next();

      await choose('perm-0-purposes', '科研');
      // a region that is no GB/T 2260 code is named beside the field
      await page.getByTestId('perm-0-regions').click();
      await page.keyboard.type('999999');
      await page.keyboard.press('Enter');
      await page.getByText('999999：').waitFor();
      // take the bad code out by its tag's close mark (the message below may have taken the focus)
      await page.keyboard.press('Escape');
      await page
        .getByTestId('perm-0-regions')
        .getByText('999999', { exact: true })
        .locator('xpath=..')
        .locator('[aria-label="close"]')
        .click();
      await page.getByText('999999：').waitFor({ state: 'detached' });
      await page.getByTestId('perm-0-regions').click();
      await page.keyboard.type('370100');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.locator('#policy_permissions_0_deleteAfterDays').fill('30');
      await expect.poll(() => page.getByTestId('policy-preview').textContent()).toContain('科研');
      await expect.poll(() => page.getByTestId('policy-preview').textContent()).toContain('济南市');
      await portal.shot('wizard-policy');
      await next();

      await choose('price-kind', '一口价');
      await page.locator('#price_amountYuan').fill('500');
      await next();

      // the declarations are required before the draft is saved (the step shows only once the price is valid)
      await page.getByTestId('commit-sourceLawful').waitFor();
      await next();
      await page.locator('.ant-form-item-explain-error').first().waitFor();
      for (const c of [
        'sourceLawful',
        'authorizationHeld',
        'personalInfoProtected',
        'noDispute',
        'notOnNegativeList',
      ])
        await page.getByTestId(`commit-${c}`).check();
      await page.getByTestId('wizard-statement').fill('本单位承诺数据来源合法、授权完备、权属无争议。');
      await portal.shot('wizard-declarations');
      await next();

      await page.waitForURL(/\/market\/my\/products\/prd_[^/]+\/edit\?step=5/);
      productId = /products\/(prd_[^/]+)\/edit/.exec(page.url())![1]!;
      // 声明承诺制: the declaration is signed with the org's SM2 key before the checks pass
      await page.locator('[data-testid="check-declarations"][data-passed="false"]').waitFor();
      await portal.shot('wizard-unsigned');
      await page.getByTestId('declaration-sign').click();
      await page.getByTestId('sign-password').fill('not-my-password');
      await page.getByTestId('sign-modal-ok').click();
      await page
        .getByTestId('sign-modal')
        .locator('.ant-form-item-explain-error, [data-testid="form-error"]')
        .first()
        .waitFor();
      await page.getByTestId('sign-password').fill(DEMO_PASSWORD);
      await page.getByTestId('sign-modal-ok').click();
      await expect.poll(() => page.getByTestId('signature-key').textContent()).toMatch(/osk_/);
      await page.locator('[data-testid="listing-check"][data-passed="true"]').waitFor();
      await portal.shot('wizard-checks');
      await page.getByTestId('wizard-submit').click();
      await page.getByTestId('wizard-submitted').waitFor();
      await portal.shot('wizard-submitted');

      await page.goto(`${server.url}/market/my/products`);
      await page.getByTestId(`my-product-${productId}`).waitFor();
      await page.locator('[data-testid="my-products-table"] [data-status="in_review"]').waitFor();
    });

    it('lets the operator approve it with the checklist', async () => {
      await portal.login('operator');
      await page.goto(`${server.url}/market/review`);
      await page.getByTestId(`review-product-${productId}`).click();
      await page.getByTestId('review-item-certificate').waitFor();
      await expect(page.getByTestId('review-form').locator('.ant-switch-checked').count()).resolves.toBe(8);
      await portal.shot('review');
      await page.getByTestId('review-submit').click();
      await page.locator('[data-status="published"]').first().waitFor();
      await page.getByTestId('review-history').getByText('已批准挂牌').waitFor();
      await portal.shot('reviewed');
    });

    it('shows it to an anonymous visitor with the policy in plain words and a verified certificate', async () => {
      await page.evaluate('localStorage.clear()');
      await page.goto(`${server.url}/market`);
      await page.getByTestId('public-nav-market').waitFor();
      const card = page.getByTestId(`market-product-${productId}`);
      await card.waitFor();
      await expect(card.getByTestId('market-product-price').textContent()).resolves.toBe('¥500.00');
      await page.locator('[data-testid="facet-board"] [data-value="finance"]').waitFor();
      await portal.shot('marketplace');

      await card.getByTestId('market-product-link').click();
      await page.waitForURL(new RegExp(`/market/products/${productId}$`));
      const words = await page.getByTestId('policy-words').textContent();
      expect(words).toContain('允许：使用');
      expect(words).toContain('科研');
      expect(words).toContain('向第三方转让');
      await page.locator(`[data-testid="cert-badge-${certNo}"][data-state="verified"]`).waitFor();
      await page.getByTestId('product-ratings').getByText('待评估').first().waitFor();

      await page.locator('#purpose').fill('marketing');
      await page.keyboard.press('Escape');
      await page.getByTestId('check-run').click();
      await page.locator('[data-testid="check-result"][data-allowed="false"]').waitFor();
      await expect(page.getByTestId('check-reason').textContent()).resolves.toContain('用途');
      await portal.shot('product-page');
      expect(portal.consoleErrors).toEqual([]);
    });
  },
);
