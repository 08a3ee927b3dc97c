import { readFileSync } from 'node:fs';
import type { CreatedAgent, Dataset } from '@shuliu/contracts';
import { crypto } from '@shuliu/core';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainAgent } from '../apps/agent/src/index.js';
import { ensurePortalBuilt, hasChromium, openPortal, type PortalPage } from './harness.js';
import { publishedResource } from './registry.fixtures.js';

/**
 * 域内计算 through a real browser, with an agent polling on loopback: the holder sets the release policy of the
 * dataset its agent reported, a row-level query is refused beside the form by its rule, an aggregate query
 * comes back as a noisy table whose receipt the browser verifies; an anonymized export is filled in the wizard,
 * reviewed by the holder with its information loss and released as a derived catalog resource.
 */
describe.skipIf(!hasChromium && !process.env.CI)(
  'compute-to-data in headless Chromium',
  { timeout: 180_000 },
  () => {
    let t: TestServer;
    let portal: PortalPage;
    let agent: DomainAgent;
    let dataset: Dataset;

    beforeAll(async () => {
      ensurePortalBuilt();
      t = await startTestServer({ listen: true });
      const made = (
        await t.call<CreatedAgent>('POST', '/api/compute/agents', 'merchant', { name: 'e2e_clinic' })
      ).body;
      const signer = crypto.Sm2Signer.generate();
      await t.call('POST', '/api/compute/agent/enrol', undefined, {
        agentId: made.id,
        code: made.enrolmentCode,
        publicKey: signer.publicKeyHex,
      });
      // 3,000 patients: at ε = 1 a department's noisy count of patients must pass the selection threshold (~180)
      const rows = Array.from({ length: 9000 }, (_, i) => ({
        patient_id: `P${i % 3000}`,
        dept: ['内科', '外科', '儿科'][i % 3],
        cost: 100 + ((i * 53) % 700),
      }));
      // the catalog resource the dataset is: a released anonymized export becomes a derivative of it
      const resourceId = await publishedResource(t, 'merchant', '门诊费用');
      agent = new DomainAgent({
        platformUrl: t.url,
        agentId: made.id,
        signer,
        pollMs: 200,
        datasets: [
          {
            name: 'visits',
            title: '门诊费用',
            resourceId,
            columns: [
              { name: 'patient_id', type: 'text' },
              { name: 'dept', type: 'text' },
              { name: 'cost', type: 'number' },
            ],
            source: { rows },
          },
          {
            // a registry of 1,500 patients, 1,000 of whom visited: the other side of an intersection
            name: 'registry',
            title: '签约居民',
            columns: [{ name: 'patient_id', type: 'text' }],
            source: {
              rows: Array.from({ length: 1500 }, (_, i) => ({ patient_id: i < 1000 ? `P${i}` : `Q${i}` })),
            },
          },
        ],
      });
      await agent.start();
      const mine = (await t.call<{ items: Dataset[] }>('GET', '/api/compute/datasets?mine=true', 'merchant'))
        .body.items;
      dataset = mine.find((d) => d.table === 'visits')!;
      const registry = mine.find((d) => d.table === 'registry')!;
      await t.call('PUT', `/api/compute/datasets/${registry.id}/policy`, 'merchant', {
        privacyUnit: 'patient_id',
        maxContributions: 1,
        k: 10,
        bounds: {},
        joinKeys: ['patient_id'],
        mechanism: 'laplace',
        epsilonTotal: 10,
        deltaTotal: 0,
        consumerShare: 0.5,
        epsilonPerQuery: 1,
        manualRelease: false,
      });
      portal = await openPortal(t.url, { prefix: 'compute' });
      await portal.login('merchant');
    }, 240_000);
    afterAll(async () => {
      await agent?.stop();
      await portal?.close();
      await t?.close();
    });

    /** antd keeps a closing dropdown's options in view for its animation: the next pick waits it out. */
    const dropdownsClosed = (page: PortalPage['page']) =>
      expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);

    it('lets the holder set the release policy of the dataset its agent reported', async () => {
      const { page } = portal;
      await page.goto(`${t.url}/compute`);
      await page.getByTestId('compute-dataset').click();
      await page.locator('.ant-select-item-option', { hasText: 'visits' }).click();
      await page.getByTestId('compute-policy-edit').click();
      await page.locator('.ant-modal').getByText('cost', { exact: true }).waitFor();
      const bounds = page.locator('.ant-modal .ant-input-number-input');
      const n = await bounds.count();
      await bounds.nth(n - 2).fill('0');
      await bounds.nth(n - 1).fill('1000');
      await page.locator('.ant-modal .ant-btn-primary').click();
      await page.locator('.ant-modal').waitFor({ state: 'hidden' });
      await page.getByTestId('compute-epsilon-left').waitFor();
      await portal.shot('policy-set');
    });

    it('refuses a row-level query beside the form, naming the rule, and spends nothing', async () => {
      const { page } = portal;
      await page.getByTestId('compute-sql').fill('SELECT patient_id, cost FROM visits');
      await page.getByTestId('compute-submit').click();
      await expect(page.locator('.ant-alert-error').first().textContent()).resolves.toContain(
        'row_level_output',
      );
      await expect(page.getByTestId('compute-epsilon-left').textContent()).resolves.toBe('10');
      await portal.shot('refused');
    });

    it('runs an aggregate on the agent and verifies its signed receipt in the browser', async () => {
      const { page } = portal;
      await page
        .getByTestId('compute-sql')
        .fill('SELECT dept, count(*) AS visits, avg(cost) AS avg_cost FROM visits GROUP BY dept');
      await page.getByTestId('compute-submit').click();
      await page.waitForURL(/\/compute\/jobs\/cjb_/);
      await page.locator('[data-testid="job-status"][data-status="done"]').waitFor();
      await page.locator('[data-testid="job-receipt-verdict"][data-ok="true"]').waitFor();
      await expect(page.locator('[data-testid="job-result"] tbody tr').count()).resolves.toBe(3);
      await portal.shot('job-done');
      expect(portal.consoleErrors.filter((e) => !e.includes('422'))).toEqual([]);
      expect(dataset.status).toBe('active');
    });

    it('exports the dataset anonymized: the holder fills the wizard, sees the loss, releases a derived resource', async () => {
      const { page } = portal;
      await page.goto(`${t.url}/compute`);
      await page.getByTestId('compute-dataset').click();
      await page.locator('.ant-select-item-option:visible', { hasText: 'visits' }).click();
      await page.getByTestId('compute-tab-anonymize').click();
      // step 1: dept by a table hierarchy (ARX lines), cost by interval bands; a ragged table is named by line
      await page.getByTestId('anon-qis').click();
      await page.locator('.ant-select-item-option:visible', { hasText: 'dept' }).click();
      await page.locator('.ant-select-item-option:visible', { hasText: 'cost' }).click();
      await page.keyboard.press('Escape');
      await page.getByTestId('anon-table-dept').fill('内科;*\n外科;临床;*\n儿科;*');
      await page.getByTestId('anon-bands-cost').fill('100, 200');
      await page.getByTestId('anon-next').click();
      await page.getByTestId('anon-qi-dept').getByText('第 2 行有 3 个字段').waitFor();
      await page.getByTestId('anon-table-dept').fill('内科;*\n外科;*\n儿科;*');
      await page.getByTestId('anon-next').click();
      // step 2: k starts at the policy's k
      await expect(page.getByTestId('anon-k').inputValue()).resolves.toBe('10');
      await page.getByTestId('anon-next').click();
      // step 3: patient_id stays in the domain
      await expect(page.getByTestId('anon-stays').textContent()).resolves.toContain('patient_id');
      await portal.shot('anonymize-wizard');
      await page.getByTestId('anon-submit').click();
      await page.waitForURL(/\/compute\/jobs\/cjb_/);
      // an anonymized export always waits for the holder's release, its result shown to the holder
      await page.locator('[data-testid="job-status"][data-status="review"]').waitFor();
      await expect(page.getByTestId('anon-loss').textContent()).resolves.toMatch(/%/);
      const levels = page.locator('[data-testid="anon-transformation"] [data-column]');
      await expect(
        levels.evaluateAll((els) => els.map((e) => e.getAttribute('data-column'))),
      ).resolves.toEqual(['dept', 'cost']);
      await page.getByTestId('anon-lattice-chosen').waitFor();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('job-download').click(),
      ]);
      expect(file.suggestedFilename()).toMatch(/\.csv$/);
      const csv = readFileSync(await file.path(), 'utf8');
      // only the quasi-identifiers leave the domain: the patient's id stays
      expect(
        csv
          .split(/\r?\n/)[0]!
          .replace(/^\uFEFF/, '')
          .split(',')
          .sort(),
      ).toEqual(['cost', 'dept']);
      await portal.shot('anonymize-review');
      await page.getByTestId('job-release').click();
      await page.locator('[data-testid="job-status"][data-status="done"]').waitFor();
      await expect(page.getByTestId('job-derived-resource').getAttribute('href')).resolves.toMatch(
        /^\/catalog\/resources\/res_/,
      );
      await portal.shot('anonymize-done');
      expect(portal.consoleErrors.filter((e) => !e.includes('422'))).toEqual([]);
    });

    it('intersects two datasets by PSI: the form offers only declared join keys, the job page shows the size', async () => {
      const { page } = portal;
      await page.goto(`${t.url}/compute`);
      await page.getByTestId('compute-dataset').click();
      await page.locator('.ant-select-item-option:visible', { hasText: 'registry' }).click();
      await dropdownsClosed(page);
      await page.getByTestId('compute-tab-psi').click();
      await page.getByTestId('psi-own').click();
      await page.locator('.ant-select-item-option:visible', { hasText: 'visits' }).click();
      await page.getByTestId('psi-own-column').click();
      await page.locator('.ant-select-item-option:visible', { hasText: 'patient_id' }).click();
      await page.getByTestId('psi-normalize').click();
      await page.locator('.ant-select-item-option:visible', { hasText: '文本' }).click();
      await portal.shot('psi-form');
      await page.getByTestId('psi-submit').click();
      await page.waitForURL(/\/compute\/jobs\/cjb_/);
      // the job page, not the workbench's job list, which shows statuses too
      await page.getByTestId('job-psi').waitFor();
      await page.locator('[data-testid="job-status"][data-status="done"]').waitFor();
      // visits holds P0…P2999, the registry P0…P999 and 500 others
      await expect(page.locator('[data-testid="job-result"] tbody tr td').allTextContents()).resolves.toEqual(
        ['3000', '1500', '1000'],
      );
      await page.locator('[data-testid="job-receipt-verdict"][data-ok="true"]').waitFor();
      await portal.shot('psi-done');
      expect(portal.consoleErrors.filter((e) => !e.includes('422'))).toEqual([]);
    });

    it('counts across two datasets jointly: each agent’s signed part verified in the browser', async () => {
      const { page } = portal;
      await page.goto(`${t.url}/compute`);
      await page.getByTestId('compute-dataset').click();
      await page.locator('.ant-select-item-option:visible', { hasText: 'registry' }).click();
      await dropdownsClosed(page);
      await page.getByTestId('compute-tab-joint').click();
      await page.getByTestId('joint-with').click();
      await page.locator('.ant-select-item-option:visible', { hasText: 'visits' }).click();
      await page.keyboard.press('Escape');
      await portal.shot('joint-form');
      await page.getByTestId('joint-submit').click();
      await page.waitForURL(/\/compute\/jobs\/cjb_/);
      // the job page, not the workbench's job list, which shows statuses too
      await page.getByTestId('job-joint').waitFor();
      await page.locator('[data-testid="job-status"][data-status="done"]').waitFor();
      await page.locator('[data-testid="job-joint-verdict"][data-ok="true"]').waitFor();
      await expect(page.locator('[data-testid="job-joint-parts"] tbody tr').count()).resolves.toBe(2);
      await portal.shot('joint-done');
      expect(portal.consoleErrors.filter((e) => !e.includes('422'))).toEqual([]);
    });
  },
);
