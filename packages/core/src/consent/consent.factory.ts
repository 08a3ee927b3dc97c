import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ResourcesService, SectorsService } from '../catalog/index.js';
import type { KeyService } from '../crypto/index.js';
import type { LedgerService } from '../ledger/index.js';
import { OperationGrantsService } from './operation-grants.service.js';
import { OrgGrantsService } from './org-grants.service.js';
import { DEFAULT_CONSENT_SETTINGS, type ConsentSettings } from './consent.rules.js';
import { GrantsService } from './grants.service.js';
import { PersonsService, type Clock } from './persons.service.js';
import { ScenariosService } from './scenarios.service.js';

/** The consent domain wired to one database: `consent.grants.check(...)` is what other domains call. */
export function createConsent(deps: {
  db: Kysely<DB>;
  keys: KeyService;
  ledger: LedgerService;
  resources: ResourcesService;
  sectors: SectorsService;
  settings?: Partial<ConsentSettings>;
  now?: Clock;
}) {
  const settings = { ...DEFAULT_CONSENT_SETTINGS, ...deps.settings };
  const now = deps.now ?? (() => new Date());
  const persons = new PersonsService(deps.db, deps.keys, settings, now);
  const grants = new GrantsService(deps.db, persons, { keys: deps.keys, ledger: deps.ledger }, settings, now);
  const operations = new OperationGrantsService(
    deps.db,
    { resources: deps.resources, sectors: deps.sectors },
    now,
  );
  // a sector named by a live authorized operation stays in the catalog until the grant ends
  deps.sectors.useHolds((db, code) => operations.namingSector(db, code));
  return {
    settings,
    persons,
    scenarios: new ScenariosService(deps.db, persons, settings, now),
    grants,
    orgGrants: new OrgGrantsService(deps.db, deps.resources, now),
    operations,
    /** consent.check(subject, scenarioVersion, fields, at) → allow/deny with the reason. */
    check: (subjectId: string, versionId: string, fields: string[], at?: Date) =>
      grants.check(subjectId, versionId, fields, at),
  };
}
export type ConsentServices = ReturnType<typeof createConsent>;
