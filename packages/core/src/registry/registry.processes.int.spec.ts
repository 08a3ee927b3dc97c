import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCertificateBundle } from '@shuliu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { seedDemo } from '../demo/index.js';
import { createServices } from '../services.js';
import { approvedRegistrations, createTestDatabase, loginAs, testDbKind } from '../testing/index.js';

// Two server instances on one database need PostgreSQL: PGlite is one process by design.
describe.runIf(testDbKind() === 'postgres')('issuance from two instances on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let second: Database;
  let blobDir: string;
  let config: ReturnType<typeof loadConfig>;

  beforeAll(async () => {
    blobDir = mkdtempSync(join(tmpdir(), 'shuliu-registry-processes-'));
    config = loadConfig({}, { masterKey: '4b'.repeat(32), blobDir, logLevel: 'silent' });
    database = await createTestDatabase({ poolSize: 10 });
    second = await openDatabase({ url: database.url, poolSize: 10 });
    await seedDemo(database.db, config, { catalog: false });
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await database?.close();
    if (blobDir) rmSync(blobDir, { recursive: true, force: true });
  });

  it('gives 20 concurrent issuances 20 distinct numbers, one consistent ledger, every bundle valid', async () => {
    const [a, b] = [createServices(database.db, config), createServices(second.db, config)];
    const ids = await approvedRegistrations(a, 20);
    const [opA, opB] = [await loginAs(a, 'operator'), await loginAs(b, 'operator')];
    const issued = await Promise.all(
      ids.map((id, i) => (i % 2 ? b : a).registry.issuance.issue(i % 2 ? opB : opA, id)),
    );
    const numbers = issued.map((x) => x.resultCertificateNo);
    expect(new Set(numbers).size).toBe(20);
    expect(await a.ledger.verify()).toMatchObject({ ok: true });
    const key = (await a.crypto.keys.listSigningKeys())[0]!.publicKey;
    for (const no of numbers) {
      const bundle = await b.registry.verify.verify(no!);
      expect(verifyCertificateBundle(bundle, { trustedKeys: [key] }).valid, no!).toBe(true);
    }
  }, 120_000);
});
