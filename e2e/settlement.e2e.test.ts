import { startTestServer, type TestServer } from '@shuliu/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketClient, productBody } from '../apps/server/src/routes/market.fixtures.js';
import { TradeClient } from '../apps/server/src/routes/trade.fixtures.js';
import { ensurePortalBuilt, hasChromium, openPortal, type PortalPage } from './harness.js';

/**
 * 结算 through a real browser: the operator closes a month after a confirmation and reads the statement whose
 * parties add up to the gross, with an order's split explained; a contributor reads the Shapley split of a
 * product built from three organizations' data.
 */
describe.skipIf(!hasChromium && !process.env.CI)(
  'settlement in headless Chromium',
  { timeout: 180_000 },
  () => {
    let t: TestServer;
    let portal: PortalPage;
    let productId: string;

    beforeAll(async () => {
      ensurePortalBuilt();
      t = await startTestServer({ listen: true });
      const m = marketClient(t);
      const trade = new TradeClient(t, m);
      const { resource } = await m.listable('merchant', '三方融合景气数据');
      const p = await m.listed(
        'merchant',
        productBody([resource], { title: '三方融合景气指数', licence: { seats: null, exclusive: false } }),
      );
      productId = p.id;
      const ids = await Promise.all(['merchant', 'huanghe', 'buyer'].map((u) => m.registry.orgOf(u)));
      const [a, b, c] = ids as [string, string, string];
      await m.ok('PUT', `/api/trade/products/${p.id}/revenue-share`, 'merchant', {
        contributors: ids,
        utility: {
          kind: 'table',
          values: {
            '': 0,
            [a]: 10,
            [b]: 20,
            [c]: 30,
            [`${a},${b}`]: 40,
            [`${a},${c}`]: 50,
            [`${b},${c}`]: 60,
            [ids.join(',')]: 90,
          },
        },
        utilityLabel: '模型准确率（%）',
        method: 'exact',
      });
      const order = await trade.paidOrder(p.id, 'quancheng', 'merchant', { priceFen: 1234_56 });
      await trade.step(order.id, 'deliver', 'merchant');
      await trade.step(order.id, 'accept', 'quancheng');
      await sql`update trade_orders set accepted_at = '2025-04-20T03:00:00Z' where id = ${order.id}`.execute(
        t.services.db,
      );
      portal = await openPortal(t.url, { prefix: 'settlement' });
    }, 240_000);
    afterAll(async () => {
      await portal?.close();
      await t?.close();
    });

    it('closes a month after a confirmation; the parties add up to the gross; a split is explained', async () => {
      const { page } = portal;
      await portal.login('operator');
      await page.goto(`${t.url}/trade/settlement?period=2025-04`);
      await page.getByTestId('settlement-close').click();
      await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
      await expect.poll(() => page.getByTestId('settlement-sum-check').textContent()).toBe('合计与总额相符');
      expect(await page.getByTestId('settlement-sum').textContent()).toBe('¥1,234.56');
      await portal.shot('statement');
      await page.getByTestId('settlement-lines').getByRole('button', { name: '拆分说明' }).first().click();
      await expect
        .poll(() => page.getByTestId('settlement-explain').locator('li').count())
        .toBeGreaterThan(3);
      await portal.shot('explained');
      expect(portal.consoleErrors).toEqual([]);
    });

    it('shows a contributor the Shapley split with its chart, method and values', async () => {
      const { page } = portal;
      await portal.login('huanghe');
      await page.goto(`${t.url}/trade/revenue-share/${productId}`);
      await page.getByTestId('revenue-computation').waitFor();
      await expect.poll(() => page.getByTestId('revenue-contributors').locator('tbody tr').count()).toBe(3);
      expect(await page.getByTestId('revenue-contributors').textContent()).toContain('33.3333%');
      await page.getByTestId('revenue-chart').waitFor();
      await portal.shot('revenue-share');
      expect(portal.consoleErrors).toEqual([]);
    });
  },
);
