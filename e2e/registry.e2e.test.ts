import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openPortal, type PortalPage } from './harness.js';
import { endNotice, publishedResource, startRegistryServer } from './registry.fixtures.js';

const OPEN_SELECT = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/**
 * A whole data property-rights registration through a real browser: a merchant applies for its published
 * resource, the operator accepts and reviews it with the checklist, the public notice starts, another org
 * objects on the public notice board, the operator dismisses the objection, the notice ends, the certificate
 * is issued; the merchant prints it, an anonymous visitor verifies it in the browser, a tampered bundle fails.
 */
describe.skipIf(!hasChromium && !process.env.CI)(
  'registry in headless Chromium',
  { timeout: 120_000 },
  () => {
    let server: Awaited<ReturnType<typeof startRegistryServer>>;
    let portal: PortalPage;
    let page: Page;
    const title = `齐鲁商户经营统计${String(Date.now()).slice(-6)}`;
    let appId = '';
    let certNo = '';

    const shot = (name: string) => portal.shot(name);

    const login = (username: string) => portal.login(username);

    const file = (name: string, text: string) => ({
      name,
      mimeType: 'application/pdf',
      buffer: Buffer.from(text),
    });

    beforeAll(async () => {
      server = await startRegistryServer();
      portal = await openPortal(server.url, { prefix: 'registry' });
      page = portal.page;
      await publishedResource(server, 'merchant', title);
    });

    afterAll(async () => {
      await portal?.close();
      await server?.close();
    });

    it('lets a merchant apply through the wizard, with evidence and declarations', async () => {
      await login('merchant');
      await page.getByTestId('menu-registry-apply').click();
      await page.waitForURL(/\/registry\/apply$/);
      await page.getByTestId('registry-resource').click();
      await page.keyboard.type(title.slice(0, 6));
      await page.locator(OPEN_SELECT).locator(`.ant-select-item-option[title="${title}"]`).click();
      await page.getByTestId('right-processing').click();
      await page.getByTestId('registry-scope').fill('全部字段及后续按月更新的数据，限于中国境内使用');
      await shot('apply-object');
      await page.getByTestId('registry-apply-next').click();
      await expect(page.getByTestId('registry-source').inputValue()).resolves.toContain('自有交易系统');
      await page
        .locator('input[type=file]')
        .setInputFiles(file('采集方式说明.pdf', '自有交易系统按月汇总采集，商户书面同意。'));
      await page.getByTestId('evidence-picked').waitFor();
      await shot('apply-source');
      await page.getByTestId('registry-apply-next').click();
      await page.getByTestId('registry-apply-submit').click();
      await page.locator('.ant-form-item-explain-error').first().waitFor();
      for (const d of ['truthful', 'lawfulSource', 'noInfringement', 'acceptReview'])
        await page.getByTestId(`declare-${d}`).click();
      await shot('apply-declarations');
      await page.getByTestId('registry-apply-submit').click();
      await page.getByTestId('registry-apply-result').waitFor();
      await shot('apply-result');
      await page.getByTestId('registry-apply-view').click();
      await page.waitForURL(/\/registry\/applications\/rap_/);
      appId = page.url().split('/').pop()!;
      await page.locator('[data-status="submitted"]').first().waitFor();
      await expect(page.getByTestId('registry-files').textContent()).resolves.toContain('采集方式说明.pdf');
      await page.getByTestId('app-withdraw').waitFor();
      await shot('application-submitted');
    });

    it('lets the operator accept and review it with the checklist, which opens the public notice', async () => {
      await login('operator');
      await page.getByTestId('menu-registry-review').click();
      await page.getByTestId(`registry-app-${appId}`).click();
      await page.getByTestId('app-accept').click();
      await page.getByTestId('accept-modal-ok').click();
      await page.locator('[data-status="under_review"]').first().waitFor();
      await page.getByTestId('app-review').click();
      await page.getByTestId('check-sourceCompliance-note').fill('采集方式说明与资源登记一致');
      await page.getByTestId('review-opinion').fill('数据描述准确、来源合规、权属明确，同意公示。');
      await shot('review-checklist');
      await page.getByTestId('review-modal-ok').click();
      await page.locator('[data-status="publicizing"]').first().waitFor();
      await page.getByTestId('app-checklist').waitFor();
      expect(await page.getByTestId('app-issue').count()).toBe(0);
      await shot('review-publicizing');
    });

    it('lets another org object on the public notice board', async () => {
      await page.evaluate('localStorage.clear()');
      await page.goto(`${server.url}/registry/notices`);
      await page.getByTestId('public-nav-notices').waitFor();
      await page.getByTestId(`notice-${appId}`).click();
      await page.getByTestId('objection-login').waitFor();
      await shot('notice-anonymous');
      await login('quancheng');
      await page.goto(`${server.url}/registry/notices/${appId}`);
      await page
        .getByTestId('objection-reason')
        .fill('该数据中部分商户经营统计来源于本公司提供的结算数据，权属存在争议。');
      await page
        .locator('input[type=file]')
        .setInputFiles(file('结算数据合作协议.pdf', '双方结算数据合作协议（摘录）'));
      await page.getByTestId('objection-submit').click();
      await page.getByTestId('objection-filed').waitFor();
      await shot('objection-filed');
    });

    it('lets the operator dismiss the objection with a reason and issue the certificate after the notice', async () => {
      await login('operator');
      await page.goto(`${server.url}/registry/review/${appId}`);
      await page.locator('[data-status="open"]').first().waitFor();
      await page.locator('[data-testid^="objection-decide-"]').click();
      await page.getByTestId('decide-dismissed').click();
      await page
        .getByTestId('decide-reason')
        .fill('合作协议约定结算数据加工成果归齐鲁数据所有，异议不成立。');
      await page.getByTestId('decide-modal-ok').click();
      await page.locator('[data-status="dismissed"]').first().waitFor();
      await shot('objection-dismissed');

      await endNotice(server, appId);
      await page.reload();
      await page.getByTestId('app-issue').click();
      await page.getByTestId('app-issued').waitFor();
      certNo = (await page.getByTestId('app-issued').locator('code').textContent())!.trim();
      expect(certNo).toMatch(/^[A-Z-]+-\d{4}-\d+$/);
      await shot('issued');
    });

    it('shows the merchant its certificate, printable with a QR code to the public verify page', async () => {
      await login('merchant');
      await page.getByTestId('menu-registry-certificates').click();
      await page.getByTestId(`cert-${certNo}`).click();
      await expect(page.getByTestId('cert-no').textContent()).resolves.toBe(certNo);
      await page.getByTestId('cert-qr').waitFor();
      await page.getByTestId('cert-action-license').waitFor();
      expect(await page.getByTestId('cert-action-freeze').count()).toBe(0);
      await shot('certificate');
      await page.evaluate('window.print = () => { window.__printed = true; }');
      await page.getByTestId('cert-print').click();
      expect(await page.evaluate('window.__printed')).toBe(true);
      await page.emulateMedia({ media: 'print' });
      await shot('certificate-print');
      await page.emulateMedia({ media: 'screen' });
    });

    it('lets an anonymous visitor verify it in the browser, and turns a tampered bundle red', async () => {
      await page.evaluate('localStorage.clear()');
      await page.goto(`${server.url}/verify/${certNo}`);
      const verdict = page.getByTestId('cert-verify-verdict');
      await verdict.waitFor();
      await expect(verdict.getAttribute('data-ok')).resolves.toBe('true');
      for (const c of [
        'shape',
        'issuerKey',
        'signature',
        'ledgerEntry',
        'certHash',
        'inclusion',
        'checkpointKey',
        'checkpoint',
      ])
        await expect(page.getByTestId(`cert-verify-steps-${c}`).getAttribute('data-status')).resolves.toBe(
          'ok',
        );
      await shot('verify-ok');

      const res = await fetch(`${server.url}/api/registry/verify/${certNo}`);
      const bundle = (await res.json()) as { certificate: { credentialSubject: { scope: string } } };
      bundle.certificate.credentialSubject.scope = '全部字段，且可向境外提供';
      await page.getByTestId('bundle-input').fill(JSON.stringify(bundle));
      await page.getByTestId('bundle-verify').click();
      const bad = page.getByTestId('bundle-verify-verdict');
      await bad.waitFor();
      await expect(bad.getAttribute('data-ok')).resolves.toBe('false');
      await expect(
        page.getByTestId('bundle-verify-steps-signature').getAttribute('data-status'),
      ).resolves.toBe('fail');
      await shot('verify-tampered');
      expect(portal.consoleErrors).toEqual([]);
    });
  },
);
