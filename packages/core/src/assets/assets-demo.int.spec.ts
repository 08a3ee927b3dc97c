import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyValuationBundle } from '@shuliu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { seedDemo } from '../demo/index.js';
import { createServices, type Services } from '../services.js';
import { createTestDatabase, loginAs } from '../testing/index.js';

// The data-asset part of the demo as `npm start` seeds it, on the registry's certificates.
describe('the data asset demo', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let blobDir: string;
  let s: Services;

  beforeAll(async () => {
    blobDir = mkdtempSync(join(tmpdir(), 'shuliu-assets-demo-'));
    const config = loadConfig({}, { masterKey: '5d'.repeat(32), blobDir, logLevel: 'silent' });
    database = await createTestDatabase();
    expect((await seedDemo(database.db, config)).seeded).toBe(true);
    s = createServices(database.db, config);
  }, 600_000);
  afterAll(async () => {
    await database?.close();
    if (blobDir) rmSync(blobDir, { recursive: true, force: true });
  });

  it('holds 齐鲁数据’s ledger: a signed valuation that verifies, a 出资入股, a pledged certificate, inventory', async () => {
    const merchant = await loginAs(s, 'merchant');
    const page = await s.assets.ledger.list(merchant, { page: 1, pageSize: 20 });
    expect(page.items.map((a) => a.classification).sort()).toEqual(['intangible', 'intangible', 'inventory']);
    const details = await Promise.all(page.items.map((a) => s.assets.ledger.get(merchant, a.id)));
    const credit = details.find((a) => a.name === '齐鲁企业信用画像标签库')!;
    expect(credit.amortization!.schedule).toHaveLength(60);
    expect(credit.contributions).toHaveLength(1);
    const signed = credit.valuations.find((v) => v.status === 'signed')!;
    const bundle = await s.assets.valuations.bundle(merchant, signed.id);
    expect(verifyValuationBundle(bundle).failure).toBeNull();
    const index = details.find((a) => a.name === '小微企业经营景气指数')!;
    expect(index.certificates).toEqual([expect.objectContaining({ pledged: true })]);
    expect(index.impairments).toHaveLength(1);
    expect(index.valuations[0]!.status).toBe('draft');
    const disclosure = await s.assets.disclosure.disclosure(merchant, { year: 2026 });
    expect(disclosure.rows.length).toBeGreaterThanOrEqual(3);
  });
});
