import { existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { startTestServer } from '@shuliu/server';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Browser tests need Debian's Chromium; under CI its absence is a failure, elsewhere the tests are skipped. */
export const hasChromium = existsSync(CHROMIUM);

let built = false;
/** Builds the portal when its sources are newer than apps/web/dist. */
export function ensurePortalBuilt() {
  if (built) return;
  const r = spawnSync(process.execPath, ['scripts/build-web.mjs', '--if-stale'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the web portal failed');
  built = true;
}

/** A server with the demo seeded on a fresh database, serving the built portal on a loopback port. */
export async function startE2eServer(): Promise<{ url: string; close(): Promise<void> }> {
  ensurePortalBuilt();
  const server = await startTestServer({ listen: true });
  return { url: server.url, close: () => server.close() };
}

export { startE2eServer as startTestServer };

/** One browser page on the portal, with what every browser test wants of it. */
export interface PortalPage {
  browser: Browser;
  page: Page;
  /** console errors and uncaught exceptions, each with the page it happened on: a test ends asserting none */
  consoleErrors: string[];
  /** A screenshot numbered in the order taken: test-results/<prefix>-NN-<name>.png (full height on a desktop). */
  shot(name: string): Promise<void>;
  /** Logs in from a clean browser storage and waits for the user menu. */
  login(username: string, password?: string): Promise<void>;
  close(): Promise<void>;
}

export const SHOTS = 'test-results';
export const DEMO_PASSWORD = 'Shuliu2026!';
export const DESKTOP = { width: 1440, height: 900 };

/** Launches Chromium on `url`'s portal in Chinese, at Shanghai time; `phone` emulates a touch screen. */
export async function openPortal(
  url: string,
  o: { prefix: string; viewport?: { width: number; height: number }; phone?: boolean },
): Promise<PortalPage> {
  mkdirSync(SHOTS, { recursive: true });
  const viewport = o.viewport ?? DESKTOP;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(o.phone && { isMobile: true, hasTouch: true }),
  });
  // a loaded CI machine runs several browsers and servers at once: waits get room, not assertions
  page.setDefaultTimeout(60_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      consoleErrors.push(`${m.text()} @ ${page.url()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  let step = 0;
  return {
    browser,
    page,
    consoleErrors,
    async shot(name) {
      step += 1;
      const path = `${SHOTS}/${o.prefix}-${String(step).padStart(2, '0')}-${name}.png`;
      if (o.phone) {
        await page.waitForTimeout(500); // drawers, modals and toasts settle
        return void (await page.screenshot({ path }));
      }
      const height = await page.evaluate<number>('document.documentElement.scrollHeight');
      await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
      await page.waitForTimeout(300);
      await page.screenshot({ path });
      await page.setViewportSize(viewport);
    },
    async login(username, password = DEMO_PASSWORD) {
      await page.goto(`${url}/login`);
      await page.evaluate('localStorage.clear()');
      await page.goto(`${url}/login`);
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('user-menu').waitFor();
    },
    close: () => browser.close(),
  };
}

/**
 * A second party in the same browser (the seller beside the buyer): a context of its own, so its own session,
 * with the portal's defaults; page errors and console errors are collected in `errors`.
 */
export async function secondSession(portal: PortalPage, errors: string[] = []) {
  const context = await portal.browser.newContext({
    viewport: DESKTOP,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  return { context, page };
}

/**
 * Logs `username` in on `page` through the login form and waits for the portal's frame; a session the page
 * already holds (a retried test's) is dropped first, so the form is always there.
 */
export async function logInOn(page: Page, base: string, username: string) {
  await page.goto(`${base}/login`);
  await page.evaluate('localStorage.clear()');
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}
