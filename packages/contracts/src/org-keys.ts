import { z } from 'zod';
import { Id, Timestamp } from './common.js';
import { isBoundedJson, isOrgPublicKey } from './rules/org-signature.js';

export const Hex = (bytes: number) =>
  z
    .string()
    .max(bytes * 2 + 40)
    .trim()
    .toLowerCase()
    .regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `must be ${bytes} bytes in hex`);

/** Who holds an org signing key's private half: the platform (sealed, used on the admin's act) or the org. */
export const OrgKeyCustody = z.enum(['platform', 'org']);
export type OrgKeyCustody = z.infer<typeof OrgKeyCustody>;

/** An org's signing key as anyone may see it: enough to check the org's signatures offline. */
export const OrgSigningKey = z.object({
  id: Id('osk'),
  orgId: Id('org'),
  custody: OrgKeyCustody,
  algorithm: z.literal('sm2'),
  publicKey: Hex(65).describe('uncompressed SM2 public key 04 ‖ x ‖ y'),
  publicKeyPem: z.string().describe('the same key as a PEM SubjectPublicKeyInfo'),
  createdAt: Timestamp,
  retiredAt: Timestamp.nullable().describe('set once a rotation replaced it; its signatures still verify'),
});
export type OrgSigningKey = z.infer<typeof OrgSigningKey>;

/** A signature an org made: SM2 with SM3, signer ID 1234567812345678, over the RFC 8785 form of a document. */
export const OrgSignature = z.object({
  keyId: Id('osk'),
  algorithm: z.literal('sm2-sm3'),
  signature: Hex(64).describe('r ‖ s'),
  signedAt: Timestamp,
});
export type OrgSignature = z.infer<typeof OrgSignature>;

const Password = z.string().min(1).max(256).describe('the org administrator’s own password, re-entered');

/**
 * Creates the org's first signing key, or rotates to a new one (the active key is retired and keeps
 * verifying): a key the platform custodies, or the org's own public key (PEM SubjectPublicKeyInfo or hex).
 */
export const SetOrgSigningKeyBody = z.discriminatedUnion('custody', [
  z.strictObject({ custody: z.literal('platform'), password: Password }),
  z.strictObject({
    custody: z.literal('org'),
    publicKey: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(1000)
      .refine(isOrgPublicKey, 'must be an SM2 public key: a PEM SubjectPublicKeyInfo or hex 04 ‖ x ‖ y')
      .describe('the org’s SM2 public key (PEM or hex); `shuliu keygen` prints both'),
    password: Password,
  }),
]);
export type SetOrgSigningKeyBody = z.infer<typeof SetOrgSigningKeyBody>;

/** A signed document as a caller sends it back: any JSON, nested at most 32 levels. */
const SignedPayload = z
  .unknown()
  .refine((v) => v !== undefined && isBoundedJson(v), 'must be JSON nested at most 32 levels deep')
  .describe('the signed document (its RFC 8785 form is what was signed)');

export const VerifyOrgSignatureBody = z.strictObject({
  orgId: Id('org').optional().describe('the org you expect to have signed; another org’s key is not valid'),
  keyId: Id('osk'),
  payload: SignedPayload,
  signature: Hex(64).describe('r ‖ s, as `shuliu sign` prints it'),
});

export const VerifyOrgSignatureReply = z.object({
  valid: z.boolean(),
  keyId: Id('osk'),
  orgId: Id('org'),
  retired: z.boolean().describe('the key was rotated out since; signatures made with it still count'),
  failure: z
    .enum(['signature', 'org'])
    .nullable()
    .describe('signature: does not match the payload and key; org: the key belongs to another org'),
});
export type VerifyOrgSignatureReply = z.infer<typeof VerifyOrgSignatureReply>;

/**
 * How an org signs a document the platform asks it to sign (a declaration, a contract): with the key the
 * platform custodies, on its administrator's re-entered password, or offline with its own key (`shuliu
 * sign`), sending the signature and the id of the registered key it was made with.
 */
export const SignAsOrgBody = z.discriminatedUnion('custody', [
  z.strictObject({ custody: z.literal('platform'), password: Password }),
  z.strictObject({
    custody: z.literal('org'),
    keyId: Id('osk'),
    signature: Hex(64).describe('r ‖ s over the document’s RFC 8785 form, as `shuliu sign` prints it'),
  }),
]);
export type SignAsOrgBody = z.infer<typeof SignAsOrgBody>;
