import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { DB } from './db/schema.js';
import { AuditService } from './audit/index.js';
import {
  AuthService,
  BootstrapService,
  OnboardingService,
  OrgsService,
  UsersService,
} from './identity/index.js';
import { NotificationService } from './notifications/index.js';
import { KeyService, resolveMasterKey, type MasterKey } from './crypto/index.js';
import { LedgerService } from './ledger/index.js';
import {
  DcatService,
  fileLimitsOf,
  FilesService,
  ImpactService,
  MaskingService,
  OpenDataService,
  ResourcesService,
  ReturnFlowService,
  SectorsService,
  SharingService,
  SurveyService,
} from './catalog/index.js';
import { BlobStore } from './blobs/index.js';
import { createRegistry, RegistrySettingsService } from './registry/index.js';
import { createConsent } from './consent/index.js';
import { CalendarService, PlatformSettingsService } from './settings/index.js';
import { createMarket } from './market/index.js';

/** Every domain service, wired to one database. The HTTP server and the CLI both start from here. */
export function createServices(db: Kysely<DB>, config: Config) {
  // the master key is resolved on first use: commands that never touch keys (migrate, audit verify) need none
  let masterKey: MasterKey | undefined;
  const keys = new KeyService(db, () => (masterKey ??= resolveMasterKey(config)));
  const resources = new ResourcesService(db);
  // 平台规则: the operator's rule values and the one working-day calendar every deadline counts on
  const settings = new PlatformSettingsService(db);
  const calendar = new CalendarService(db);
  const periods = { sharing: (tx = db) => settings.sharing(tx), deadline: calendar.deadline.bind(calendar) };
  const openData = new OpenDataService(db, resources);
  const blobs = new BlobStore(config.blobDir, keys);
  const files = new FilesService(
    db,
    blobs,
    resources,
    openData,
    fileLimitsOf(config),
    async () => (await settings.grading()).piiGrades,
  );
  const masking = new MaskingService(db, blobs, resources, files, (orgId) =>
    keys.deriveSecret(`pseudonym:${orgId}`),
  );
  const ledger = new LedgerService(db, keys, config);
  const registry = createRegistry({
    db,
    resources,
    files,
    ledger,
    keys,
    blobs,
    settings: new RegistrySettingsService(db, calendar),
    ledgerOrigin: config.ledgerOrigin,
    uploadMaxBytes: config.uploadMaxBytes,
    now: () => new Date(),
  });
  const sectors = new SectorsService(db);
  const consent = createConsent({
    db,
    keys,
    ledger,
    resources,
    sectors,
    settings: { refusalCoolDownDays: config.consentCoolDownDays, maxGrantDays: config.consentMaxGrantDays },
  });
  // an enterprise authorization (企业授权) opens the resources it names to the org it names
  resources.useGrants((tx, org, resourceId, grade) => consent.orgGrants.grantFor(tx, org, resourceId, grade));
  return {
    db,
    audit: new AuditService(db),
    auth: new AuthService(db, config),
    onboarding: new OnboardingService(db),
    users: new UsersService(db),
    orgs: new OrgsService(db),
    bootstrap: new BootstrapService(db),
    notifications: new NotificationService(db),
    keys,
    ledger,
    sectors,
    resources,
    files,
    masking,
    openData,
    dcat: new DcatService(resources, files),
    sharing: new SharingService(db, resources, periods),
    returnFlows: new ReturnFlowService(db, resources, periods),
    impact: new ImpactService(db, resources, async (tx) => (await settings.grading(tx)).impact),
    settings,
    calendar,
    survey: new SurveyService(db),
    registry,
    consent,
    market: createMarket({ db, keys, ledger, resources, sectors, registry, consent, now: () => new Date() }),
  };
}
export type Services = ReturnType<typeof createServices>;
export * as demo from './demo/index.js';
