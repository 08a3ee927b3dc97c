import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openPortal, startTestServer, type PortalPage } from './harness.js';

/**
 * 数据质量 in the portal: the owner of a demo resource opens its quality tab, reads the latest report with the six
 * indicators and the trend of the demo's runs, runs a check and sees it finish, and the catalog list shows the
 * score badge.
 */
describe.skipIf(!hasChromium && !process.env.CI)(
  'data quality in headless Chromium',
  { timeout: 180_000 },
  () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    let portal: PortalPage;

    beforeAll(async () => {
      server = await startTestServer();
      portal = await openPortal(server.url, { prefix: 'quality' });
    });
    afterAll(async () => {
      await portal?.close();
      await server?.close();
    });

    it('shows the report, the trend and the rules, and runs a check with progress', async () => {
      const { page } = portal;
      await portal.login('merchant');
      await page.goto(`${server.url}/catalog?mine=true`);
      const link = page.getByRole('link', { name: '普惠金融客户名单', exact: true });
      await link.waitFor();
      // the list carries the latest score
      await expect(page.getByTestId('quality-badge').first().textContent()).resolves.toMatch(
        /^质量 \d+\.\d$/,
      );
      await link.click();
      await page.getByRole('tab', { name: '数据质量', exact: true }).click();
      await page.getByTestId('quality-report').waitFor();
      await expect(page.getByTestId('quality-report').textContent()).resolves.toContain('规范性');
      await page.getByTestId('quality-trend').waitFor();
      await expect(page.getByTestId('quality-rules-json').inputValue()).resolves.toContain('check_digit');
      await portal.shot('report');
      await page.getByTestId('quality-run').click();
      await page.getByText('质量检测已完成').waitFor();
      await portal.shot('after-run');
      expect(portal.consoleErrors).toEqual([]);
    });
  },
);
