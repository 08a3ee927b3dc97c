import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { BlobStore } from '../blobs/index.js';
import type { FilesService, ResourcesService } from '../catalog/index.js';
import type { KeyService } from '../crypto/index.js';
import { memberIds, notifyOrg, orgById } from '../identity/index.js';
import type { LedgerService } from '../ledger/index.js';
import { notifyUsers, type NewNotification } from '../notifications/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotParty } from './registry.errors.js';
import type { Viewer } from './registry.repository.js';
import { registryRepository as repo } from './registry.repository.js';
import type { RegistrySettingsService } from './settings.service.js';

export type Executor = Kysely<DB>;
export type Clock = () => Date;

/** What the registry uses of other domains, and its clock (the demo runs registrations in the past). */
export interface RegistryDeps {
  db: Executor;
  resources: Pick<ResourcesService, 'get'>;
  files: Pick<FilesService, 'list'>;
  ledger: Pick<LedgerService, 'appendIn' | 'entry' | 'checkpoint' | 'inclusionProof' | 'hasher'>;
  keys: Pick<KeyService, 'activeSigner' | 'publicKey' | 'ensureSigningKey'>;
  blobs: Pick<BlobStore, 'write' | 'read' | 'remove'>;
  settings: RegistrySettingsService;
  /** This node's ledger origin: the issuer of its certificates is named after it. */
  ledgerOrigin: string;
  uploadMaxBytes: number;
  now: Clock;
}

/** Operators and regulators oversee every registration; everyone else sees their org's part. */
export const viewerOf = (ctx: RequestContext): Viewer =>
  hasRole(ctx, 'operator', 'regulator')
    ? { orgId: ctx.principal?.orgId ?? null, all: true }
    : { orgId: ctx.principal?.orgId ?? null, all: false };

/** The caller's org, which must be active: registrations are acts of organizations. */
export async function activeOrgOf(db: Executor, ctx: RequestContext) {
  const p = requirePrincipal(ctx);
  const org = p.orgId ? await orgById(db, p.orgId) : undefined;
  if (!org || org.status !== 'active') throw NotParty('only a member of an active organization may do this');
  return org;
}

/** One line of an application's timeline or a certificate's history. */
export async function recordEvent(
  db: Executor,
  ctx: RequestContext,
  e: {
    at: Date;
    action: string;
    applicationId?: string | null;
    certificateId?: string | null;
    reason?: string | null;
    details?: Record<string, unknown>;
    ledgerIndex?: number | null;
    version?: number | null;
  },
) {
  await repo.insertEvent(db, {
    application_id: e.applicationId ?? null,
    certificate_id: e.certificateId ?? null,
    action: e.action,
    actor_id: ctx.principal?.userId ?? null,
    actor_name: ctx.principal?.username ?? null,
    org_id: ctx.principal?.orgId ?? null,
    reason: e.reason ?? null,
    details: e.details ? JSON.stringify(e.details) : null,
    ledger_index: e.ledgerIndex ?? null,
    version: e.version ?? null,
    at: e.at,
  });
}

/** Tells the application's author and its org's admins, and every member of the other orgs named. */
export async function tell(
  db: Executor,
  n: NewNotification,
  to: { users?: (string | null | undefined)[]; adminsOf?: string[]; orgs?: (string | null | undefined)[] },
) {
  await notifyUsers(
    db,
    (to.users ?? []).filter((u): u is string => !!u),
    n,
  );
  for (const org of to.adminsOf ?? []) await notifyOrg(db, org, ['org_admin'], n);
  for (const org of new Set(to.orgs ?? [])) if (org) await notifyOrg(db, org, [], n);
}

/** Every operator (the registry's staff), for new work in their queue. */
export async function tellOperators(db: Executor, n: NewNotification) {
  await notifyUsers(db, await memberIds(db, null, ['operator']), n);
}

export { isUniqueViolation } from '../shared/sql.js';
