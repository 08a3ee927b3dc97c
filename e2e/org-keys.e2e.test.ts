import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openPortal, startTestServer, type PortalPage } from './harness.js';

/**
 * 签名密钥 through a real browser: an org_admin with no key yet creates a platform-custodied one (a wrong
 * password is said beside the field), then rotates to a public key the org holds itself.
 */
describe.skipIf(!hasChromium && !process.env.CI)(
  'org signing keys in headless Chromium',
  { timeout: 180_000 },
  () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    let p: PortalPage;
    const rows = () => p.page.locator('[data-testid="org-signing-keys"] tbody tr.ant-table-row');
    const submit = () => p.page.locator('[data-testid="signing-key-submit"]').click();

    beforeAll(async () => {
      server = await startTestServer();
      p = await openPortal(server.url, { prefix: 'org-keys' });
      await p.login('huanghe');
    }, 180_000);
    afterAll(async () => {
      await p?.close();
      await server?.close();
    });

    it('creates a custodied key after the password is re-entered', async () => {
      await p.page.goto(`${server.url}/account?tab=org-keys`);
      await p.page.getByTestId('org-key-create-platform').waitFor();
      await expect(rows().count()).resolves.toBe(0);
      await p.shot('empty');
      await p.page.getByTestId('org-key-create-platform').click();
      await p.page.getByTestId('org-key-password').fill('not-my-password');
      await submit();
      await p.page.getByText('当前密码不正确').waitFor();
      await p.shot('wrong-password');
      await p.page.getByTestId('org-key-password').fill('Shuliu2026!');
      await submit();
      await rows().first().waitFor();
      await expect(rows().first().textContent()).resolves.toContain('平台托管');
      await p.shot('custodied');
    });

    it('rotates to a public key the org holds itself; the old key stays, rotated out', async () => {
      const pem = generateKeyPairSync('ec', { namedCurve: 'SM2' })
        .publicKey.export({ type: 'spki', format: 'pem' })
        .toString();
      await p.page.getByTestId('org-key-rotate').click();
      await p.page.getByTestId('org-key-custody').getByText('本机构自持').click();
      await p.page.getByTestId('org-key-public-key').fill('04abcdef');
      await p.page.getByTestId('org-key-password').fill('Shuliu2026!');
      await submit();
      await p.page.getByText('不是 SM2 公钥：').waitFor();
      await p.page.getByTestId('org-key-public-key').fill(pem);
      await submit();
      await rows().nth(1).waitFor();
      await expect(rows().first().textContent()).resolves.toContain('本机构自持');
      await expect(rows().nth(1).textContent()).resolves.toContain('已轮换');
      await rows().first().locator('.ant-table-row-expand-icon').click();
      await p.page.getByText('shuliu sign declaration.json --key key.pem').waitFor();
      await p.shot('org-held');
      expect(p.consoleErrors).toEqual([]);
    });
  },
);
