import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fromBase64, fromHex, sm3Hasher, verifyInclusion } from '@shuliu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createServices } from '../services.js';
import { createTestDatabase, testDbKind } from '../testing/index.js';

const ROOT = join(import.meta.dirname, '../../../..');
const MASTER_KEY = '7c'.repeat(32);

/** A worker process, started and connected; `go()` lets it append and resolves to the ranges it got. */
async function worker(url: string, tag: string, batches: number, size: number) {
  const child = spawn(
    process.execPath,
    [
      'apps/cli/bin/tsx-run.mjs',
      'packages/core/src/ledger/append-worker.ts',
      url,
      tag,
      String(batches),
      String(size),
      MASTER_KEY,
    ],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const [first] = (await Promise.race([once(lines, 'line'), exited.then(() => ['exited'])])) as [string];
  if (first !== 'ready') throw new Error(`worker ${tag} did not start`);
  return {
    go: async () => {
      child.stdin.end('go\n');
      const [result] = (await once(lines, 'line')) as [string];
      if ((await exited) !== 0) throw new Error(`worker ${tag} failed`);
      return JSON.parse(result) as { first: number; size: number }[];
    },
  };
}

// Two processes on one database need PostgreSQL: PGlite is one process by design.
describe.runIf(testDbKind() === 'postgres')('ledger appends from two processes on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  it('interleave into one log: no index lost or given twice, every proof valid', async () => {
    // both start at one signal, and also race to create the platform's first signing key
    const [wa, wb] = await Promise.all([
      worker(database.url!, 'a', 15, 20),
      worker(database.url!, 'b', 15, 20),
    ]);
    const [a, b] = await Promise.all([wa.go(), wb.go()]);
    const ranges = [...a, ...b].sort((x, y) => x.first - y.first);
    let expected = 0;
    for (const r of ranges) {
      expect(r.first).toBe(expected);
      expected += r.size;
    }
    expect(expected).toBe(600);
    // the two processes' batches really did interleave
    expect(a.some((r) => r.first > Math.min(...b.map((x) => x.first)))).toBe(true);

    const { ledger, crypto } = createServices(database.db, loadConfig({}, { masterKey: MASTER_KEY }));
    expect(await ledger.verify(128)).toMatchObject({ ok: true, treeSize: 600, checkpoints: 30 });
    expect(await crypto.keys.listSigningKeys()).toHaveLength(1);
    const c = await ledger.checkpoint();
    for (const i of [0, 1, 299, 300, 598, 599]) {
      const p = await ledger.inclusionProof(i);
      const leaf = fromHex((await ledger.entry(i)).leafHash);
      verifyInclusion(sm3Hasher, i, 600, leaf, p.auditPath.map(fromHex), fromBase64(c.rootHash));
    }
  }, 120_000);
});
