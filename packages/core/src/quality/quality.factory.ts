import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import type { DB } from '../db/schema.js';
import {
  newestReadyDataFile,
  openStoredTable,
  type FilesService,
  type ResourcesService,
} from '../catalog/index.js';
import type { ZipLimits } from '../tabular/index.js';
import { ComplaintsService, type ComplaintDeps } from './complaints.service.js';
import { DcmmService } from './dcmm.service.js';
import { DesignationsService } from './designations.service.js';
import { DomainChecksService } from './domain-checks.service.js';
import { checkListingQuality } from './quality.gate.js';
import { parseJson } from './quality.mappers.js';
import { latestQualityOf } from './quality.reads.js';
import { suggestRules, profileForRules } from './quality.suggest.js';
import { QualitySettingsService } from './quality-settings.service.js';
import { ReportsService } from './reports.service.js';
import { RuleSetsService, type Suggester } from './rule-sets.service.js';
import { qualityRepository as repo } from './quality.repository.js';
import type { Rule } from './quality.schema.js';
import type { QualityReport } from './quality.types.js';

/**
 * The quality domain wired to one database: rules per resource, runs and their reports, the operator's
 * settings — a run starts by itself when a data file of a resource becomes ready (`files.onReady`) — and the
 * programmes the operator runs beside them: the DCMM self-assessment (GB/T 36073), 高质量数据集 designation and
 * product quality supervision, whose complaints read orders and products through the trade's and the market's
 * services.
 */
export function createQuality(deps: {
  db: Kysely<DB>;
  resources: ResourcesService;
  files: Pick<FilesService, 'onReady'>;
  readBlob: (key: string) => Promise<Readable>;
  zipLimits?: ZipLimits;
  complaints: ComplaintDeps;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const settings = new QualitySettingsService(deps.db);
  const rules = new RuleSetsService(deps.db, deps.resources, suggesterFor(deps));
  const reportsDeps = { ...deps, rules, settings, now };
  const reports = new ReportsService(reportsDeps);
  // 数据质量 on upload: each data file that becomes ready is checked by its resource's rules
  deps.files.onReady((f) => reports.fileReady(f.resourceId));
  return {
    rules,
    reports,
    /** Runs of resources held in a domain, checked there by the compute agent that holds them. */
    domainChecks: new DomainChecksService(reportsDeps, reports),
    settings,
    /** The listing condition the market checks (throws QUALITY_BELOW_MINIMUM). */
    listingGate: (db: Kysely<DB>, resourceIds: string[]) => checkListingQuality(db, resourceIds),
    /** The latest score of each resource, for catalog and market views. */
    latest: (resourceIds: string[]) => latestQualityOf(deps.db, resourceIds),
    dcmm: new DcmmService(deps.db, now),
    designations: new DesignationsService(deps.db, now),
    complaints: new ComplaintsService(deps.db, deps.complaints, now),
  };
}
export type QualityServices = ReturnType<typeof createQuality>;

/**
 * Suggested rules for a resource with none saved: those its last run on the newest file suggested (a run without
 * saved rules keeps them), else a profile of that file in one streaming pass; for data held in a domain, those
 * its agent suggested on the last run there.
 */
function suggesterFor(deps: {
  db: Kysely<DB>;
  readBlob: (key: string) => Promise<Readable>;
  zipLimits?: ZipLimits;
}): Suggester {
  return async (resourceId, profile) => {
    const file = await newestReadyDataFile(deps.db, resourceId);
    const last = await repo.latestDone(deps.db, resourceId);
    // data held in a domain: the rules its agent suggested on the last run there
    if (!file) {
      const held =
        last?.agent_id && last.report ? parseJson<QualityReport>(last.report).suggested : undefined;
      return { fileId: null, rules: held ?? [] };
    }
    const kept =
      last?.file_id === file.id && last.report ? parseJson<QualityReport>(last.report).suggested : undefined;
    if (kept) return { fileId: file.id, rules: kept };
    if (!profile) return { fileId: file.id, rules: [] };
    const { source, cleanup } = await openStoredTable(
      () => deps.readBlob(file.blob_key),
      file.name,
      file.format,
      deps.zipLimits,
    );
    try {
      return { fileId: file.id, rules: suggestRules(await profileForRules(source)) as Rule[] };
    } finally {
      await cleanup();
    }
  };
}
