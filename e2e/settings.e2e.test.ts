import type { GradingSettings, Resource, SharingSettings } from '@shuliu/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openPortal, type PortalPage } from './harness.js';
import { publishedResource, startRegistryServer } from './registry.fixtures.js';

const OPEN_SELECT = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/**
 * 平台规则 through a real browser: the operator edits a ⚠ rule and the API answers with it; the calendar and
 * the registry's rules sit beside it; an owner's admin records an impact assessment and the grade follows.
 */
describe.skipIf(!hasChromium && !process.env.CI)(
  'platform rules in headless Chromium',
  { timeout: 120_000 },
  () => {
    let server: Awaited<ReturnType<typeof startRegistryServer>>;
    let portal: PortalPage;
    let page: Page;
    let resourceId = '';

    const pick = async (testId: string, label: string) => {
      await page.getByTestId(testId).click();
      await page.locator(OPEN_SELECT).locator(`.ant-select-item-option[title="${label}"]`).click();
    };

    beforeAll(async () => {
      server = await startRegistryServer();
      portal = await openPortal(server.url, { prefix: 'settings' });
      page = portal.page;
      resourceId = await publishedResource(server, 'merchant', '齐鲁商户经营统计（分级评估）');
    });

    afterAll(async () => {
      await portal?.close();
      await server?.close();
    });

    it('lets the operator change the grading table and the sharing periods, beside the registry’s rules', async () => {
      await portal.login('operator');
      await page.getByTestId('menu-platform-settings').click();
      await page.waitForURL(/\/settings$/);
      await page.getByTestId('impact-economic-severe').waitFor();
      await pick('impact-economic-general', '一般数据(3级)');
      await portal.shot('grading');
      await page.getByTestId('grading-save').click();
      await page.getByText('规则已保存').waitFor();
      const g = await server.call<GradingSettings>('GET', '/api/settings/grading');
      expect(g.body.impact.economic.general).toBe('general_3');
      // a worse harm may not grade lower than a lighter one: refused beside the row, nothing sent
      await pick('impact-social-severe-extreme', '一般数据(1级)');
      await page.getByTestId('grading-save').click();
      await page.locator('.ant-form-item-explain-error').first().waitFor();
      expect(
        (await server.call<GradingSettings>('GET', '/api/settings/grading')).body.impact.social,
      ).toMatchObject({
        'severe-extreme': 'core',
      });

      await page.getByRole('tab', { name: '共享与回流时限' }).click();
      await page.getByTestId('settings-sharingResponseDays').fill('7');
      await page.getByTestId('sharing-save').click();
      await page.getByText('规则已保存').first().waitFor();
      await expect
        .poll(
          async () =>
            (await server.call<SharingSettings>('GET', '/api/settings/sharing')).body.sharingResponseDays,
        )
        .toBe(7);

      await page.getByRole('tab', { name: '工作日历' }).click();
      await page.getByTestId('holiday-add').waitFor();
      await portal.shot('calendar');
      await page.getByRole('tab', { name: '登记规则' }).click();
      await page.getByTestId('settings-noticeDays').waitFor();
      await page.goto(`${server.url}/registry/settings`);
      await page.waitForURL(/\/settings\?tab=registry$/);
      await page.getByTestId('settings-noticeDays').waitFor();
    });

    it('lets the owner’s admin record an impact assessment; the grade follows it', async () => {
      await portal.login('merchant');
      await page.goto(`${server.url}/catalog/resources/${resourceId}?tab=impact`);
      await pick('impact-party', '经济运行');
      await pick('impact-harm', '严重危害');
      await page.getByTestId('impact-reason').fill('泄露将影响区域商贸运行监测，危害经济运行，程度严重');
      await page.getByTestId('impact-submit').click();
      await page.getByText('已记录影响评估').waitFor();
      await expect
        .poll(
          async () =>
            (await server.call<Resource>('GET', `/api/catalog/resources/${resourceId}`, 'merchant')).body
              .grade,
        )
        .toBe('important');
      await portal.shot('impact');
      expect(portal.consoleErrors).toEqual([]);
    });
  },
);
