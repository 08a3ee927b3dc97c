import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { DB } from './db/schema.js';
import { AuditService } from './audit/index.js';
import { BlobStore } from './blobs/index.js';
import { createCatalog, fileLimitsOf } from './catalog/index.js';
import { createConsent, fieldsOf, idCardDigester, scenarioVersionOf } from './consent/index.js';
import { KeyService, OrgKeysService, resolveMasterKey, type MasterKey } from './crypto/index.js';
import { createIdentity } from './identity/index.js';
import { LedgerService } from './ledger/index.js';
import { NotificationService } from './notifications/index.js';
import { createRegistry, RegistrySettingsService } from './registry/index.js';
import { createSettings } from './settings/index.js';
import { createSharing } from './sharing/index.js';
import { createMarket } from './market/index.js';
import { createTrade, meteredCharges } from './trade/index.js';
import { createCompute } from './compute/index.js';
import { createQuality, type ComplaintDeps } from './quality/index.js';
import { createAssets } from './assets/index.js';

const TRACE_MAX_BYTES = 64 * 1024 ** 2;

/**
 * Every domain, wired to one database: `services.<domain>.<service>` (`services.catalog.resources`), or
 * `services.<domain>` itself for a domain that is one service (`services.ledger`). The HTTP server and the CLI
 * both start from here; each domain's factory builds its services, and this only hands them what they need.
 */
export function createServices(db: Kysely<DB>, config: Config) {
  // the master key is resolved on first use: commands that never touch keys (migrate, audit verify) need none
  let masterKey: MasterKey | undefined;
  const keys = new KeyService(db, () => (masterKey ??= resolveMasterKey(config)));
  // crypto: the platform's keys, and the keys orgs sign declarations and contracts with
  const crypto = { keys, orgKeys: new OrgKeysService(db, keys) };
  const ledger = new LedgerService(db, keys, config);
  const blobs = new BlobStore(config.blobDir, keys);
  // 平台规则: the operator's rule values and the one working-day calendar every deadline counts on
  const settings = createSettings({ db });
  const { calendar } = settings;
  const catalog = createCatalog({
    db,
    blobs,
    fileLimits: fileLimitsOf(config),
    grading: (tx) => settings.settings.grading(tx),
    pseudonymKey: (orgId) => keys.deriveSecret(`pseudonym:${orgId}`),
    subjectDigest: idCardDigester(keys),
  });
  const { resources } = catalog;
  const registry = createRegistry({
    db,
    resources,
    files: catalog.files,
    ledger,
    keys,
    blobs,
    settings: new RegistrySettingsService(db, calendar),
    ledgerOrigin: config.ledgerOrigin,
    uploadMaxBytes: config.uploadMaxBytes,
    now: () => new Date(),
  });
  const consent = createConsent({
    db,
    keys,
    ledger,
    resources,
    sectors: catalog.sectors,
    settings: { refusalCoolDownDays: config.consentCoolDownDays, maxGrantDays: config.consentMaxGrantDays },
  });
  // an enterprise authorization (企业授权) opens the resources it names to the org it names
  resources.useGrants((tx, org, resourceId, grade) => consent.orgGrants.grantFor(tx, org, resourceId, grade));
  const sharing = createSharing({
    db,
    resources,
    periods: {
      sharing: (tx = db) => settings.settings.sharing(tx),
      deadline: calendar.deadline.bind(calendar),
    },
  });
  // 数据质量: rules per resource, runs on upload, on schedule and on demand, the listing gate
  const quality = createQuality({
    db,
    resources,
    files: catalog.files,
    readBlob: (key) => blobs.read(key),
    zipLimits: fileLimitsOf(config).zip,
    // complaints read orders and products through the trade and the market wired below, in `services`
    complaints: {
      orderOf: (ctx, id): ReturnType<ComplaintDeps['orderOf']> => services.trade.orders.get(ctx, id),
      productResources: async (ctx, id): Promise<string[]> =>
        (await services.market.products.get(ctx, id)).resources.map((r: { id: string }) => r.id),
    },
  });
  const services = {
    db,
    identity: createIdentity({ db, config }),
    audit: new AuditService(db),
    notifications: new NotificationService(db),
    crypto,
    ledger,
    settings,
    catalog,
    sharing,
    registry,
    consent,
    market: createMarket({
      db,
      keys,
      orgKeys: crypto.orgKeys,
      ledger,
      resources,
      sectors: catalog.sectors,
      registry,
      consent,
      qualityGate: quality.listingGate,
      now: () => new Date(),
    }),
    trade: createTrade(
      {
        db,
        keys,
        orgKeys: crypto.orgKeys,
        ledger,
        now: () => new Date(),
        files: {
          blobs,
          fingerprintKey: () => keys.deriveSecret('trade-fingerprint'),
          zipLimits: fileLimitsOf(config).zip,
          // a leak is read whole into memory: bounded well below an upload's limit
          traceMaxBytes: Math.min(config.uploadMaxBytes, TRACE_MAX_BYTES),
        },
        gateway: {
          allowPrivateUpstreams: config.gatewayAllowPrivateUpstreams,
          defaultRatePerSecond: config.gatewayDefaultRatePerSecond,
          maxRatePerSecond: config.gatewayMaxRatePerSecond,
        },
      },
      {
        platformFeeBp: async (tx) => (await settings.settings.trade(tx)).platformFeeBp,
        metered: meteredCharges,
      },
    ),
    quality,
    compute: createCompute({
      db,
      ledger,
      now: () => new Date(),
      blobs,
      outputMaxBytes: config.uploadMaxBytes,
      derivatives: {
        adopt: (tx, ctx, d) => catalog.masking.adopt(tx, ctx, d),
        profile: (fileId, orgId) => catalog.files.startProfiling(fileId, orgId),
      },
      grants: {
        orgGrant: (tx, orgId, resourceId) => consent.orgGrants.usableBy(tx, orgId, resourceId),
        operation: (ctx, resourceId) => consent.operations.access(ctx, resourceId),
        operationGrantOf: async (tx, orgId, resourceId) =>
          (await consent.operations.operationOf(tx, orgId, resourceId))?.grantId ?? null,
        scenarioVersion: async (tx, versionId) => {
          const v = await scenarioVersionOf(tx, versionId);
          return v
            ? { orgId: v.org_id, status: v.status, purpose: v.purpose, title: v.title, fields: fieldsOf(v) }
            : null;
        },
        consentingCount: (tx, versionId, at, held) =>
          consent.persons.consentingCount(tx, versionId, at, held),
        consentingIdCards: (db, versionId, at, held) =>
          consent.persons.consentingIdCards(db, versionId, at, held),
      },
    }),
    // 数据资产: the asset ledger, accounting, signed valuations and 出资入股
    assets: createAssets({ db, keys, orgKeys: crypto.orgKeys, ledger, now: () => new Date() }),
  };
  return services;
}
export type Services = ReturnType<typeof createServices>;
export * as demo from './demo/index.js';
