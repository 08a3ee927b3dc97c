import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, loadConfig, migrate, openDatabase } from '@shuliu/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from './verify-ledger.js';

const BIN = join(import.meta.dirname, '../../bin/shuliu.mjs');
const dataDir = mkdtempSync(join(tmpdir(), 'shuliu-ledger-cli-'));
const MASTER_KEY = '3d'.repeat(32);
// the ledger commands run on an embedded database of their own, whichever database the suite uses
const env = { ...process.env, DATABASE_URL: '', SHULIU_DATA_DIR: dataDir, SHULIU_MASTER_KEY: MASTER_KEY };
// each step starts a CLI process (and most open the embedded database): slow on a busy machine
const SLOW = 120_000;
const run = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });

async function withLedger<T>(
  fn: (s: ReturnType<typeof createServices>, db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
) {
  const database = await openDatabase({ dataDir });
  try {
    await migrate(database.db);
    return await fn(
      createServices(database.db, loadConfig({}, { dataDir, masterKey: MASTER_KEY })),
      database,
    );
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  await withLedger(async (s) => {
    for (const n of [3, 9, 20])
      await s.ledger.append(
        Array.from({ length: n }, (_, i) => ({
          type: 'contract.signed' as const,
          objectType: 'contract',
          objectId: `ctr_${n}_${i}`,
          object: { n, i },
        })),
      );
  });
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('shuliu ledger and shuliu verify-ledger', () => {
  it(
    'verifies an intact ledger, proves an entry, and the bundle checks out offline',
    () => {
      const ok = run('ledger', 'verify');
      expect(ok.stdout).toMatch(/ledger intact: 32 entries, 3 signed checkpoints/);
      expect(ok.status).toBe(0);
      const out = join(dataDir, 'inclusion.json');
      expect(
        run('ledger', 'prove', 'inclusion', '--index', '17', '--tree-size', '32', '-o', out).status,
      ).toBe(0);
      const check = spawnSync(process.execPath, [BIN, 'verify-ledger', out], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH },
      });
      expect(check.stderr).toBe('');
      expect(check.stdout).toMatch(
        /VALID: entry 17 \(contract.signed ctr_20_5\) is in shuliu.local\/ledger at size 32/,
      );
    },
    SLOW,
  );

  it(
    'rejects a tampered bundle, a wrong key, and a consistency proof between mismatched roots',
    async () => {
      const out = join(dataDir, 'consistency.json');
      expect(run('ledger', 'prove', 'consistency', '--from', '3', '-o', out).status).toBe(0);
      const consistency = JSON.parse(readFileSync(out, 'utf8')) as {
        older: { rootHash: string };
        newer: { publicKey: string };
      };
      expect(await verifyBundle(consistency)).toMatchObject({ ok: true });
      expect(await verifyBundle(consistency, consistency.newer.publicKey)).toMatchObject({ ok: true });
      expect(await verifyBundle(consistency, `04${'1'.repeat(128)}`)).toMatchObject({
        ok: false,
        message: /not the key you gave/,
      });
      const inclusion = JSON.parse(readFileSync(join(dataDir, 'inclusion.json'), 'utf8')) as {
        entry: { entry: string };
        checkpoint: { body: string; treeSize: number };
        proof: { auditPath: string[] };
      };
      const edit = <T>(f: (b: T) => void) => {
        const copy = structuredClone(inclusion) as T;
        f(copy);
        return verifyBundle(copy);
      };
      expect(
        await edit<typeof inclusion>((b) => (b.entry.entry = b.entry.entry.replace('ctr_20_5', 'ctr_20_6'))),
      ).toMatchObject({
        ok: false,
        message: /does not hash to its leaf hash/,
      });
      expect(await edit<typeof inclusion>((b) => b.proof.auditPath.reverse())).toMatchObject({
        ok: false,
        message: /another root/,
      });
      expect(
        await edit<typeof inclusion>((b) => (b.checkpoint.body = b.checkpoint.body.replace('32', '33'))),
      ).toMatchObject({
        ok: false,
      });
      expect(await verifyBundle({ kind: 'nonsense' })).toMatchObject({
        ok: false,
        message: /not a proof bundle/,
      });
      const wrongRoot = {
        ...consistency,
        older: { ...consistency.older, rootHash: consistency.newer.publicKey },
      };
      expect(await verifyBundle(wrongRoot)).toMatchObject({ ok: false });
    },
    SLOW,
  );

  it(
    'names the first bad index when an entry row was edited',
    async () => {
      await withLedger(async (_s, database) => {
        await sql`update ledger_entries set entry = replace(entry, 'ctr_20_4', 'ctr_20_5') where idx = 16`.execute(
          database.db,
        );
      });
      const r = run('ledger', 'verify');
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/ledger BROKEN at index 16: entry 16 was altered/);
    },
    SLOW,
  );
});
