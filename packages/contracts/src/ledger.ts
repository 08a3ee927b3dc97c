import { z } from 'zod';
import { Timestamp } from './common.js';

/** What a ledger entry attests. Each type names the domain event whose object it proves. */
export const LedgerEntryType = z.enum([
  'certificate.issued',
  'certificate.changed',
  'certificate.licensed',
  'certificate.pledged',
  'certificate.released',
  'certificate.frozen',
  'certificate.unfrozen',
  'certificate.disputed',
  'certificate.dispute_resolved',
  'certificate.cancelled',
  'certificate.expired',
  'contract.signed',
  'contract.concluded',
  'asset.valuation.signed',
  'consent.granted',
  'consent.revoked',
  'audit.anchor',
  'listing.published',
  'listing.withdrawn',
  'key.rotated',
  'compute.job.completed',
]);
export type LedgerEntryType = z.infer<typeof LedgerEntryType>;

const Hex = (bytes: number) =>
  z
    .string()
    .regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `must be ${bytes} bytes in lower-case hex`)
    .describe(`${bytes} bytes, hex`);

/**
 * One entry as appended. Its leaf data is the RFC 8785 (JCS) canonical JSON of this object; `objectSm3`
 * is the SM3 hash of the object the entry attests (a certificate, a contract, a consent grant…).
 */
export const LedgerEntry = z.strictObject({
  v: z.literal(1),
  type: LedgerEntryType,
  objectType: z.string().min(1).max(40),
  objectId: z.string().min(1).max(80),
  objectSm3: Hex(32),
  at: Timestamp,
  /** Small public facts about the object (never personal data): e.g. the audit sequence number anchored. */
  attrs: z.record(z.string(), z.unknown()).optional(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const LedgerHashAlg = z.enum(['sm3', 'sha256']);

export const LedgerCheckpoint = z.object({
  origin: z.string(),
  treeSize: z.number().int(),
  rootHash: z.string().describe('base64'),
  hashAlg: LedgerHashAlg,
  body: z.string().describe('the exact signed text: origin, tree size and base64 root, one per line'),
  signature: Hex(64).describe('SM2 signature r ‖ s over body, signer ID 1234567812345678'),
  keyId: z.string(),
  publicKey: Hex(65).describe('uncompressed SM2 public key 04 ‖ x ‖ y'),
  createdAt: Timestamp,
});
export type LedgerCheckpoint = z.infer<typeof LedgerCheckpoint>;

export const LedgerEntryReply = z.object({
  index: z.number().int(),
  entry: z.string().describe('the canonical JSON that was hashed'),
  leafHash: Hex(32),
});
export type LedgerEntryReply = z.infer<typeof LedgerEntryReply>;

const Index = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0)
  .max(Number.MAX_SAFE_INTEGER);
const Size = Index.min(1);

export const LedgerIndexParams = z.strictObject({ index: Index });

export const LedgerEntriesQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  type: LedgerEntryType.optional(),
});

export const InclusionQuery = z
  .strictObject({
    index: Index,
    treeSize: Size.optional().describe('defaults to the latest checkpoint'),
  })
  .refine((q) => q.treeSize === undefined || q.index < q.treeSize, {
    path: ['index'],
    message: 'must be less than treeSize',
  });

export const InclusionProof = z.object({
  leafIndex: z.number().int(),
  treeSize: z.number().int(),
  auditPath: z.array(Hex(32)),
});
export type InclusionProof = z.infer<typeof InclusionProof>;

export const ConsistencyQuery = z
  .strictObject({ from: Size, to: Size })
  .refine((q) => q.from <= q.to, { path: ['from'], message: 'must not be greater than to' });

export const ConsistencyProof = z.object({
  from: z.number().int(),
  to: z.number().int(),
  proof: z.array(Hex(32)),
});
export type ConsistencyProof = z.infer<typeof ConsistencyProof>;

export const LedgerKey = z.object({
  id: z.string(),
  algorithm: z.literal('sm2'),
  publicKey: Hex(65),
  publicKeyPem: z.string(),
  createdAt: Timestamp,
  retiredAt: Timestamp.nullable(),
});
export type LedgerKey = z.infer<typeof LedgerKey>;

export const AnchorReply = z.object({
  anchored: z.boolean().describe('false when the audit chain has not moved since the last anchor'),
  index: z.number().int().nullable(),
  auditSeq: z.number().int(),
  auditHash: z.string(),
});
export type AnchorReply = z.infer<typeof AnchorReply>;

/** What `shuliu ledger prove` writes and `shuliu verify-ledger` checks with no server. */
export const InclusionBundle = z.object({
  kind: z.literal('shuliu.ledger.inclusion/v1'),
  checkpoint: LedgerCheckpoint,
  entry: LedgerEntryReply,
  proof: InclusionProof,
});
export type InclusionBundle = z.infer<typeof InclusionBundle>;

export const ConsistencyBundle = z.object({
  kind: z.literal('shuliu.ledger.consistency/v1'),
  older: LedgerCheckpoint,
  newer: LedgerCheckpoint,
  proof: ConsistencyProof,
});
export type ConsistencyBundle = z.infer<typeof ConsistencyBundle>;
