import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, logInOn, openPortal, secondSession, type PortalPage } from './harness.js';
import { listedProduct } from './market.fixtures.js';
import { startRegistryServer } from './registry.fixtures.js';

/**
 * 交易磋商 through two real browsers' worth of sessions: a buyer requests a deal on a listed product from its
 * page (the terms checked against the offer's policy in the browser, the server's refusal shown beside the
 * purpose), the seller counters with a new price in the room, the buyer sees the round's change highlighted
 * and accepts, the seller agrees; both see the negotiation agreed and the contract to sign next.
 */
describe.skipIf(!hasChromium && !process.env.CI)(
  'negotiation room in headless Chromium',
  { timeout: 120_000 },
  () => {
    let server: Awaited<ReturnType<typeof startRegistryServer>>;
    let buyer: PortalPage;
    let page: Page;
    let sellerPage: Page;
    const sellerErrors: string[] = [];
    const title = `港航景气指数${String(Date.now()).slice(-6)}`;
    let productId = '';
    let negotiationId = '';

    const stateOf = (p: Page) => p.getByTestId('negotiation-state').getAttribute('data-state');
    const sellerShot = (name: string) =>
      sellerPage.screenshot({ path: `test-results/trade-seller-${name}.png`, fullPage: true });

    beforeAll(async () => {
      server = await startRegistryServer();
      productId = await listedProduct(server, 'merchant', title);
      buyer = await openPortal(server.url, { prefix: 'trade' });
      page = buyer.page;
      // the seller in a second context of the same browser: its own storage, so its own session
      ({ page: sellerPage } = await secondSession(buyer, sellerErrors));
    }, 240_000);

    afterAll(async () => {
      await buyer?.close();
      await server?.close();
    });

    it('lets the buyer request a deal from the product page, the policy checked before sending', async () => {
      await buyer.login('buyer');
      await page.goto(`${server.url}/market/products/${productId}`);
      await page.getByTestId('deal-request').click();
      const modal = page.getByTestId('deal-terms');
      await modal.waitFor();
      // a purpose outside the policy: the browser says so at once, the server refuses it beside the field
      await page.locator('#terms_scope').fill('用于授信审批前的区域景气研判，不得对外提供');
      await page.locator('#terms_purpose').fill('精准营销');
      await page.keyboard.press('Escape');
      await modal.locator('[data-testid="terms-check"][data-allowed="false"]').waitFor();
      await buyer.shot('request-refused-in-browser');
      await page.getByTestId('deal-terms-ok').click();
      await modal.getByTestId('form-error').waitFor();
      await modal
        .locator('#terms_purpose_help .ant-form-item-explain-error', { hasText: '精准营销' })
        .waitFor();
      await buyer.shot('request-refused-by-server');

      await page.locator('#terms_purpose').fill('风控');
      await page.keyboard.press('Escape');
      await modal.locator('[data-testid="terms-check"][data-allowed="true"]').waitFor();
      await page.locator('#terms_message').fill('请报价');
      await page.getByTestId('deal-terms-ok').click();
      await page.waitForURL(/\/trade\/negotiations\/ngt_[0-9a-z]+$/);
      negotiationId = /negotiations\/(ngt_[0-9a-z]+)/.exec(page.url())![1]!;
      await expect.poll(() => stateOf(page)).toBe('requested');
      await page.locator('[data-testid="negotiation-turn"][data-mine="false"]').waitFor();
      await buyer.shot('requested');
    });

    it('lets the seller counter with a new price from 我的磋商', async () => {
      await logInOn(sellerPage, server.url, 'merchant');
      await sellerPage.goto(`${server.url}/trade/negotiations`);
      await sellerPage.locator('[data-testid="negotiations-table"] [data-turn="mine"]').first().waitFor();
      await sellerShot('list');
      await sellerPage.getByTestId(`ngt-row-${negotiationId}`).click();
      await sellerPage.getByTestId('auto-accept').waitFor();
      await sellerPage.getByTestId('ngt-counter').click();
      await sellerPage.getByTestId('counter-terms').waitFor();
      await expect(sellerPage.locator('#terms_purpose').inputValue()).resolves.toBe('风控');
      await sellerPage.locator('#terms_priceYuan').fill('800');
      await sellerPage.locator('#terms_message').fill('价格 800 元');
      await sellerPage.getByTestId('counter-terms-ok').click();
      await expect.poll(() => stateOf(sellerPage)).toBe('offered');
      await sellerShot('offered');
    });

    it('shows the buyer the new price highlighted against the old, and lets them accept', async () => {
      await page.reload();
      await expect.poll(() => stateOf(page)).toBe('offered');
      const price = page.locator(
        '[data-testid="timeline-terms-2"] [data-field="price"][data-changed="true"]',
      );
      await expect.poll(() => price.textContent()).toContain('¥800.00');
      await expect(price.getByTestId('diff-old').textContent()).resolves.toBe('¥500.00');
      await buyer.shot('offer-diff');
      await page.getByTestId('ngt-accept').click();
      await page.getByTestId('ngt-step-ok').click();
      await expect.poll(() => stateOf(page)).toBe('accepted');
    });

    it('lets the seller agree, and both see the negotiation agreed with the contract next', async () => {
      await sellerPage.reload();
      await expect.poll(() => stateOf(sellerPage)).toBe('accepted');
      await sellerPage.getByTestId('ngt-agree').click();
      await sellerPage.getByTestId('ngt-step-ok').click();
      await expect.poll(() => stateOf(sellerPage)).toBe('agreed');
      await sellerPage.getByTestId('contract-pending').waitFor();
      await sellerShot('agreed');

      await page.reload();
      await expect.poll(() => stateOf(page)).toBe('agreed');
      await expect(page.getByTestId('contract-pending').textContent()).resolves.toContain('待买方签署');
      await expect(page.getByTestId('negotiation-terms').textContent()).resolves.toContain('¥800.00');
      await buyer.shot('agreed');
      expect(buyer.consoleErrors).toEqual([]);
      expect(sellerErrors).toEqual([]);
    });
  },
);
