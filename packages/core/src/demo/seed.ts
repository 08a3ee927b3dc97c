import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { createServices } from '../services.js';
import { systemContext, type RequestContext } from '../shared/context.js';
import { loginAs } from './demo-login.js';
import { seedCatalogDemo } from './catalog-demo.js';
import { seedConsentDemo } from './consent-demo.js';
import { seedRegistryDemo } from './registry-demo.js';
import { seedOrgKeysDemo } from './org-keys-demo.js';
import { MarketDemo } from './market-demo.js';
import { seedTradeDemo } from './trade-demo.js';
import { seedOrdersDemo } from './orders-demo.js';
import { seedSettlementDemo } from './settlement-demo.js';
import { seedComputeDemo } from './compute-demo.js';
import { seedMarketDemandsDemo } from './market-demands-demo.js';
import { seedDcmmDemo } from './dcmm-demo.js';
import { seedQualityProgrammesDemo } from './quality-programmes-demo.js';
import { seedQualityDemo } from './quality-demo.js';
import { seedAssetsDemo } from './assets-demo.js';
import { DEMO_APPLICANTS, DEMO_PASSWORD, DEMO_PLATFORM_ORGS, DEMO_EXTRA_USERS } from './demo-data.js';

export { DEMO_PASSWORD };

export interface SeedResult {
  seeded: boolean;
  orgs: number;
  users: number;
}

/**
 * Seeds a believable province platform on an empty database by running the real flows: the data bureau
 * is bootstrapped as operator, every other org applies and is reviewed, admins add their staff.
 */
export async function seedDemo(
  db: Kysely<DB>,
  config: Config,
  opts: { catalog?: boolean; registry?: boolean } = {},
): Promise<SeedResult> {
  const s = createServices(db, config);
  if (!(await s.identity.bootstrap.isEmpty())) return { seeded: false, orgs: 0, users: 0 };
  const sys = systemContext('demo-seed');
  // a living ledger: the platform's signing key, the empty log's checkpoint, then audit anchors as it grows
  await s.crypto.keys.ensureSigningKey(sys);
  await s.ledger.ensureCheckpoint();
  let users = 0;
  const orgIds = new Map<string, string>();
  for (const o of DEMO_PLATFORM_ORGS) {
    const orgId = await s.identity.bootstrap.createActiveOrg(sys, o.org);
    orgIds.set(o.key, orgId);
    for (const u of o.users) {
      await s.identity.bootstrap.createActiveUser(sys, { ...u, password: DEMO_PASSWORD, orgId });
      users++;
    }
  }
  await s.ledger.anchorAuditChain(sys, { force: true });
  const operator = await loginAs(s, 'operator');
  for (const a of DEMO_APPLICANTS) {
    const app = await s.identity.onboarding.submit(ctx(), {
      org: { ...a.org, merchantKinds: a.org.merchantKinds ?? [], providerKinds: a.org.providerKinds ?? [] },
      admin: { ...a.admin, password: DEMO_PASSWORD },
      declarations: ['truthful', 'lawfulOperation', 'dataSecurity', 'acceptRules'],
    });
    users++;
    orgIds.set(a.key, app.org.id);
    if (a.decision === 'approve') await s.identity.onboarding.approve(operator, app.id, a.note);
    if (a.decision === 'reject') await s.identity.onboarding.reject(operator, app.id, a.note ?? '材料不全');
  }
  for (const u of DEMO_EXTRA_USERS) {
    const admin = await loginAs(s, u.createdBy);
    await s.identity.users.create(admin, { ...u.user, password: DEMO_PASSWORD, orgId: orgIds.get(u.orgKey) });
    users++;
  }
  const keys = await seedOrgKeysDemo(s);
  // DCMM self-assessments stand on accounts alone
  await seedDcmmDemo(s);
  // the catalog (files, profiles, derivatives, sharing, survey) is skipped where only accounts are needed
  if (opts.catalog ?? true) {
    await seedCatalogDemo(s);
    // quality rules and a trend of real runs on the catalog's data files
    await seedQualityDemo(s);
    // certificates and consent grants: in the demo a person opens, not in test servers that seed their own
    if (opts.registry ?? true) {
      // the market lists on the registry's certificates (one listing before its certificate is frozen)
      const market = await new MarketDemo(s).login();
      await seedRegistryDemo(s, { beforeFreeze: (refs) => market.beforeFreeze(refs) });
      await seedConsentDemo(s);
      const products = await market.seed();
      // buyers' demands, matched against the listed products (and each product listed later)
      await seedMarketDemandsDemo(s);
      // negotiations on the listings, in every open state
      const trade = await seedTradeDemo(s, products, keys);
      // a contract of each model text and orders in every state of the escrow
      const orders = await seedOrdersDemo(s, products, trade.creditContractNo);
      // the compute agent's datasets, release policy and queued jobs, on the joint-modelling contract
      await seedComputeDemo(s, orders.contracts.fusion_development);
      // last month settled into statements, the report's revenue shared among three contributors
      await seedSettlementDemo(s, products);
      // 高质量数据集 designated and in review; quality complaints on two of those orders
      await seedQualityProgrammesDemo(s, orders.orders);
      // 数据资产: 齐鲁数据's ledger on its certificates (one pledged above), a signed valuation and 出资入股
      await seedAssetsDemo(s);
    }
  }
  await s.ledger.anchorAuditChain(sys, { force: true });
  return { seeded: true, orgs: orgIds.size, users };
}

const ctx = (): RequestContext => ({
  requestId: 'demo-seed',
  ip: '127.0.0.1',
  userAgent: 'shuliu-demo',
  principal: null,
  audited: false,
});
