import { demo } from '@shuliu/core';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePortalBuilt, hasChromium, openPortal, DEMO_PASSWORD, type PortalPage } from './harness.js';

const CHECKLIST = demo.ASSET_CHECKLIST_MET;

/**
 * 数据资产 through a real browser: the ledger, an asset's amortization schedule, the valuation wizard computing
 * its figures as the user types, and a signed report verified in the browser.
 */
describe.skipIf(!hasChromium && !process.env.CI)(
  'data assets in headless Chromium',
  { timeout: 180_000 },
  () => {
    let t: TestServer;
    let portal: PortalPage;
    let assetId: string;
    let valuationId: string;

    beforeAll(async () => {
      ensurePortalBuilt();
      t = await startTestServer({ listen: true });
      const ok = async <T>(method: string, url: string, as: string, body?: unknown) => {
        const r = await t.call<T>(method, url, as, body);
        expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
        return r.body;
      };
      assetId = (
        await ok<{ id: string }>('POST', '/api/assets', 'merchant', {
          name: '浏览器测试数据资产',
          source: 'purchased',
          recognizedPeriod: '2026-01',
          checklist: CHECKLIST,
        })
      ).id;
      await ok('POST', `/api/assets/${assetId}/costs`, 'merchant', {
        category: 'purchase',
        amountFen: 120_000_00,
        incurredOn: '2026-01-05',
      });
      await ok('PUT', `/api/assets/${assetId}/amortization`, 'merchant', {
        method: 'straight_line',
        startPeriod: '2026-01',
        months: 12,
      });
      const valuer = (await ok<{ org: { id: string } }>('GET', '/api/me', 'certifier')).org.id;
      valuationId = (
        await ok<{ id: string }>('POST', `/api/assets/${assetId}/valuations`, 'merchant', {
          valuerOrgId: valuer,
          valuationDate: '2026-06-30',
          inputs: {
            method: 'income',
            incomeKind: 'share',
            discountRate: 0.1,
            incomesFen: [1_000_000, 1_200_000, 1_500_000],
          },
        })
      ).id;
      portal = await openPortal(t.url, { prefix: 'assets' });
    }, 240_000);
    afterAll(async () => {
      await portal?.close();
      await t?.close();
    });

    it('shows the ledger, the schedule, the wizard’s figures as typed; the valuer signs and the browser verifies', async () => {
      const { page } = portal;
      await portal.login('merchant');
      await page.goto(`${t.url}/assets`);
      await page.getByRole('link', { name: '浏览器测试数据资产' }).click();
      await page.getByRole('tab', { name: '摊销' }).click();
      await expect.poll(() => page.getByRole('cell', { name: '2026-12' }).count()).toBeGreaterThan(0);
      await portal.shot('schedule');

      await page.goto(`${t.url}/assets/${assetId}/valuations/new`);
      await page.getByLabel('直接成本（元）').fill('50000');
      await page.getByLabel('剩余经济寿命（年）').fill('3');
      await page.getByLabel('总经济寿命（年）').fill('5');
      // replacement cost ¥50,000.00 × (1 × 3 / 5) = ¥30,000.00, computed in the browser
      await expect.poll(() => page.getByText('¥30,000.00').count()).toBeGreaterThan(0);
      await portal.shot('wizard');

      // the valuer finds the assignment in its list, signs on its administrator's password, and the browser verifies
      await portal.login('certifier');
      await page.goto(`${t.url}/assets/valuations`);
      await page.getByRole('link', { name: '浏览器测试数据资产' }).click();
      await page.getByTestId('valuation-sign').click();
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await expect.poll(() => page.getByText('评估报告验证通过').count()).toBe(1);
      expect(page.url()).toContain(valuationId);
      expect(await page.getByText('¥30,277.99').count()).toBeGreaterThan(0);
      await portal.shot('report');
      expect(portal.consoleErrors).toEqual([]);
    });
  },
);
