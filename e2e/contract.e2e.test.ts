import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  hasChromium,
  logInOn,
  openPortal,
  secondSession,
  type PortalPage,
} from './harness.js';
import { listedProduct } from './market.fixtures.js';
import { startRegistryServer } from './registry.fixtures.js';

/**
 * 合同 in the browser: a buyer (泉城数智, whose key the platform keeps) and the seller agree through the API;
 * the buyer opens the contract page, mistypes the password (refused beside the field) and signs; the seller,
 * from the negotiation room, pastes a signature that does not check (refused beside the signature) and then
 * signs with the password; both see the contract concluded and both signatures verified ✓ in the browser.
 */
describe.skipIf(!hasChromium && !process.env.CI)(
  'contract page in headless Chromium',
  { timeout: 120_000 },
  () => {
    let server: Awaited<ReturnType<typeof startRegistryServer>>;
    let buyer: PortalPage;
    let page: Page;
    let sellerPage: Page;
    const sellerErrors: string[] = [];
    let contractNo = '';
    let negotiationId = '';

    // waits on the element with the attribute (the page's default timeout), which holds up better under load
    // than a poll's short one
    const inState = (p: Page, state: string) =>
      p.locator(`[data-testid="contract-state"][data-state="${state}"]`).waitFor();
    const signature = (p: Page, side: string, status: string) =>
      p.locator(`[data-testid="contract-signature-${side}"][data-status="${status}"]`).waitFor();

    beforeAll(async () => {
      server = await startRegistryServer();
      const productId = await listedProduct(
        server,
        'merchant',
        `港航景气指数${String(Date.now()).slice(-6)}`,
      );
      const ok = async <T>(url: string, as: string, payload: unknown) => {
        const r = await server.call<T>('POST', url, as, payload);
        expect(r.status, `${url}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
        return r.body;
      };
      const n = await ok<{ id: string }>('/api/trade/negotiations', 'quancheng', {
        productId,
        terms: {
          template: 'provision',
          deliveryMode: 'report',
          purpose: '风控',
          region: '370100',
          scope: '仅用于本机构授信前的区域景气研判，不得对外提供',
          startsOn: '2026-07-01',
          endsOn: '2027-06-30',
          priceFen: 500_00,
        },
        idempotencyKey: 'e2e-contract-request',
      });
      negotiationId = n.id;
      const agreed = await ok<{ contractNo: string }>(`/api/trade/negotiations/${n.id}/agree`, 'merchant', {
        idempotencyKey: 'e2e-contract-agree',
      });
      contractNo = agreed.contractNo;
      buyer = await openPortal(server.url, { prefix: 'contract' });
      page = buyer.page;
      ({ page: sellerPage } = await secondSession(buyer, sellerErrors));
    }, 240_000);

    afterAll(async () => {
      await buyer?.close();
      await server?.close();
    });

    it('shows the buyer the drafted contract: number, parties, clauses, hash, no signature yet', async () => {
      await buyer.login('quancheng');
      await page.goto(`${server.url}/trade/contracts/${contractNo}`);
      await inState(page, 'drafted');
      await expect(page.getByTestId('contract-no').textContent()).resolves.toContain(contractNo);
      await expect(page.getByTestId('contract-party-buyer').textContent()).resolves.toContain('泉城数智');
      await expect(page.getByTestId('contract-party-seller').textContent()).resolves.toContain('91370100');
      await page.locator('[data-testid="contract-clauses"] [data-clause="price"]').waitFor();
      await expect(page.getByTestId('contract-hash').textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);
      await page.getByTestId('contract-no-signatures').waitFor();
      await signature(page, 'buyer', 'unsigned');
      await buyer.shot('drafted');
    });

    it('lets the buyer sign in the dialog: a wrong password refused beside the field, then signed', async () => {
      const hash = await page.getByTestId('contract-hash').textContent();
      await page.getByTestId('contract-sign').click();
      const dialog = page.getByTestId('sign-contract');
      await dialog.waitFor();
      await expect(dialog.getByTestId('sign-contract-hash').textContent()).resolves.toBe(hash);
      await page.getByTestId('sign-contract-password').fill('not-the-password-1');
      await page.getByTestId('sign-contract-ok').click();
      await dialog.locator('.ant-form-item-has-error [data-testid="sign-contract-password"]').waitFor();
      await buyer.shot('sign-wrong-password');
      await page.getByTestId('sign-contract-password').fill(DEMO_PASSWORD);
      await page.getByTestId('sign-contract-ok').click();
      await inState(page, 'buyer_signed');
      await signature(page, 'buyer', 'verified');
      await signature(page, 'seller', 'unsigned');
      await expect(page.getByTestId('contract-sign').count()).resolves.toBe(0);
    });

    it('lets the seller sign from the negotiation room: a signature that does not check refused beside it', async () => {
      await logInOn(sellerPage, server.url, 'merchant');
      await sellerPage.goto(`${server.url}/trade/negotiations/${negotiationId}`);
      await sellerPage.getByTestId('ngt-sign-contract').click();
      const dialog = sellerPage.getByTestId('sign-contract');
      await dialog.waitFor();
      await sellerPage.getByTestId('sign-tab-org').click();
      await expect(sellerPage.getByTestId('sign-contract-command').textContent()).resolves.toContain(
        `shuliu trade sign-contract ${contractNo}`,
      );
      await expect(sellerPage.getByTestId('sign-contract-canonical').inputValue()).resolves.toContain(
        `"contractNo":"${contractNo}"`,
      );
      await sellerPage.getByTestId('sign-contract-key-id').fill(`osk_${'0'.repeat(26)}`);
      await sellerPage.getByTestId('sign-contract-signature').fill('ab'.repeat(64));
      await sellerPage.getByTestId('sign-contract-ok').click();
      await dialog.locator('.ant-form-item-has-error [data-testid="sign-contract-signature"]').waitFor();
      await expect(dialog.locator('#signature_help').textContent()).resolves.toContain(
        'TRADE_CONTRACT_SIGNATURE_INVALID',
      );
      await sellerPage.getByTestId('sign-tab-platform').click();
      await sellerPage.getByTestId('sign-contract-password').fill(DEMO_PASSWORD);
      await sellerPage.getByTestId('sign-contract-ok').click();
      await dialog.waitFor({ state: 'hidden' });
      await sellerPage.getByTestId('ngt-view-contract').click();
      await inState(sellerPage, 'concluded');
      await signature(sellerPage, 'seller', 'verified');
    });

    it('shows both the contract concluded and both signatures verified ✓ in the browser; the PDF downloads', async () => {
      await page.reload();
      await inState(page, 'concluded');
      for (const side of ['buyer', 'seller']) await signature(page, side, 'verified');
      for (const check of ['signature', 'ledgerEntry', 'inclusion'])
        await expect(
          page.getByTestId(`contract-signature-seller-${check}`).getAttribute('data-status'),
        ).resolves.toBe('ok');
      await expect(page.getByTestId('contract-verdict').getAttribute('data-ok')).resolves.toBe('true');
      for (const check of [
        'shape',
        'signatures',
        'ledgerEntries',
        'inclusion',
        'checkpointKey',
        'checkpoint',
      ])
        await expect(page.getByTestId(`contract-check-${check}`).getAttribute('data-status')).resolves.toBe(
          'ok',
        );
      await buyer.shot('concluded');
      // printed, the document and its signatures stand alone: no menu, no buttons
      await page.emulateMedia({ media: 'print' });
      // waited for, not read at once: a button's CSS transition carries its visibility over a few frames
      await page.getByTestId('contract-sheet').waitFor({ state: 'visible' });
      await page.getByTestId('contract-signature-seller').waitFor({ state: 'visible' });
      await page.getByTestId('contract-pdf').waitFor({ state: 'hidden' });
      await page.getByTestId('user-menu').waitFor({ state: 'hidden' });
      await buyer.shot('print');
      await page.emulateMedia({ media: 'screen' });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('contract-pdf').click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${contractNo}.pdf`);
      expect(buyer.consoleErrors).toEqual([]);
      expect(sellerErrors).toEqual([]);
    });
  },
);
