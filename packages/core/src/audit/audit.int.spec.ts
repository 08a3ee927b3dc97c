import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { createTestDatabase } from '../testing/index.js';
import type { RequestContext } from '../shared/context.js';
import { auditRepository } from './audit.repository.js';
import { eventHash, GENESIS_HASH } from './audit.rules.js';
import { AuditService } from './audit.service.js';

const ctx = (n: number): RequestContext => ({
  requestId: `req-${n}`,
  ip: '10.0.0.1',
  userAgent: 'test',
  audited: false,
  principal: {
    kind: 'session',
    credentialId: 'ses_x',
    userId: 'usr_a',
    username: 'alice',
    displayName: 'Alice',
    orgId: 'org_a',
    roles: ['operator'],
    readOnly: false,
    expiresAt: null,
  },
});

let database: Database;
let audit: AuditService;

beforeAll(async () => {
  database = await createTestDatabase();
  audit = new AuditService(database.db);
});
afterAll(() => database.close());

beforeEach(async () => {
  await sql`truncate audit_events`.execute(database.db);
  await sql`update audit_head set seq = 0, hash = repeat('0', 64)`.execute(database.db);
  for (let i = 1; i <= 5; i++) {
    await audit.record(ctx(i), {
      action: 'test.thing',
      objectType: 'thing',
      objectId: `t${i}`,
      details: { n: i, nested: { z: 1, a: [1, 2] } },
    });
  }
});

describe('audit hash chain', () => {
  it('links each event to the one before and verifies intact', async () => {
    const page = await audit.list({}, 1, 10);
    expect(page.total).toBe(5);
    const [newest, prev] = page.items;
    expect(newest!.seq).toBe(5);
    expect(newest!.prevHash).toBe(prev!.hash);
    expect(newest!.actorName).toBe('alice');
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 5, headSeq: 5, firstBadSeq: null });
  });

  it('detects an edited row', async () => {
    await sql`update audit_events set outcome = 'failure' where seq = 3`.execute(database.db);
    expect(await audit.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: expect.stringMatching(/altered/),
    });
  });

  it('detects an edit hidden in the details JSON', async () => {
    await sql`update audit_events set details = jsonb_set(details, '{n}', '99') where seq = 2`.execute(
      database.db,
    );
    expect(await audit.verify()).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('detects a row whose hash was recomputed after an edit (the next link breaks)', async () => {
    await sql`update audit_events set actor_name = 'mallory', hash = repeat('a', 64) where seq = 2`.execute(
      database.db,
    );
    expect(await audit.verify()).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('detects a deleted row in the middle', async () => {
    await sql`delete from audit_events where seq = 4`.execute(database.db);
    expect(await audit.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      problem: expect.stringMatching(/missing/),
    });
  });

  it('detects deleted rows at the end through the chain head', async () => {
    await sql`delete from audit_events where seq >= 4`.execute(database.db);
    expect(await audit.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      problem: expect.stringMatching(/missing from the end/),
    });
  });

  it('verifies a chain longer than one page', async () => {
    expect(await audit.verify(2)).toMatchObject({ ok: true, checked: 5 });
  });

  it('keeps one unbroken chain under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => audit.record(ctx(100 + i), { action: 'test.concurrent' })),
    );
    const r = await audit.verify();
    expect(r).toMatchObject({ ok: true, checked: 45, headSeq: 45 });
  });

  it('hashes new events with SM3', async () => {
    const rows = await database.db.selectFrom('audit_events').select(['hash_alg']).execute();
    expect(rows.map((r) => r.hash_alg)).toEqual(Array(5).fill('sm3'));
    expect(await audit.verify()).toMatchObject({ ok: true, hashAlg: 'sm3' });
  });

  it('still verifies SHA-256 events written before the switch, and links SM3 events after them', async () => {
    await sql`truncate audit_events`.execute(database.db);
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 3; seq++) {
      const fields = {
        seq,
        id: `aud_legacy${String(seq).padStart(17, '0')}`,
        at: new Date(Date.UTC(2025, 0, seq)).toISOString(),
        actorId: null,
        actorName: 'legacy',
        orgId: null,
        action: 'legacy.event',
        objectType: null,
        objectId: null,
        outcome: 'success',
        requestId: null,
        ip: null,
        details: { seq },
      };
      const hash = eventHash('sha256', prev, fields);
      await auditRepository.insert(database.db, { ...fields, hashAlg: 'sha256', prevHash: prev, hash });
      prev = hash;
    }
    await audit.record(ctx(7), { action: 'test.after_switch' });
    await audit.record(ctx(8), { action: 'test.after_switch' });
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 5, hashAlg: 'sha256+sm3' });
    await sql`update audit_events set actor_name = 'forger' where seq = 2`.execute(database.db);
    expect(await audit.verify()).toMatchObject({ ok: false, firstBadSeq: 2 });
    await sql`update audit_events set actor_name = 'legacy', hash_alg = 'md5' where seq = 2`.execute(
      database.db,
    );
    expect(await audit.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      problem: expect.stringMatching(/unknown hash/),
    });
  });

  it('filters by action prefix, outcome, object and free text', async () => {
    await audit.record(ctx(9), { action: 'other.event', outcome: 'denied', objectId: 'special-object' });
    expect((await audit.list({ action: 'test.' }, 1, 50)).total).toBe(5);
    expect((await audit.list({ action: 'test*' }, 1, 50)).total).toBe(5);
    expect((await audit.list({ action: 'test.thing' }, 1, 50)).total).toBe(5);
    expect((await audit.list({ outcome: 'denied' }, 1, 50)).items.map((e) => e.action)).toEqual([
      'other.event',
    ]);
    expect((await audit.list({ q: 'special' }, 1, 50)).total).toBe(1);
    expect((await audit.list({ requestId: 'req-3' }, 1, 50)).items[0]!.objectId).toBe('t3');
    const p2 = await audit.list({}, 2, 2);
    expect(p2.items.map((e) => e.seq)).toEqual([4, 3]);
    expect(p2.total).toBe(6);
  });
});
