import type { GradingSettings } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { BlobStore } from '../blobs/index.js';
import { DcatService } from './dcat.service.js';
import type { FileLimits } from './files.limits.js';
import { FilesService } from './files.service.js';
import { ImpactService } from './impact.service.js';
import { MaskingService } from './masking.service.js';
import { OpenDataService } from './open-data.service.js';
import { ResourcesService } from './resources.service.js';
import { SectorsService } from './sectors.service.js';

/** The catalog wired to one database: resources, sectors, files, masked derivatives, open data, DCAT. */
export function createCatalog(deps: {
  db: Kysely<DB>;
  blobs: BlobStore;
  fileLimits: FileLimits;
  /** The operator's grading rules (platform settings), read in the caller's transaction. */
  grading: (db?: Kysely<DB>) => Promise<GradingSettings>;
  /** The org's pseudonymization key (HMAC-SM3), stable across its derivatives. */
  pseudonymKey: (orgId: string) => Uint8Array;
  /** How the consent hub knows a person by ID card number (a masked file's subject map holds these). */
  subjectDigest: (idCard: string) => Buffer;
}) {
  const { db, blobs } = deps;
  const resources = new ResourcesService(db);
  const openData = new OpenDataService(db, resources);
  const files = new FilesService(
    db,
    blobs,
    resources,
    openData,
    deps.fileLimits,
    async () => (await deps.grading()).piiGrades,
  );
  return {
    sectors: new SectorsService(db),
    resources,
    files,
    masking: new MaskingService(db, blobs, resources, files, deps.pseudonymKey, deps.subjectDigest),
    openData,
    dcat: new DcatService(resources, files),
    impact: new ImpactService(db, resources, async (tx) => (await deps.grading(tx)).impact),
  };
}
export type CatalogServices = ReturnType<typeof createCatalog>;
