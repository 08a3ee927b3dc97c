import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, startTestServer } from './harness.js';

const SHOTS = 'test-results';
const PASSWORD = 'Shuliu2026!';
const VIEWPORT = { width: 1440, height: 900 };

/**
 * The public ledger explorer through a real browser: a visitor who is not logged in verifies the checkpoint
 * signature, proves an entry's inclusion and the log's consistency, all computed in the page; answers the
 * test alters on their way to the browser are caught.
 */
describe.skipIf(!hasChromium && !process.env.CI)(
  'ledger explorer in headless Chromium',
  { timeout: 90_000 },
  () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    let browser: Browser;
    let page: Page;
    let step = 0;
    const consoleErrors: string[] = [];

    /** A picture of the whole page, grown to its height first (as in portal.e2e.test.ts). */
    const shot = async (name: string) => {
      step += 1;
      const height = await page.evaluate<number>('document.documentElement.scrollHeight');
      await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(VIEWPORT.height, height) });
      await page.waitForTimeout(600);
      await page.screenshot({ path: `${SHOTS}/ledger-${String(step).padStart(2, '0')}-${name}.png` });
      await page.setViewportSize(VIEWPORT);
    };

    const api = async (path: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
      const res = await fetch(`${server.url}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          ...(init.body !== undefined && { 'content-type': 'application/json' }),
          ...(init.token && { authorization: `Bearer ${init.token}` }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      expect(res.status, `${path}: ${res.status}`).toBe(200);
      return (await res.json()) as Record<string, unknown>;
    };

    /** Grows the log by one entry, as the operator anchoring the audit chain. */
    const anchor = async () => {
      const { token } = await api('/api/auth/login', {
        method: 'POST',
        body: { username: 'operator', password: PASSWORD },
      });
      await api('/api/ledger/anchor', { method: 'POST', token: token as string });
    };

    const verdict = (testId: string) => page.getByTestId(testId).getAttribute('data-ok');

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      server = await startTestServer();
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      // a loaded CI machine runs several browsers and servers at once: waits get room, not assertions
      page.setDefaultTimeout(60_000);
      page.setDefaultTimeout(30_000);
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
          consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => consoleErrors.push(e.message));
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('lets an anonymous visitor open the explorer from the login page and see the checkpoint verified', async () => {
      await page.goto(`${server.url}/login`);
      await page.getByTestId('link-ledger').click();
      await page.waitForURL(/\/ledger$/);
      await page.getByTestId('checkpoint-verdict').waitFor();
      expect(await verdict('checkpoint-verdict')).toBe('true');
      const cp = await api('/api/ledger/checkpoint');
      await expect(page.getByTestId('checkpoint-size').textContent()).resolves.toContain(String(cp.treeSize));
      await expect(page.getByTestId('public-login').isVisible()).resolves.toBe(true);
      await page.locator('[data-testid^="ledger-row-"]').first().waitFor();
      await shot('explorer');
    });

    it('opens the newest entry and proves its inclusion in the browser', async () => {
      const newest = page.locator('[data-testid^="ledger-row-"]').first();
      await expect(newest.getAttribute('data-type')).resolves.toBe('audit.anchor');
      await newest.click();
      await page.getByTestId('entry-canonical').waitFor();
      await expect(page.getByTestId('entry-canonical').textContent()).resolves.toContain(
        '"type":"audit.anchor"',
      );
      await page.getByTestId('prove-inclusion').click();
      await page.getByTestId('inclusion-verdict').waitFor();
      expect(await verdict('inclusion-verdict')).toBe('true');
      await expect(page.getByTestId('inclusion-verdict').textContent()).resolves.toContain('包含性已验证');
      for (const s of ['signature', 'alg', 'leaf', 'path', 'root'])
        await expect(page.getByTestId(`inclusion-steps-${s}`).getAttribute('data-status')).resolves.toBe(
          'ok',
        );
      await shot('inclusion-verified');
      await page.locator('[data-testid="entry-drawer"] .ant-drawer-close').click();
    });

    it('filters entries by type', async () => {
      await page.goto(`${server.url}/ledger?type=key.rotated`);
      await page.getByTestId('checkpoint-verdict').waitFor();
      await page.locator('[data-testid="ledger-entries"] .ant-empty').waitFor();
      await page.goto(`${server.url}/ledger?type=audit.anchor`);
      await page.locator('[data-testid^="ledger-row-"]').first().waitFor();
      const types = await page
        .locator('[data-testid^="ledger-row-"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')));
      expect(new Set(types)).toEqual(new Set(['audit.anchor']));
    });

    it('proves, after the log grew, that it extends the checkpoint this browser saw before', async () => {
      const before = (await api('/api/ledger/checkpoint')).treeSize as number;
      await anchor();
      await page.goto(`${server.url}/ledger`);
      await page.getByTestId('checkpoint-verdict').waitFor();
      await expect(page.getByTestId('consistency-from').inputValue()).resolves.toBe(String(before));
      await expect(page.getByTestId('consistency-to').inputValue()).resolves.toBe(String(before + 1));
      await page.getByTestId('consistency-check').click();
      await page.getByTestId('consistency-verdict').waitFor();
      expect(await verdict('consistency-verdict')).toBe('true');
      await expect(page.getByTestId('consistency-steps-seen').getAttribute('data-status')).resolves.toBe(
        'ok',
      );
      await shot('consistency-verified');
    });

    it('turns red when the server sends a checkpoint or an entry that was altered', async () => {
      await page.route('**/api/ledger/checkpoint', async (route) => {
        const res = await route.fetch();
        const cp = (await res.json()) as { signature: string };
        const flipped = `${cp.signature.slice(0, -1)}${cp.signature.endsWith('0') ? '1' : '0'}`;
        await route.fulfill({ response: res, json: { ...cp, signature: flipped } });
      });
      await page.reload();
      await page.getByTestId('checkpoint-verdict').waitFor();
      expect(await verdict('checkpoint-verdict')).toBe('false');
      await expect(page.getByTestId('checkpoint-verdict').textContent()).resolves.toContain('SM2 签名');
      await shot('checkpoint-tampered');
      await page.unroute('**/api/ledger/checkpoint');

      await page.route('**/api/ledger/entries?*', async (route) => {
        const res = await route.fetch();
        const list = (await res.json()) as { items: { entry: string }[] };
        const items = list.items.map((e) => ({ ...e, entry: e.entry.replace('"v":1', '"v":1 ') }));
        await route.fulfill({ response: res, json: { ...list, items } });
      });
      await page.reload();
      await expect.poll(() => verdict('checkpoint-verdict')).toBe('true');
      await page.locator('[data-testid^="ledger-row-"]').first().click();
      await page.getByTestId('prove-inclusion').click();
      await page.getByTestId('inclusion-verdict').waitFor();
      expect(await verdict('inclusion-verdict')).toBe('false');
      await expect(page.getByTestId('inclusion-steps-leaf').getAttribute('data-status')).resolves.toBe(
        'fail',
      );
      await shot('entry-tampered');
      await page.unroute('**/api/ledger/entries?*');
      await page.locator('[data-testid="entry-drawer"] .ant-drawer-close').click();
    });

    it('is in the menu of a logged-in user', async () => {
      await page.goto(`${server.url}/login`);
      await page.getByTestId('login-username').fill('operator');
      await page.getByTestId('login-password').fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('user-menu').waitFor();
      await page.getByTestId('menu-ledger').click();
      await page.waitForURL(/\/ledger$/);
      await page.getByTestId('checkpoint-verdict').waitFor();
      expect(await verdict('checkpoint-verdict')).toBe('true');
      await shot('explorer-logged-in');
    });

    it('logged no errors in the browser console', () => {
      expect(consoleErrors).toEqual([]);
    });
  },
);
