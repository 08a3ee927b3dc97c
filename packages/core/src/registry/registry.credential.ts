import {
  DATA_RIGHT_NAMES,
  jcs,
  type CatalogFile,
  type DataRight,
  type RegistrationCategory,
  type RegistrationType,
  type Resource,
} from '@shuliu/contracts';
import { DEFAULT_SM2_ID, sm3Hex } from '../crypto/index.js';

export interface CredentialInput {
  certNo: string;
  version: number;
  issuer: { id: string; name: string };
  holder: { orgId: string; name: string; uscc: string };
  category: RegistrationCategory;
  rights: DataRight[];
  object: {
    type: 'resource';
    id: string;
    title: string;
    metadataSm3: string;
    manifestSm3: string;
    files: number;
  };
  scope: string;
  format: string | null;
  updateFrequency: string | null;
  source: { kind: string; description: string | null; validUntil: string | null };
  validFrom: Date;
  validUntil: Date;
  registration: {
    applicationId: string;
    type: RegistrationType;
    noticeFrom: string | null;
    noticeUntil: string | null;
  };
  previous: { version: number; certHash: string } | null;
}

/** The issuer's identifier: this node's ledger origin, so that another registry can tell nodes apart. */
export const issuerIdOf = (ledgerOrigin: string) => `urn:shuliu:registry:${ledgerOrigin}`;

/**
 * A certificate as a W3C Verifiable Credential 2.0 document: the holder as subject (by USCC), the rights and
 * the object with the SM3 hashes of its metadata and file manifest, scope, source and validity. Every value
 * is a string, an integer, a boolean or null, so its RFC 8785 form is the same in any language.
 */
export function buildCredential(i: CredentialInput): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', { '@vocab': 'urn:shuliu:data-rights#' }],
    id: `urn:shuliu:certificate:${i.certNo}:v${i.version}`,
    type: ['VerifiableCredential', 'DataRightsCertificate'],
    issuer: i.issuer,
    validFrom: i.validFrom.toISOString(),
    validUntil: i.validUntil.toISOString(),
    credentialSubject: {
      id: `urn:uscc:${i.holder.uscc}`,
      name: i.holder.name,
      certificateNo: i.certNo,
      version: i.version,
      category: i.category,
      rights: i.rights,
      rightNames: i.rights.map((r) => DATA_RIGHT_NAMES[r]),
      object: i.object,
      scope: i.scope,
      format: i.format,
      updateFrequency: i.updateFrequency,
      source: i.source,
      registration: i.registration,
      previousVersion: i.previous,
    },
  };
}

/** The signed bytes, their SM3 (certHash) and the SM2 signature (signer ID 1234567812345678), r ‖ s in hex. */
export function signCredential(
  credential: Record<string, unknown>,
  signer: { sign(message: string, id: string): Uint8Array },
): { canonical: string; certHash: string; signature: string } {
  const canonical = jcs(credential);
  return {
    canonical,
    certHash: sm3Hex(canonical),
    signature: Buffer.from(signer.sign(canonical, DEFAULT_SM2_ID)).toString('hex'),
  };
}

/** VC Data Integrity proof block for display and export: the SM2 signature over the JCS form. */
export const proofOf = (issuerId: string, keyId: string, signature: string, created: Date) => ({
  type: 'DataIntegrityProof',
  cryptosuite: 'sm2-jcs-2026',
  created: created.toISOString(),
  verificationMethod: `${issuerId}#${keyId}`,
  proofPurpose: 'assertionMethod',
  proofValue: signature,
});

/** SM3 of the resource's descriptive metadata (what it is, not who looked at it), canonical JSON. */
export function metadataSm3(r: Resource): string {
  return sm3Hex(
    jcs({
      id: r.id,
      ownerOrgId: r.ownerOrgId,
      title: r.title,
      description: r.description,
      sectorCode: r.sectorCode,
      subjectType: r.subjectType,
      sourceKind: r.sourceKind,
      sourceMethod: r.sourceMethod,
      updateFrequency: r.updateFrequency,
      format: r.format,
      spatialCoverage: r.spatialCoverage,
      temporalFrom: r.temporalFrom,
      temporalTo: r.temporalTo,
      keywords: r.keywords,
      schema: r.schema.map((c) => ({ name: c.name, type: c.type, grade: c.grade })),
      grade: r.grade,
      processing: r.processing,
      derivedFrom: r.derivedFrom,
      version: r.version,
    }),
  );
}

/** SM3 of the file manifest: each ready file's id, name, role, size and SM3, in id order. */
export function manifestOf(files: CatalogFile[]): { sm3: string; count: number } {
  const ready = files
    .filter((f) => f.status === 'ready' && f.sm3)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((f) => ({ id: f.id, name: f.name, role: f.role, sizeBytes: f.sizeBytes, sm3: f.sm3 }));
  return { sm3: sm3Hex(jcs(ready)), count: ready.length };
}
