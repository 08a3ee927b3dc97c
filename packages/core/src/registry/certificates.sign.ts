import type { RegistrationType, RegistrySettings } from '@shuliu/contracts';
import { orgById } from '../identity/index.js';
import type { LedgerAppend } from '../ledger/index.js';
import type { RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { certificatesRepository as certs } from './certificates.repository.js';
import { buildCredential, issuerIdOf, signCredential, type CredentialInput } from './registry.credential.js';
import { LEDGER_TYPE_OF } from './registry.lifecycle.js';
import { recordEvent, type Executor, type RegistryDeps } from './registry.support.js';

/** What a change to a certificate wrote, and the ledger entry that attests it. */
export interface Applied {
  certificateId: string;
  certNo: string;
  /** The signed version written now (issue, change, transfer, renew), else null. */
  version: number | null;
  licenseId?: string;
  entry: LedgerAppend;
  /** The certificate history's word for it: issued, changed, transferred, licensed, pledged… */
  action: string;
  reason?: string | null;
}

/** An org as a credential names it (a subject or a party): name and 统一社会信用代码. */
export async function orgIdentity(db: Executor, orgId: string) {
  const org = await orgById(db, orgId);
  if (!org) throw NotFound('organization', orgId);
  return { orgId: org.id, name: org.name, uscc: org.uscc };
}

/**
 * Signs a credential version with the platform's active SM2 key (the key that signs ledger checkpoints, so
 * one public key lets another node check both) and stores it; the ledger entry carries certNo and certHash.
 */
export async function signVersion(
  tx: Executor,
  deps: RegistryDeps,
  input: CredentialInput,
  certificateId: string,
  applicationId: string,
): Promise<{ certHash: string; entry: LedgerAppend }> {
  const active = await deps.keys.activeSigner(tx);
  if (!active) throw new Error('no platform signing key: call ensureSigningKey first');
  const credential = buildCredential(input);
  const { canonical, certHash, signature } = signCredential(credential, active.signer);
  await certs.insertVersion(tx, {
    certificate_id: certificateId,
    version: input.version,
    credential: canonical,
    signature,
    key_id: active.keyId,
    cert_hash: certHash,
    application_id: applicationId,
    created_at: input.validFrom,
  });
  const type = input.version === 1 ? LEDGER_TYPE_OF.initial : LEDGER_TYPE_OF.change;
  const attrs = { certNo: input.certNo, certHash, version: input.version, keyId: active.keyId };
  return {
    certHash,
    entry: { type, objectType: 'certificate', objectId: input.certNo, objectSm3: certHash, attrs },
  };
}

/** The issuer block of this node's credentials. */
export const issuerOf = (deps: RegistryDeps, s: RegistrySettings) => ({
  id: issuerIdOf(deps.ledgerOrigin),
  name: s.issuerName,
});

/** The input of a credential's previous version, to derive the next one from. */
export function inputOf(canonical: string): CredentialInput {
  const vc = JSON.parse(canonical) as {
    issuer: CredentialInput['issuer'];
    validFrom: string;
    validUntil: string;
    credentialSubject: Record<string, unknown> & { name: string; id: string };
  };
  const s = vc.credentialSubject as unknown as Omit<CredentialInput, 'holder' | 'previous'> & {
    certificateNo: string;
    name: string;
    id: string;
  };
  return {
    certNo: s.certificateNo,
    version: s.version,
    issuer: vc.issuer,
    holder: { orgId: '', name: s.name, uscc: s.id.replace(/^urn:uscc:/, '') },
    category: s.category,
    rights: s.rights,
    object: s.object,
    scope: s.scope,
    format: s.format,
    updateFrequency: s.updateFrequency,
    source: s.source,
    validFrom: new Date(vc.validFrom),
    validUntil: new Date(vc.validUntil),
    registration: s.registration,
    previous: null,
  };
}

/** The registration block of a credential: which application, of which type, and its public notice. */
export const registrationOf = (a: {
  id: string;
  type: string;
  notice_starts_at: Date | null;
  notice_ends_at: Date | null;
}) => ({
  applicationId: a.id,
  type: a.type as RegistrationType,
  noticeFrom: a.notice_starts_at ? new Date(a.notice_starts_at).toISOString() : null,
  noticeUntil: a.notice_ends_at ? new Date(a.notice_ends_at).toISOString() : null,
});

/**
 * Appends the change's entry to the ledger inside the caller's transaction (after its audit event: the lock
 * order is audit head, then ledger head), then records the ledger index with the version or license and in
 * the certificate's history.
 */
export async function commitToLedger(
  tx: Executor,
  ctx: RequestContext,
  deps: RegistryDeps,
  applied: Applied,
  applicationId: string | null,
): Promise<number> {
  const { firstIndex } = await deps.ledger.appendIn(tx, [applied.entry]);
  if (applied.version !== null)
    await tx
      .updateTable('registry_certificate_versions')
      .set({ ledger_index: firstIndex })
      .where('certificate_id', '=', applied.certificateId)
      .where('version', '=', applied.version)
      .execute();
  if (applied.licenseId)
    await tx
      .updateTable('registry_licenses')
      .set({ ledger_index: firstIndex })
      .where('id', '=', applied.licenseId)
      .execute();
  await recordEvent(tx, ctx, {
    at: deps.now(),
    action: applied.action,
    certificateId: applied.certificateId,
    applicationId,
    reason: applied.reason ?? null,
    ledgerIndex: firstIndex,
    version: applied.version,
  });
  return firstIndex;
}
