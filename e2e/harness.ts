import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { startTestServer } from '@shuliu/server';

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
