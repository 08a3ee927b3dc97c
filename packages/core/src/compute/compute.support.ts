import type { OperationAccess, PiCategory } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { BlobStore } from '../blobs/index.js';
import type { MaskingService } from '../catalog/index.js';
import type { LedgerService } from '../ledger/index.js';
import type { RequestContext } from '../shared/context.js';

export type Executor = Kysely<DB>;
export type Clock = () => Date;

/** How a released anonymized export becomes a derived catalog resource (the catalog's, not compute's). */
export interface Derivatives {
  adopt: MaskingService['adopt'];
  /** Profiles the adopted file (PII detection, re-grading) once the adopting transaction committed. */
  profile(fileId: string, ownerOrgId: string): void;
}

/** Grants other domains keep, on which another org computes (the consent domain's, not compute's). */
export interface Grants {
  /** A live enterprise authorization from the resource's owner to `orgId` naming it, with its purpose. */
  orgGrant(db: Executor, orgId: string, resourceId: string): Promise<{ id: string; purpose: string } | null>;
  /** Whether the caller's org may operate the resource under a public-data authorized-operation grant now. */
  operation(ctx: RequestContext, resourceId: string): Promise<OperationAccess>;
  /** The authorized-operation grant under which `orgId` may operate the resource now, or null. */
  operationGrantOf(db: Executor, orgId: string, resourceId: string): Promise<string | null>;
  /** A consent scenario version: its org and review state, and whether it is its scenario's current one. */
  scenarioVersion(
    db: Executor,
    versionId: string,
  ): Promise<{
    orgId: string;
    status: string;
    purpose: string;
    title: string;
    fields: { category: string }[];
  } | null>;
  /**
   * How many persons' consent to the version is live at `at` and reaches every category `held`; safe inside a
   * transaction.
   */
  consentingCount(db: Executor, versionId: string, at: Date, held: readonly PiCategory[]): Promise<number>;
  /** The ID card numbers of those persons; unseals, so outside a transaction. */
  consentingIdCards(
    db: Executor,
    versionId: string,
    at: Date,
    held: readonly PiCategory[],
  ): Promise<string[]>;
}

/**
 * What the compute domain needs of the platform: its database, a clock, the ledger (job receipts), the blob
 * store an anonymized export's file waits in, and the catalog its released file joins.
 */
export interface ComputeDeps {
  db: Executor;
  now: Clock;
  ledger: Pick<LedgerService, 'appendIn'>;
  blobs: BlobStore;
  /** The largest export file an agent may upload. */
  outputMaxBytes: number;
  derivatives: Derivatives;
  grants: Grants;
}
