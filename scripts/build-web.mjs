#!/usr/bin/env node
// Builds the web portal into apps/web/dist. With --if-stale it does nothing when dist is newer than every
// source the portal is built from, so `npm start` after `npm install` starts at once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'apps/web');
const built = join(web, 'dist/index.html');
const sources = [
  join(web, 'src'),
  join(web, 'index.html'),
  join(web, 'vite.config.ts'),
  join(web, 'public'),
  join(root, 'packages/contracts/src'),
  join(root, 'packages/sdk/src'),
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

if (
  process.argv.includes('--if-stale') &&
  existsSync(built) &&
  statSync(built).mtimeMs >= Math.max(...sources.map(newest))
) {
  process.exit(0);
}
if (!existsSync(join(root, 'node_modules/vite'))) {
  console.error('build-web: dependencies are not installed yet; run npm install first');
  process.exit(process.argv.includes('--if-stale') ? 0 : 1);
}
console.log('building the web portal…');
const started = Date.now();
const r = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
  { cwd: web, stdio: 'inherit' },
);
if (r.status !== 0) process.exit(r.status ?? 1);
console.log(`web portal built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
