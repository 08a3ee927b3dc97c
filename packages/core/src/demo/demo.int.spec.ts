import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyContractBundle, verifyOrgSignature, type Product } from '@shuliu/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import {
  DEMO_AGENT_NAME,
  DEMO_DATASET,
  DEMO_APPLICANTS_AGENT_NAME,
  demoAgent,
  demoAgentSigner,
  demoCreditProfiles,
  seedDemo,
} from './index.js';
import { createServices, type Services } from '../services.js';
import { createTestDatabase, loginAs } from '../testing/index.js';

// The whole demo as `npm start` seeds it: what a new user finds in the market.
describe('the demo platform', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let blobDir: string;
  let s: Services;
  let all: Product[];

  beforeAll(async () => {
    blobDir = mkdtempSync(join(tmpdir(), 'shuliu-demo-'));
    const config = loadConfig({}, { masterKey: '5c'.repeat(32), blobDir, logLevel: 'silent' });
    database = await createTestDatabase();
    expect((await seedDemo(database.db, config)).seeded).toBe(true);
    s = createServices(database.db, config);
    const operator = await loginAs(s, 'operator');
    const ids = await database.db.selectFrom('market_products').select('id').execute();
    all = await Promise.all(ids.map((r) => s.market.products.get(operator, r.id)));
  }, 600_000);
  afterAll(async () => {
    await database?.close();
    if (blobDir) rmSync(blobDir, { recursive: true, force: true });
  });

  it('lists products in every delivery mode on three boards, one government-guided, each signed by its org', async () => {
    const published = all.filter((p) => p.status === 'published');
    expect(published.length).toBeGreaterThanOrEqual(5);
    expect(new Set(published.flatMap((p) => p.boards.map((b) => b.code))).size).toBeGreaterThanOrEqual(3);
    expect(new Set(published.flatMap((p) => p.deliveryModes))).toEqual(
      new Set(['api', 'compute', 'report', 'file']),
    );
    expect(published.find((p) => p.priceModel?.kind === 'government_guided')?.priceModel).toMatchObject({
      capFen: 50_00,
    });
    for (const p of published) {
      expect(p.listing?.ledgerIndex).toEqual(expect.any(Number));
      expect(p.certificateNos.length).toBeGreaterThan(0);
      const sig = p.declaration.signature!;
      const key = await s.crypto.orgKeys.list(p.orgId);
      const pub = key.find((k) => k.id === sig.keyId)!;
      expect(verifyOrgSignature(p.declaration.document, sig.signature, pub.publicKey)).toBe(true);
    }
    const found = await s.market.search.search({
      q: '信用',
      page: 1,
      pageSize: 20,
      sort: 'relevance',
    } as never);
    expect(found.total).toBeGreaterThan(0);
  });

  it('shows one product in review, one rejected with its reason, one suspended by its frozen certificate', () => {
    expect(all.filter((p) => p.status === 'in_review')).toHaveLength(1);
    expect(all.find((p) => p.status === 'rejected')?.rejectionReason).toMatch(/去标识化/);
    expect(all.find((p) => p.status === 'suspended')?.suspensionReason).toMatch(/已冻结/);
  });

  it('holds buyers’ demands, some matched well to listed products and both sides told', async () => {
    const demands = await database.db.selectFrom('market_demands').select('id').execute();
    expect(demands.length).toBeGreaterThanOrEqual(3);
    const good = await database.db
      .selectFrom('market_demand_matches')
      .select(['demand_id', 'score', 'notified_at'])
      .where('score', '>=', 60)
      .execute();
    expect(good.length).toBeGreaterThan(0);
    expect(good.every((m) => m.notified_at !== null)).toBe(true);
  });

  it('holds negotiations in every state, and a signed contract of each of the four model texts', async () => {
    const rows = await database.db.selectFrom('trade_negotiations').select(['state', 'round']).execute();
    expect(new Set(rows.map((r) => r.state))).toEqual(
      new Set(['finalized', 'offered', 'requested', 'terminated']),
    );
    expect(rows.some((r) => r.state === 'finalized' && r.round === 2)).toBe(true);
    const contracts = await database.db
      .selectFrom('trade_contracts')
      .select(['contract_no', 'template', 'state'])
      .execute();
    expect(new Set(contracts.filter((c) => c.state === 'concluded').map((c) => c.template))).toEqual(
      new Set(['provision', 'entrusted_processing', 'fusion_development', 'intermediary']),
    );
    // each signed by both and concluded, checks offline
    const regulator = await loginAs(s, 'regulator');
    for (const c of contracts) {
      const bundle = await s.trade.contracts.bundle(regulator, c.contract_no);
      expect(verifyContractBundle(bundle)).toMatchObject({ valid: true, concluded: true });
    }
  });

  it('holds orders in every state of the escrow', async () => {
    const rows = await database.db.selectFrom('trade_orders').select('state').execute();
    expect(new Set(rows.map((r) => r.state))).toEqual(
      new Set(['awaiting_payment', 'paid', 'delivered', 'accepted', 'disputed', 'cancelled', 'refunded']),
    );
    // a fingerprinted download of the footfall file, and a week of calls on the credit API's key
    expect(await database.db.selectFrom('trade_downloads').select('id').execute()).toHaveLength(1);
    const days = await database.db
      .selectFrom('trade_api_usage')
      .select((e) => e.fn.count<number>(sql`distinct date_trunc('day', at)`).as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(days.n)).toBeGreaterThanOrEqual(7);
  });

  it('settles last month into statements that sum to the gross, the report shared among three contributors', async () => {
    const periods = await database.db.selectFrom('trade_settlement_periods').selectAll().execute();
    const closed = periods.find((p) => p.state === 'closed')!;
    // the four reports, and the credit API's calls made within the month
    expect(Number(closed.orders)).toBeGreaterThanOrEqual(4);
    const lines = await database.db
      .selectFrom('trade_statement_lines')
      .select(['role', 'fen', 'org_id'])
      .where('period', '=', closed.period)
      .execute();
    expect(lines.reduce((n, l) => n + Number(l.fen), 0)).toBe(Number(closed.gross_fen));
    expect(lines.some((l) => l.role === 'platform')).toBe(true);
    expect(new Set(lines.filter((l) => l.role === 'contributor').map((l) => l.org_id)).size).toBe(3);
    const [computation] = await database.db
      .selectFrom('trade_shapley_computations')
      .select('result')
      .execute();
    expect(computation).toBeDefined();
  });

  it('holds 齐鲁数据’s compute agent with its dataset and policy, and three jobs queued for it: one under the joint-modelling contract, one an anonymized export', async () => {
    const found = await demoAgent(s);
    expect(found!.agent).toMatchObject({ name: DEMO_AGENT_NAME, status: 'active', health: 'healthy' });
    expect(found!.agent.publicKey).toBe(demoAgentSigner(s).publicKeyHex);
    const [d] = found!.datasets;
    expect(d).toMatchObject({ name: DEMO_DATASET, rows: 6000, k: 20 });
    expect(d!.resourceId).not.toBeNull();
    const jobs = await s.compute.jobs.list(await loginAs(s, 'merchant'), {
      page: 1,
      pageSize: 10,
      side: 'owner',
    });
    expect(jobs.items.map((j) => [j.status, j.basis, j.kind])).toEqual(
      expect.arrayContaining([
        ['queued', 'owner', 'sql'],
        ['queued', 'contract', 'sql'],
        ['queued', 'owner', 'anonymize'],
        ['queued', 'contract', 'psi'],
        ['queued', 'contract', 'joint'],
      ]),
    );
    expect(demoCreditProfiles()).toHaveLength(6000);
    // 泉城数智's own agent holds the loan applicants the PSI job intersects with the profiles
    const applicants = await demoAgent(s, DEMO_APPLICANTS_AGENT_NAME, 'quancheng');
    expect(applicants!.agent.publicKey).toBe(demoAgentSigner(s, DEMO_APPLICANTS_AGENT_NAME).publicKeyHex);
    expect(applicants!.datasets[0]).toMatchObject({ name: 'loan_applicants', rows: 600 });
    // its list is catalogued with no file: a quality run waits for its agent, which checks it in its domain
    const resourceId = applicants!.datasets[0]!.resourceId!;
    const runs = await s.quality.reports.list(await loginAs(s, 'quancheng'), resourceId, {
      page: 1,
      pageSize: 5,
    });
    expect(runs.items.map((r) => [r.status, r.fileId, r.domain?.agentId])).toEqual([
      ['queued', null, applicants!.agent.id],
    ]);
  });

  it('keeps its audit chain whole', async () => {
    expect((await s.audit.verify()).ok).toBe(true);
  });
});
