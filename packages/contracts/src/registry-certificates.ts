import { z } from 'zod';
import { atMostKeys, Id, PageQuery, Text, Timestamp } from './common.js';
import { InclusionProof, LedgerCheckpoint } from './ledger.js';
import { DataRight, RegistrationCategory } from './registry.js';

const Hex = (bytes: number) =>
  z
    .string()
    .max(bytes * 2 + 40)
    .trim()
    .toLowerCase()
    .regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `must be ${bytes} bytes in hex`);

/**
 * What a certificate is now, most telling first: 注销 (cancelled), 冻结 (frozen), 到期 (expired), 质押 (pledged),
 * 异议 (disputed: an objection registration stands against it), 已许可 (licensed), 有效 (valid).
 */
export const CertificateStatus = z.enum([
  'valid',
  'licensed',
  'pledged',
  'disputed',
  'frozen',
  'expired',
  'cancelled',
]);
export type CertificateStatus = z.infer<typeof CertificateStatus>;

/** A certificate number, e.g. SD-DR-2026-000123. */
export const CertNo = z
  .string()
  .max(40)
  .regex(
    /^[A-Z]{2,8}(-[A-Z]{2,8}){0,2}-\d{4}-\d{6,9}$/,
    'must be a certificate number like SD-DR-2026-000123',
  );

export const CertificateLicense = z.object({
  id: z.string(),
  certificateId: z.string(),
  certNo: z.string(),
  objectTitle: z.string(),
  holderOrgId: z.string(),
  holderOrgName: z.string().nullable(),
  licenseeOrgId: z.string(),
  licenseeOrgName: z.string().nullable(),
  rights: z.array(DataRight),
  scope: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  exclusive: z.boolean(),
  active: z.boolean().describe('within its term today'),
  ledgerIndex: z.number().int().nullable(),
  createdAt: Timestamp,
});
export type CertificateLicense = z.infer<typeof CertificateLicense>;

/** A W3C Verifiable Credential 2.0 document (JSON-LD), kept exactly as signed. */
export const VerifiableCredential = z.record(z.string(), z.unknown());

export const Certificate = z.object({
  id: z.string(),
  certNo: z.string(),
  version: z.number().int(),
  status: CertificateStatus,
  flags: z.object({
    pledged: z.boolean(),
    frozen: z.boolean(),
    disputed: z.boolean(),
    licensed: z.boolean(),
    expired: z.boolean(),
  }),
  category: RegistrationCategory,
  holderOrgId: z.string(),
  holderOrgName: z.string().nullable(),
  rights: z.array(DataRight),
  objectType: z.literal('resource'),
  objectId: z.string(),
  objectTitle: z.string(),
  scope: z.string(),
  validFrom: Timestamp,
  validUntil: Timestamp,
  pledge: z
    .object({
      pledgeeOrgId: z.string(),
      pledgeeOrgName: z.string().nullable(),
      since: Timestamp,
      securedAmountFen: z.number().int().nullable(),
      until: z.string().nullable(),
    })
    .nullable(),
  freeze: z.object({ since: Timestamp, reason: z.string() }).nullable(),
  disputedBy: z.string().nullable().describe('the objection registration (异议登记) standing against it'),
  cancelReason: z.string().nullable(),
  certHash: z.string().describe('SM3 (hex) of the RFC 8785 canonical credential without its proof'),
  ledgerIndex: z.number().int().nullable(),
  issuedAt: Timestamp,
  updatedAt: Timestamp,
  verifyPath: z.string().describe('the public verification URL path'),
});
export type Certificate = z.infer<typeof Certificate>;

export const CertificateDetail = Certificate.extend({
  credential: VerifiableCredential.describe('the credential with its proof (DataIntegrityProof, SM2)'),
  licenses: z.array(CertificateLicense),
  history: z.array(
    z.object({
      at: Timestamp,
      action: z.string(),
      actorName: z.string().nullable(),
      orgName: z.string().nullable(),
      reason: z.string().nullable(),
      ledgerIndex: z.number().int().nullable(),
      version: z.number().int().nullable(),
    }),
  ),
});
export type CertificateDetail = z.infer<typeof CertificateDetail>;

export const CertificateQuery = z.strictObject({
  ...PageQuery,
  box: z
    .enum(['held', 'licensed', 'pledged', 'all'])
    .optional()
    .describe('held by my org, licensed to it, pledged to it; none: all I may see'),
  status: CertificateStatus.optional(),
  objectId: Id('res').optional(),
  q: z.string().trim().max(100).optional(),
});
export type CertificateQuery = z.input<typeof CertificateQuery>;

export const CertificateLicenseQuery = z.strictObject({
  ...PageQuery,
  box: z.enum(['granted', 'received']).default('received'),
});

export const CertificateFreezeBody = z.strictObject({ reason: Text(1000) });
export const CertificateDisputeBody = z.strictObject({ upheld: z.boolean(), reason: Text(1000) });

export const CertificateHistoryItem = z.object({
  at: Timestamp,
  action: z.string(),
  version: z.number().int().nullable(),
  ledgerIndex: z.number().int().nullable(),
});

/**
 * Everything needed to check a certificate with no server: the credential without its proof, the SM2
 * signature (r ‖ s) and public key, the ledger entry that carries its certNo and certHash, the RFC 9162
 * inclusion proof of that entry and the signed checkpoint it leads to. `GET /api/registry/verify/{certNo}`
 * answers with it (plus the history); `shuliu verify FILE.json` checks it offline.
 */
export const CertificateBundle = z.object({
  certificate: VerifiableCredential,
  signature: Hex(64),
  issuerPublicKey: Hex(65),
  status: CertificateStatus,
  ledgerIndex: z.number().int().min(0),
  ledgerEntry: z.string().describe('the canonical entry JSON that was hashed'),
  inclusionProof: InclusionProof,
  checkpoint: LedgerCheckpoint,
});
export type CertificateBundle = z.infer<typeof CertificateBundle>;

export const VerifyCertificateReply = CertificateBundle.extend({ history: z.array(CertificateHistoryItem) });
export type VerifyCertificateReply = z.infer<typeof VerifyCertificateReply>;

export const CertNoParams = z.strictObject({ certNo: CertNo });

export const VerifyBundleBody = z.strictObject({
  bundle: atMostKeys(z.record(z.string().max(100), z.unknown()), 50).describe(
    'a bundle as GET /api/registry/verify/{certNo} gives it',
  ),
  issuerPublicKey: Hex(65).describe('the issuing node’s public key you trust (04 ‖ x ‖ y)'),
});

export const CertificateCheckName = z.enum([
  'shape',
  'issuerKey',
  'signature',
  'certHash',
  'ledgerEntry',
  'inclusion',
  'checkpointKey',
  'checkpoint',
]);
export type CertificateCheckName = z.infer<typeof CertificateCheckName>;

export const VerifyBundleReply = z.object({
  valid: z.boolean(),
  certNo: z.string().nullable(),
  checks: z.array(z.object({ check: CertificateCheckName, ok: z.boolean(), message: z.string() })),
  failure: z.object({ check: CertificateCheckName, message: z.string() }).nullable(),
});
export type VerifyBundleReply = z.infer<typeof VerifyBundleReply>;

export const RegistryRightCheckQuery = z.strictObject({
  orgId: Id('org'),
  right: DataRight,
  resourceId: Id('res'),
});
export const RegistryRightCheckReply = z.object({
  ok: z.boolean().describe('a valid, unpledged, unfrozen right held or licensed now'),
  via: z.enum(['holder', 'license']).nullable(),
  certNo: z.string().nullable(),
  problem: z.enum(['none', 'expired', 'cancelled', 'frozen', 'pledged', 'license_out_of_term']).nullable(),
  disputed: z.boolean(),
});
export type RegistryRightCheckReply = z.infer<typeof RegistryRightCheckReply>;

export const CertificateExpireReply = z.object({
  expired: z.array(z.string()).describe('certificate numbers'),
});
