import {
  fromBase64,
  fromHex,
  leafHash,
  parseCheckpointBody,
  sm3Hasher,
  verifyConsistency,
  verifyInclusion,
  LedgerEntry,
  type LedgerCheckpoint,
} from '@shuliu/contracts';
import { sql, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DEFAULT_SM2_ID, KeyService, parsePublicKey, resolveMasterKey, sm2Verify } from '../crypto/index.js';
import type { Database } from '../db/database.js';
import { AuditService } from '../audit/index.js';
import { systemContext } from '../shared/context.js';
import { createTestDatabase } from '../testing/index.js';
import { hasherFor } from './ledger.rules.js';
import type { LedgerAppend } from './ledger.entries.js';
import { LedgerService } from './ledger.service.js';

const config = loadConfig({}, { masterKey: '5a'.repeat(32) });
const masterKey = resolveMasterKey(config);

let database: Database;
let keys: KeyService;
let ledger: LedgerService;

const item = (i: number): LedgerAppend => ({
  type: i % 3 ? 'certificate.issued' : 'consent.granted',
  objectType: i % 3 ? 'certificate' : 'consent',
  objectId: `obj_${i}`,
  object: { n: i, name: `数据资源 ${i}` },
});

beforeAll(async () => {
  database = await createTestDatabase();
  keys = new KeyService(database.db, () => masterKey);
  ledger = new LedgerService(database.db, keys, config);
  // 5 batches of different sizes: 1 + 7 + 16 + 33 + 100 = 157 entries, 5 checkpoints (+1 for the empty tree)
  await ledger.ensureCheckpoint();
  let i = 0;
  for (const size of [1, 7, 16, 33, 100]) {
    await ledger.append(Array.from({ length: size }, () => item(i++)));
  }
});
afterAll(() => database.close());

const verifyCheckpoint = (c: LedgerCheckpoint) =>
  sm2Verify(parsePublicKey(c.publicKey), c.body, c.signature, DEFAULT_SM2_ID);

describe('the transparency ledger', () => {
  it('signs a C2SP checkpoint after every batch with the platform SM2 key', async () => {
    const c = await ledger.checkpoint();
    expect(c).toMatchObject({ origin: 'shuliu.local/ledger', treeSize: 157, hashAlg: 'sm3' });
    expect(parseCheckpointBody(c.body)).toEqual({ origin: c.origin, treeSize: 157, rootBase64: c.rootHash });
    expect(c.signature).toMatch(/^[0-9a-f]{128}$/);
    expect(verifyCheckpoint(c)).toBe(true);
    expect(verifyCheckpoint({ ...c, body: c.body.replace('157', '158') })).toBe(false);
    for (const size of [0, 1, 8, 24, 57]) expect(verifyCheckpoint(await ledger.checkpoint(size))).toBe(true);
    await expect(ledger.checkpoint(5)).rejects.toMatchObject({ code: 'LEDGER_CHECKPOINT_NOT_FOUND' });
  });

  it('serves each entry as the canonical JSON that was hashed, carrying the SM3 of its object', async () => {
    for (const { entry } of (await ledger.entries(1, 200)).items) LedgerEntry.parse(JSON.parse(entry));
    const e = await ledger.entry(3);
    const parsed = JSON.parse(e.entry) as Record<string, unknown>;
    expect(parsed).toMatchObject({ v: 1, type: 'consent.granted', objectId: 'obj_3' });
    expect(e.entry).toBe(JSON.stringify(Object.fromEntries(Object.entries(parsed).sort())));
    expect(e.leafHash).toBe(
      Buffer.from(leafHash(sm3Hasher, new TextEncoder().encode(e.entry))).toString('hex'),
    );
    await expect(ledger.entry(157)).rejects.toMatchObject({ code: 'LEDGER_ENTRY_NOT_FOUND', status: 404 });
  });

  it('proves every entry against the latest and an older signed root (verified with the browser SM3)', async () => {
    const latest = await ledger.checkpoint();
    const older = await ledger.checkpoint(24);
    for (let i = 0; i < 157; i++) {
      const leaf = fromHex((await ledger.entry(i)).leafHash);
      const p = await ledger.inclusionProof(i);
      verifyInclusion(sm3Hasher, i, 157, leaf, p.auditPath.map(fromHex), fromBase64(latest.rootHash));
      if (i < 24) {
        const q = await ledger.inclusionProof(i, 24);
        verifyInclusion(sm3Hasher, i, 24, leaf, q.auditPath.map(fromHex), fromBase64(older.rootHash));
      }
    }
  });

  it('proves consistency between every pair of checkpoints', async () => {
    const sizes = [1, 8, 24, 57, 157];
    for (const a of sizes)
      for (const b of sizes.filter((s) => s >= a)) {
        const [ca, cb] = [await ledger.checkpoint(a), await ledger.checkpoint(b)];
        const p = await ledger.consistencyProof(a, b);
        verifyConsistency(
          sm3Hasher,
          a,
          b,
          p.proof.map(fromHex),
          fromBase64(ca.rootHash),
          fromBase64(cb.rootHash),
        );
      }
  });

  it('answers a proof with O(log n) primary-key reads in two queries at most, never a scan', async () => {
    let queries = 0;
    let rows = 0;
    const counter: KyselyPlugin = {
      transformQuery: (a) => (queries++, a.node),
      transformResult: async (a) => ((rows += a.result.rows.length), a.result),
    };
    const counted = new LedgerService(database.db.withPlugin(counter), keys, config);
    await counted.inclusionProof(77, 157);
    expect(queries).toBeLessThanOrEqual(2);
    // one row per proof hash, two for a subtree at an odd level (stored one level down)
    expect(rows).toBeLessThanOrEqual(4 * Math.ceil(Math.log2(157)));
    queries = rows = 0;
    await counted.consistencyProof(57, 157);
    expect(queries).toBeLessThanOrEqual(2);
    expect(rows).toBeLessThanOrEqual(4 * Math.ceil(Math.log2(157)));
  });

  it('refuses entries that break the contract, before touching the log', async () => {
    const bad: Partial<LedgerAppend>[] = [
      { type: 'no.such' as never },
      { objectId: '' },
      { objectType: 'x'.repeat(41) },
      { objectSm3: 'ABC' },
      { attrs: [] as never },
    ];
    for (const b of bad)
      await expect(ledger.append([{ ...item(1), ...b }])).rejects.toMatchObject({
        code: 'LEDGER_ENTRY_INVALID',
        status: 400,
      });
    expect((await ledger.checkpoint()).treeSize).toBe(157);
  });

  it('refuses sizes beyond the log and indexes beyond the size as bad requests', async () => {
    await expect(ledger.inclusionProof(3, 158)).rejects.toMatchObject({
      code: 'LEDGER_TREE_SIZE_BEYOND_HEAD',
      status: 400,
    });
    await expect(ledger.inclusionProof(157)).rejects.toMatchObject({
      code: 'LEDGER_INDEX_OUT_OF_RANGE',
      status: 400,
    });
    await expect(ledger.consistencyProof(3, 200)).rejects.toMatchObject({ status: 400 });
    await expect(ledger.consistencyProof(9, 8)).rejects.toMatchObject({ status: 400 });
  });

  it('keeps one sequence under concurrent appends: no index lost or repeated', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => ledger.append([item(1000 + i), item(2000 + i)])));
    const r = await ledger.verify(50);
    expect(r).toMatchObject({ ok: true, treeSize: 181, checked: 181 });
    const ids = await database.db.selectFrom('ledger_entries').select('idx').orderBy('idx').execute();
    expect(ids.map((x) => Number(x.idx))).toEqual(Array.from({ length: 181 }, (_, i) => i));
  });
});

describe('tamper detection by `ledger verify`', () => {
  /** Runs `fn` on a transaction that is rolled back afterwards, so each test damages a fresh copy. */
  async function damaged(damage: string) {
    let report: Awaited<ReturnType<LedgerService['verify']>> | undefined;
    await database.db
      .transaction()
      .execute(async (tx) => {
        await sql.raw(damage).execute(tx);
        report = await new LedgerService(tx, keys, config).verify(40);
        throw new Error('rollback');
      })
      .catch((e: Error) => {
        if (e.message !== 'rollback') throw e;
      });
    return report!;
  }

  it('finds the edited entry when a leaf row was changed', async () => {
    const r = await damaged(
      `update ledger_entries set entry = replace(entry, 'obj_42', 'obj_43') where idx = 42`,
    );
    expect(r).toMatchObject({ ok: false, firstBadIndex: 42, checked: 42 });
    expect(r.problem).toMatch(/entry 42 was altered/);
  });

  it('finds the first leaf of an edited node row', async () => {
    const r = await damaged(
      `update ledger_nodes set hash = decode('${'00'.repeat(32)}', 'hex') where level = 4 and idx = 4`,
    );
    expect(r).toMatchObject({ ok: false, firstBadIndex: 64 });
    expect(r.problem).toMatch(/node 4:4 \(leaves 64…79\) was altered/);
  });

  it('finds a leaf hash edited together with its entry (the parent no longer matches)', async () => {
    const fake = `{"at":"2026-01-01T00:00:00.000Z","objectId":"obj_evil","objectSm3":"${'ab'.repeat(32)}","objectType":"certificate","type":"certificate.issued","v":1}`;
    const leaf = Buffer.from(leafHash(hasherFor('sm3'), Buffer.from(fake))).toString('hex');
    const r = await damaged(
      `update ledger_entries set entry = '${fake}', leaf_hash = decode('${leaf}', 'hex') where idx = 10`,
    );
    expect(r).toMatchObject({ ok: false, firstBadIndex: 8 });
    expect(r.problem).toMatch(/node 2:2 \(leaves 8…11\) was altered/);
  });

  it('finds entries cut from the end, and a missing node', async () => {
    const cut = await damaged(
      `delete from ledger_entries where idx >= 170; delete from ledger_nodes where (idx + 1) * power(2, level)::bigint > 170;
       update ledger_head set tree_size = 170`,
    );
    expect(cut).toMatchObject({ ok: false, firstBadIndex: 170 });
    expect(cut.problem).toMatch(/removed from the end/);
    const missing = await damaged(`delete from ledger_nodes where level = 2 and idx = 15`);
    expect(missing).toMatchObject({ ok: false, firstBadIndex: 60, problem: 'node 2:15 is missing' });
  });

  it('finds a checkpoint whose signature no longer matches', async () => {
    const r = await damaged(
      `update ledger_checkpoints set signature = decode('${'11'.repeat(64)}', 'hex') where tree_size = 24`,
    );
    expect(r).toMatchObject({ ok: false, firstBadIndex: 23 });
    expect(r.problem).toMatch(/signature of the checkpoint at size 24/);
  });
});

describe('audit anchoring and key rotation', () => {
  it('anchors the audit chain head, and skips when the chain has not moved', async () => {
    const audit = new AuditService(database.db);
    await audit.record(systemContext(), { action: 'test.event' });
    const a = await ledger.anchorAuditChain();
    expect(a.anchored).toBe(true);
    const entry = JSON.parse((await ledger.entry(a.index!)).entry) as {
      type: string;
      attrs: { seq: number; hash: string };
    };
    expect(entry).toMatchObject({ type: 'audit.anchor', attrs: { seq: a.auditSeq, hash: a.auditHash } });
    const verify = await audit.verify();
    expect(verify).toMatchObject({ ok: true, headSeq: a.auditSeq });
    const again = await ledger.anchorAuditChain();
    expect(again).toMatchObject({ anchored: false, index: a.index });
  });

  it('rotates the signing key: the new key signs from then on, old checkpoints keep verifying', async () => {
    const before = await ledger.checkpoint();
    const key = await ledger.rotateSigningKey(systemContext());
    const after = await ledger.checkpoint();
    expect(after.keyId).toBe(key.id);
    expect(after.keyId).not.toBe(before.keyId);
    expect(JSON.parse((await ledger.entry(after.treeSize - 1)).entry)).toMatchObject({
      type: 'key.rotated',
      objectId: key.id,
      attrs: { publicKey: key.publicKey, retired: before.keyId },
    });
    expect(verifyCheckpoint(before) && verifyCheckpoint(after)).toBe(true);
    expect((await ledger.listKeys()).map((k) => k.retiredAt === null)).toEqual([true, false]);
    expect(await ledger.verify()).toMatchObject({ ok: true });
  });
});

describe('a ledger with SHA-256 selected', () => {
  it('hashes with SHA-256 from its first checkpoint on, and its proofs verify with SHA-256', async () => {
    const db2 = await createTestDatabase();
    try {
      const k2 = new KeyService(db2.db, () => masterKey);
      const l2 = new LedgerService(db2.db, k2, { ...config, ledgerHashAlg: 'sha256' });
      await l2.append(Array.from({ length: 9 }, (_, i) => item(i)));
      const c = await l2.checkpoint();
      expect(c.hashAlg).toBe('sha256');
      const p = await l2.inclusionProof(4);
      const leaf = fromHex((await l2.entry(4)).leafHash);
      verifyInclusion(hasherFor('sha256'), 4, 9, leaf, p.auditPath.map(fromHex), fromBase64(c.rootHash));
      expect(() =>
        verifyInclusion(sm3Hasher, 4, 9, leaf, p.auditPath.map(fromHex), fromBase64(c.rootHash)),
      ).toThrow();
      // the log keeps its algorithm even when the setting changes later
      const l3 = new LedgerService(db2.db, k2, config);
      await l3.append([item(99)]);
      expect((await l3.checkpoint()).hashAlg).toBe('sha256');
      expect(await l3.verify()).toMatchObject({ ok: true, hashAlg: 'sha256', treeSize: 10 });
    } finally {
      await db2.close();
    }
  });
});
