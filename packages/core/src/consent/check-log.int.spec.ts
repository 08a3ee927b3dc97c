import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { createTestDatabase } from '../testing/index.js';
import { CheckLog } from './check-log.js';

let database: Database;
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
    const log = new CheckLog(database.db, 10_000);
    await log.write(row(1));
    await log.write(row(2, ['a\0b']));
    await log.write(row(3));
    await log.flush();
    expect(await logged()).toEqual([
      ['usr_1', ['name']],
      ['usr_2', ['a\uFFFDb']],
      ['usr_3', ['name']],
    ]);
    expect(log.failures).toBe(0);
  });

  it('keeps its rows while the database refuses them, writes them once it takes them again', async () => {
    const log = new CheckLog(database.db, 10_000);
    await sql`alter table consent_checks rename to consent_checks_away`.execute(database.db);
    try {
      await log.write(row(1));
      await log.flush();
      expect(log.failures).toBe(1);
      expect(log.waiting).toBe(1);
      await log.write(row(2));
    } finally {
      await sql`alter table consent_checks_away rename to consent_checks`.execute(database.db);
    }
    await log.flush();
    expect(await logged()).toEqual([
      ['usr_1', ['name']],
      ['usr_2', ['name']],
    ]);
    expect(log.waiting).toBe(0);
  });

  it('gives up the oldest rows past its bound rather than grow without end, and counts them', async () => {
    const log = new CheckLog(database.db, 10_000, 1000, 3);
    await sql`alter table consent_checks rename to consent_checks_away`.execute(database.db);
    try {
      for (let i = 1; i <= 5; i++) await log.write(row(i));
      await log.flush();
      expect(log.dropped).toBe(2);
      expect(log.waiting).toBe(3);
    } finally {
      await sql`alter table consent_checks_away rename to consent_checks`.execute(database.db);
    }
    await log.flush();
    expect((await logged()).map(([u]) => u)).toEqual(['usr_3', 'usr_4', 'usr_5']);
  });
});
