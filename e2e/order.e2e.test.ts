import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketClient } from '../apps/server/src/routes/market.fixtures.js';
import { fileProduct } from '../apps/server/src/routes/trade-delivery.fixtures.js';
import { custodied, dealTerms } from '../apps/server/src/routes/trade.fixtures.js';
import { hasChromium, logInOn, openPortal, secondSession, type PortalPage } from './harness.js';
import { startRegistryServer } from './registry.fixtures.js';

/**
 * 订单 in the browser, after a negotiation with one counter-offer and the contract signed by both: the buyer
 * places the order from the negotiation room and pays into escrow with a reference, the seller delivers in a
 * second session, the buyer downloads the fingerprinted copy of the de-identified file and accepts it.
 */
describe.skipIf(!hasChromium && !process.env.CI)(
  'an order in headless Chromium',
  { timeout: 120_000 },
  () => {
    let server: Awaited<ReturnType<typeof startRegistryServer>>;
    let buyer: PortalPage;
    let page: Page;
    let sellerPage: Page;
    let negotiationId = '';
    let orderId = '';

    const inState = (p: Page, state: string) =>
      p.locator(`[data-testid="order-state"][data-state="${state}"]`).waitFor();

    beforeAll(async () => {
      server = await startRegistryServer();
      const m = marketClient(server);
      const { product } = await fileProduct(server, m);
      const terms = (priceFen: number) =>
        dealTerms({ deliveryMode: 'file', template: 'provision', priceFen, maxUses: 3 });
      // a request, the seller's counter-offer on price, the buyer's acceptance, the seller's agreement
      const n = await m.ok<{ id: string }>('POST', '/api/trade/negotiations', 'quancheng', {
        productId: product.id,
        terms: terms(2_000_00),
        idempotencyKey: 'e2e-order-request',
      });
      negotiationId = n.id;
      await m.ok('POST', `/api/trade/negotiations/${n.id}/counter`, 'merchant', {
        terms: terms(2_600_00),
        message: '含季度更新',
        idempotencyKey: 'e2e-order-counter',
      });
      await m.ok('POST', `/api/trade/negotiations/${n.id}/accept`, 'quancheng', {
        idempotencyKey: 'e2e-order-accept',
      });
      const agreed = await m.ok<{ contractNo: string }>(
        'POST',
        `/api/trade/negotiations/${n.id}/agree`,
        'merchant',
        {
          idempotencyKey: 'e2e-order-agree',
        },
      );
      await m.ok('POST', `/api/trade/contracts/${agreed.contractNo}/sign`, 'quancheng', custodied);
      await m.ok('POST', `/api/trade/contracts/${agreed.contractNo}/sign`, 'merchant', custodied);

      buyer = await openPortal(server.url, { prefix: 'order' });
      page = buyer.page;
      ({ page: sellerPage } = await secondSession(buyer));
    }, 300_000);

    afterAll(async () => {
      await buyer?.close();
      await server?.close();
    });

    it('lets the buyer place the order from the concluded negotiation and pay into escrow', async () => {
      await buyer.login('quancheng');
      await page.goto(`${server.url}/trade/negotiations/${negotiationId}`);
      await page.getByTestId('place-order').click();
      await page.getByTestId('place-order-ok').click();
      await inState(page, 'awaiting_payment');
      orderId = /\/trade\/orders\/(ord_[0-9a-z]+)/.exec(page.url())![1]!;
      await expect(page.getByTestId('order-amount').textContent()).resolves.toContain('2,600.00');

      await page.getByTestId('order-pay').click();
      await page.getByTestId('order-reference').fill('付款');
      await page.getByTestId('order-pay-modal-ok').click();
      // a reference that is not a transaction number is refused beside the field, nothing sent
      await page.locator('.ant-form-item-explain-error').first().waitFor();
      await page.getByTestId('order-reference').fill('E2E-PAY-20261207');
      await page.getByTestId('order-pay-modal-ok').click();
      await inState(page, 'paid');
      await page.locator('[data-testid="order-timeline"] [data-kind="pay"]').waitFor();
    });

    it('lets the seller deliver from its own session', async () => {
      await logInOn(sellerPage, server.url, 'merchant');
      await sellerPage.goto(`${server.url}/trade/orders/${orderId}`);
      await inState(sellerPage, 'paid');
      await sellerPage.getByTestId('order-deliver').click();
      await sellerPage.getByTestId('order-note').fill('脱敏明细文件已就绪');
      await sellerPage.getByTestId('order-deliver-modal-ok').click();
      await inState(sellerPage, 'delivered');
    });

    it('lets the buyer download its fingerprinted copy and accept the delivery', async () => {
      await page.reload();
      await inState(page, 'delivered');
      const files = page.getByTestId('order-files');
      await files.waitFor();
      const button = files.locator('[data-testid^="download-dlf_"]').first();
      await button.click();
      const download = page.waitForEvent('download');
      await page.locator('.ant-dropdown-menu-item', { hasText: 'CSV' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.csv$/);
      const text = readFileSync((await file.path())!, 'utf8');
      expect(text.split('\n').length).toBeGreaterThan(100);

      await page.getByTestId('order-accept').click();
      await page.getByTestId('order-accept-modal-ok').click();
      await inState(page, 'accepted');
      await page.locator('[data-testid="order-timeline"] [data-kind="accept"]').waitFor();
    });
  },
);
