import type { CatalogFile, RegistrationCategory, RegistrationType, Resource } from '@shuliu/contracts';
import { CoreDataRefused } from '../protect/index.js';
import type { RequestContext } from '../shared/context.js';
import { certificatesRepository as certs, type CertificateRow } from './certificates.repository.js';
import {
  AlreadyRegistered,
  CertificateBlocked,
  DataIpRawData,
  DataIpSingleRecord,
  DeclarationsMissing,
  EvidenceMissing,
  ObjectDisputed,
  ObjectFrozen,
  SourceAuthorizationMissing,
} from './registry.errors.js';
import { certificateBlock, isExpired, type CertificateAction } from './registry.lifecycle.js';
import { factsOf } from './registry.mappers.js';
import { registryRepository as repo, type ApplicationRow } from './registry.repository.js';
import {
  coreDataRefusal,
  dataIpRefusal,
  missingDeclarations,
  missingInstrument,
  objectStateRefusal,
  sourceRefusal,
} from './registry.rules.js';
import type { Executor, RegistryDeps } from './registry.support.js';

/** What the refusal rules look at on the catalog's side. */
export interface ObjectFacts {
  resource: Resource;
  files: CatalogFile[];
  /** Ready evidence files catalogued with the resource (an authorization, a contract). */
  catalogEvidence: number;
  /** Records in the largest profiled data file, or null when none is profiled. */
  rows: number | null;
}

/** Reads the resource and its files as the caller may see them; outside any transaction (see RegistryDeps). */
export async function readObject(
  deps: RegistryDeps,
  ctx: RequestContext,
  resourceId: string,
): Promise<ObjectFacts> {
  const resource = await deps.resources.get(ctx, resourceId);
  const files = await deps.files.list(ctx, resourceId);
  const ready = files.filter((f) => f.status === 'ready');
  const rows = ready.filter((f) => f.role === 'data' && f.rowCount !== null).map((f) => f.rowCount!);
  return {
    resource,
    files,
    catalogEvidence: ready.filter((f) => f.role === 'evidence').length,
    rows: rows.length ? Math.max(...rows) : null,
  };
}

/** The applicant's declarations and the registration's instrument are there (at submission). */
export function checkCompleteness(a: ApplicationRow, evidence: string[]) {
  const missing = missingDeclarations(a.type as RegistrationType, a.declarations as never);
  if (missing.length)
    throw DeclarationsMissing(`declare ${missing.join(', ')} (声明承诺) before submitting`, {
      field: 'declarations',
      missing,
    });
  const instrument = missingInstrument(a.type as RegistrationType, evidence);
  if (instrument)
    throw EvidenceMissing(`attach the ${instrument} before submitting`, { field: 'files', kind: instrument });
}

/** Whether a certificate on the object is frozen, or the object is in dispute (异议) elsewhere. */
async function objectState(db: Executor, objectId: string, applicationId: string, now: Date) {
  const onObject = await certs.findOnObject(db, objectId);
  const live = onObject.filter((c) => c.state !== 'cancelled');
  return {
    frozen: live.some((c) => c.frozen_at !== null),
    disputed:
      live.some((c) => c.disputed_by !== null) ||
      (await repo.countOpenObjectionsOnObject(db, objectId, applicationId)) > 0,
    held: live.filter((c) => !isExpired({ state: c.state, validUntil: new Date(c.valid_until) }, now)),
  };
}

/** The refusal rules of a first registration (RULES.md, Refuse), at submission and again at issuance. */
export async function checkInitial(
  db: Executor,
  a: ApplicationRow,
  facts: ObjectFacts,
  evidence: string[],
  now: Date,
): Promise<void> {
  const core = coreDataRefusal(facts.resource.grade);
  if (core) throw CoreDataRefused(core, { grade: facts.resource.grade });
  const source = sourceRefusal(
    facts.resource.sourceKind,
    a.source_description,
    evidence,
    facts.catalogEvidence,
  );
  if (source)
    throw SourceAuthorizationMissing(source, { field: 'files', sourceKind: facts.resource.sourceKind });
  const state = await objectState(db, a.object_id, a.id, now);
  const refusal = objectStateRefusal(state);
  if (refusal) throw (refusal.code === 'frozen' ? ObjectFrozen : ObjectDisputed)(refusal.message);
  const ip = dataIpRefusal(a.category as RegistrationCategory, facts.resource.processing, facts.rows);
  if (ip) throw (ip.code === 'raw' ? DataIpRawData : DataIpSingleRecord)(ip.message, { field: 'category' });
  const overlap = state.held.find(
    (c) => c.holder_org_id === a.applicant_org_id && c.rights.some((r) => a.rights.includes(r)),
  );
  if (overlap) throw AlreadyRegistered(undefined, { certNo: overlap.cert_no });
}

/** The certificate's lifecycle allows the registration (e.g. a pledge blocks transfer: 409 naming the rule). */
export function checkCertificate(
  c: CertificateRow,
  action: CertificateAction,
  now: Date,
  renewWindowDays: number,
) {
  const block = certificateBlock(factsOf(c), action, now, renewWindowDays);
  if (block) throw CertificateBlocked(block, { certNo: c.cert_no, action });
}
