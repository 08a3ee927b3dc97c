import { z } from 'zod';
import { Timestamp } from './common.js';
import { InclusionProof, LedgerCheckpoint } from './ledger.js';
import { DeliveryMode } from './market.js';
import { Hex } from './org-keys.js';
import { ContractTemplate, NegotiationState } from './trade.js';

/** A contract's number: HT-2026-000001, one sequence a year (Beijing time), allocated without gaps. */
export const ContractNo = z
  .string()
  .max(20)
  .regex(/^HT-\d{4}-\d{6,9}$/, 'must be a contract number like HT-2026-000001')
  .describe('合同编号');
export const ContractNoParams = z.strictObject({ contractNo: ContractNo });

/** Defaults of the clauses the negotiation does not settle (the operator may make them settings later). */
export const CONTRACT_DEFAULTS = {
  /** days after delivery the buyer has to accept or object (数据提供: 验收期) */
  acceptanceDays: 5,
  /** days after the contract is concluded within which the price is paid through the platform's settlement */
  paymentDays: 10,
  /** after the platform's mediation fails: arbitration or the court */
  disputeWay: 'court' as 'court' | 'arbitration',
  forum: {
    'zh-CN': '平台运营方住所地有管辖权的人民法院',
    'en-US': 'the competent people’s court where the platform operator is domiciled',
  },
};

const ContractParty = z.object({
  orgId: z.string(),
  name: z.string(),
  uscc: z.string().nullable().describe('统一社会信用代码'),
});
export type ContractParty = z.infer<typeof ContractParty>;

const FilledClause = z.object({
  no: z.number().int(),
  key: z.string(),
  title: z.string(),
  text: z.string(),
});

/**
 * The contract itself, as both parties sign it: the RFC 8785 form of this object is what each org's SM2 key
 * signs and what `contractHash` (SM3) names in the ledger. The facts come from the agreed negotiation; the
 * clauses are the model text (合同示范文本) filled from them, in zh-CN, the binding language.
 */
export const ContractDoc = z.object({
  v: z.literal(1),
  template: ContractTemplate,
  templateVersion: z.string(),
  contractNo: ContractNo,
  negotiationId: z.string(),
  draftedAt: Timestamp,
  parties: z.object({
    seller: ContractParty.describe('the product’s seller: 提供方, 受托方, 合作方 or 数据提供方 by template'),
    buyer: ContractParty.describe('the buyer: 接收方, 委托方, 合作方 or 数据需求方 by template'),
    platform: ContractParty.describe('the platform operator: intermediary, mediator, ledger keeper'),
  }),
  object: z.object({
    productId: z.string(),
    productTitle: z.string(),
    resources: z.array(z.object({ id: z.string(), title: z.string().nullable() })),
    certificateNos: z.array(z.string()).describe('the data-rights certificates the product stands on'),
    deliveryMode: DeliveryMode,
  }),
  use: z.object({
    purpose: z.string(),
    scope: z.string(),
    region: z.string(),
    maxUses: z.number().int().nullable(),
    scenarioVersionId: z.string().nullable(),
  }),
  term: z.object({ startsOn: z.string(), endsOn: z.string() }),
  price: z.object({ amountFen: z.number().int(), currency: z.literal('CNY'), paymentDays: z.number().int() }),
  acceptance: z.object({ days: z.number().int() }),
  disputes: z.object({ way: z.enum(['arbitration', 'court']), forum: z.string() }),
  governingLaw: z.string(),
  clauses: z.array(FilledClause),
});
export type ContractDoc = z.infer<typeof ContractDoc>;

export const ContractSide = z.enum(['buyer', 'seller']);
export type ContractSide = z.infer<typeof ContractSide>;

/** 已起草 (awaiting the buyer's signature) → 买方已签 (awaiting the seller's) → 已成立. */
export const ContractState = z.enum(['drafted', 'buyer_signed', 'concluded']);
export type ContractState = z.infer<typeof ContractState>;

export const ContractSignature = z.object({
  party: ContractSide,
  orgId: z.string(),
  keyId: z.string(),
  algorithm: z.literal('sm2-sm3'),
  signature: z.string(),
  custody: z.enum(['platform', 'org']),
  signedAt: Timestamp,
  ledgerIndex: z.number().int(),
});
export type ContractSignature = z.infer<typeof ContractSignature>;

export const Contract = z.object({
  contractNo: ContractNo,
  negotiationId: z.string(),
  template: ContractTemplate,
  state: ContractState,
  negotiationState: NegotiationState,
  /** Whose signature the contract waits for, or null once concluded. */
  awaiting: ContractSide.nullable(),
  sellerOrgId: z.string(),
  buyerOrgId: z.string(),
  contractHash: z.string().describe('SM3 of the RFC 8785 form of the document, hex'),
  document: ContractDoc,
  signatures: z.array(ContractSignature),
  concludedLedgerIndex: z.number().int().nullable(),
  draftedAt: Timestamp,
  concludedAt: Timestamp.nullable(),
});
export type Contract = z.infer<typeof Contract>;

/**
 * Everything needed to check a contract with no server: the document, each party's signature with the public
 * key it was made with, the ledger entries (`contract.signed` per party, then `contract.concluded`) as the
 * canonical strings that were hashed, the i-th inclusion proof proving the i-th entry, and the checkpoint.
 */
export const ContractBundle = z.object({
  contract: z.record(z.string(), z.unknown()),
  signatures: z.array(
    z.object({
      party: ContractSide,
      keyId: z.string(),
      publicKey: Hex(65),
      signature: Hex(64),
    }),
  ),
  ledgerEntries: z.array(z.string()),
  inclusionProofs: z.array(InclusionProof),
  checkpoint: LedgerCheckpoint,
});
export type ContractBundle = z.infer<typeof ContractBundle>;

export const ContractCheckName = z.enum([
  'shape',
  'signatures',
  'ledgerEntries',
  'inclusion',
  'checkpointKey',
  'checkpoint',
]);
export type ContractCheckName = z.infer<typeof ContractCheckName>;

export const VerifyContractReply = z.object({
  valid: z.boolean(),
  contractNo: z.string().nullable(),
  contractHash: z.string().nullable(),
  concluded: z.boolean().describe('both parties signed and the contract.concluded entry is proven'),
  checks: z.array(z.object({ check: ContractCheckName, ok: z.boolean(), message: z.string() })),
  failure: z.object({ check: ContractCheckName, message: z.string() }).nullable(),
});
export type VerifyContractReply = z.infer<typeof VerifyContractReply>;
