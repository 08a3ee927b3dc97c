import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createTestDatabase } from '../testing/index.js';
import { CheckLog } from './check-log.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const ROOT = join(import.meta.dirname, '../../../..');
const TSX = join(ROOT, 'apps/cli/bin/tsx-run.mjs');
const CHILD = join(import.meta.dirname, 'check-log.crash-child.ts');
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(() => database.close());
beforeEach(async () => {
  await sql`truncate consent_checks`.execute(database.db);
});

const row = (i: number, fields = ['name']) => ({
  subject_user_id: `usr_${i}`,
  version_id: 'scv_x',
  grant_id: null,
  fields,
  allowed: false,
  reason: 'no_grant',
  caller_org_id: null,
});
const logged = async () =>
  (
    await database.db
      .selectFrom('consent_checks')
      .select(['subject_user_id', 'fields'])
      .orderBy('id')
      .execute()
  ).map((r) => [r.subject_user_id, r.fields]);

describe('the consent check log', () => {
  it('writes a field name holding U+0000 (as U+FFFD) and the rows queued with it', async () => {
    const log = new CheckLog(database.db);
    await Promise.all([log.write(row(1)), log.write(row(2, ['a\0b'])), log.write(row(3))]);
    expect(await logged()).toEqual([
      ['usr_1', ['name']],
      ['usr_2', ['a\uFFFDb']],
      ['usr_3', ['name']],
    ]);
    expect(log.failures).toBe(0);
  });

  it('answers a check only once its row is committed: a refused write fails the checks in it', async () => {
    const log = new CheckLog(database.db);
    await sql`alter table consent_checks rename to consent_checks_away`.execute(database.db);
    try {
      await expect(log.write(row(1))).rejects.toThrow(/consent_checks/);
      expect(log.failures).toBe(1);
    } finally {
      await sql`alter table consent_checks_away rename to consent_checks`.execute(database.db);
    }
    await log.write(row(2));
    expect(await logged()).toEqual([['usr_2', ['name']]]);
    expect(log.waiting).toBe(0);
  });

  it('groups concurrent checks into a few INSERTs, each answered once its group committed', async () => {
    const log = new CheckLog(database.db);
    await Promise.all(Array.from({ length: 60 }, (_, i) => log.write(row(i))));
    expect((await logged()).length).toBe(60);
    // rows written by one INSERT share its transaction id
    const { groups } = (
      await sql<{
        groups: number;
      }>`select count(distinct xmin::text)::int as groups from consent_checks`.execute(database.db)
    ).rows[0]!;
    expect(groups).toBeLessThanOrEqual(4);
    await log.flush();
  });

  it('loses no answered check when its process is killed with -9', { timeout: 120_000 }, async () => {
    let target = database.url;
    let dir: string | undefined;
    if (!target) {
      dir = mkdtempSync(join(tmpdir(), 'shuliu-checklog-'));
      const d = await openDatabase({ dataDir: dir });
      await migrate(d.db);
      await d.close();
      target = dir;
    } else await sql`truncate consent_checks`.execute(database.db);
    const child = spawn(process.execPath, [TSX, CHILD, target], { cwd: ROOT });
    const answered: string[] = [];
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (l) => {
        if (l.startsWith('answered ')) answered.push(l.slice(9));
        if (answered.length === 400) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', (c, signal) => signal !== 'SIGKILL' && reject(new Error(`child exited ${c}`)));
    });
    await new Promise((r) => child.once('close', r));
    const after = dir ? await openDatabase({ dataDir: dir }) : database;
    try {
      const rows = await after.db.selectFrom('consent_checks').select('subject_user_id').execute();
      const written = new Set(rows.map((r) => r.subject_user_id));
      expect(answered.filter((s) => !written.has(s))).toEqual([]);
    } finally {
      if (dir) {
        await after.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
