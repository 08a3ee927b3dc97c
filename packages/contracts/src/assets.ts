/*
 * 数据资产 (issue 19): the asset ledger (资产台账), accounting per 财会〔2023〕11号, valuation reports signed by a
 * valuer org, and 出资入股. Money in integer fen; months as `YYYY-MM`; dates as `YYYY-MM-DD`.
 */
import { z } from 'zod';
import { Id, PageQuery, Text, Timestamp, paged } from './common.js';
import { Uscc } from './identity.js';
import { InclusionProof, LedgerCheckpoint } from './ledger.js';
import { Hex } from './org-keys.js';
import { CertNo } from './registry-certificates.js';
import { MAX_FEN } from './rules/market-price.js';
import { IncomeKind, ValuationInputs, ValuationMethod } from './rules/valuation.js';

const Fen = z.number().int().min(0).max(MAX_FEN);
export const Month = z
  .string()
  .max(7)
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-03');
export const DateOnly = z
  .string()
  .max(10)
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date like 2026-03-31');

export const ASSET_SOURCES = ['purchased', 'self_developed', 'other'] as const;
/** 外购 / 自行开发 / 其他: the disclosure's sources. */
export const AssetSource = z.enum(ASSET_SOURCES);
export type AssetSource = z.infer<typeof AssetSource>;

export const ASSET_CLASSIFICATIONS = ['intangible', 'inventory', 'expensed'] as const;
/** 无形资产 / 存货 / 费用化. */
export const AssetClassification = z.enum(ASSET_CLASSIFICATIONS);
export type AssetClassification = z.infer<typeof AssetClassification>;

/** The recognition checklist (CAS 6 Art. 4 and 9, CAS 1 for data held for sale), answered by the owner. */
export const AssetChecklist = z.strictObject({
  heldForSale: z.boolean().describe('held for sale in the ordinary course (→ 存货)'),
  probableBenefits: z.boolean().describe('economic benefits will probably flow to the enterprise'),
  reliablyMeasurable: z
    .boolean()
    .describe('its cost (for development: (五) the spend) can be measured reliably'),
  stage: z.enum(['research', 'development']).nullable().describe('self-developed: 研究阶段 or 开发阶段'),
  technicallyFeasible: z.boolean().describe('CAS 6 Art. 9 (一) technically feasible to complete'),
  intentionToComplete: z.boolean().describe('(二) the intention to complete and use or sell it'),
  benefitsDemonstrable: z.boolean().describe('(三) the way it generates benefits, a market or internal use'),
  resourcesAvailable: z.boolean().describe('(四) technical, financial and other resources to complete it'),
});
export type AssetChecklist = z.infer<typeof AssetChecklist>;

export const COST_CATEGORIES = [
  'purchase',
  'desensitization',
  'cleansing',
  'annotation',
  'integration',
  'analysis',
  'visualization',
  'rights_verification',
  'quality_assessment',
  'registration_settlement',
  'security_management',
  'development',
] as const;
/** 购买价款; 脱敏、清洗、标注、整合、分析、可视化; 权属鉴证、质量评估、登记结算、安全管理; 开发支出. */
export const CostCategory = z.enum(COST_CATEGORIES);
export type CostCategory = z.infer<typeof CostCategory>;

export const AssetStatus = z.enum(['active', 'disposed']);

const CertNos = z.array(CertNo).max(20);
const ResourceIds = z.array(Id('res')).max(20);

export const CreateAssetBody = z.strictObject({
  name: Text(200),
  description: z.string().trim().max(2000).optional(),
  source: AssetSource,
  recognizedPeriod: Month.describe('the month it was recognised'),
  certificateNos: CertNos.default([]),
  resourceIds: ResourceIds.default([]),
  checklist: AssetChecklist,
});
export type CreateAssetBody = z.input<typeof CreateAssetBody>;

export const UpdateAssetBody = z.strictObject({
  version: z.number().int().min(1),
  name: Text(200).optional(),
  description: z.string().trim().max(2000).optional(),
  certificateNos: CertNos.optional(),
  resourceIds: ResourceIds.optional(),
  checklist: AssetChecklist.optional(),
  status: AssetStatus.optional(),
});

export const AssetQuery = z.strictObject({
  ...PageQuery,
  orgId: Id('org').optional().describe('oversight: one org’s ledger'),
  classification: AssetClassification.optional(),
});

/** A certificate as the registry holds it now: one source of truth for the pledge. */
export const AssetCertificate = z.object({
  certNo: z.string(),
  status: z.string(),
  holderOrgName: z.string().nullable(),
  objectTitle: z.string(),
  pledged: z.boolean(),
  pledgeeOrgName: z.string().nullable(),
  pledgedAt: Timestamp.nullable(),
});

export const AssetResource = z.object({ id: z.string(), title: z.string().nullable() });

export const Asset = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  source: AssetSource,
  classification: AssetClassification,
  classificationReasons: z.array(z.string()),
  checklist: AssetChecklist,
  recognizedPeriod: z.string(),
  certificateNos: z.array(z.string()),
  resourceIds: z.array(z.string()),
  status: AssetStatus,
  costFen: z.number().int(),
  carryingFen: z.number().int().describe('cost less amortization and impairment to date'),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Asset = z.infer<typeof Asset>;

export const AssetCost = z.object({
  id: z.string(),
  category: CostCategory,
  amountFen: z.number().int(),
  incurredOn: z.string(),
  note: z.string().nullable(),
  createdAt: Timestamp,
});

export const AddCostBody = z.strictObject({
  category: CostCategory,
  amountFen: Fen.min(1),
  incurredOn: DateOnly,
  note: z.string().trim().max(500).optional(),
});

export const AmortizationPlanBody = z
  .strictObject({
    method: z.enum(['straight_line', 'units_of_use']),
    residualFen: Fen.default(0),
    startPeriod: Month,
    months: z.number().int().min(1).max(600).optional().describe('straight-line: the useful life in months'),
    units: z
      .array(z.number().int().min(0).max(1_000_000_000))
      .min(1)
      .max(600)
      .optional()
      .describe('units of use: the units expected each month'),
  })
  .superRefine((p, ctx) => {
    if (p.method === 'straight_line' && !p.months)
      ctx.addIssue({
        code: 'custom',
        path: ['months'],
        message: 'straight-line needs the months of useful life',
      });
    if (p.method === 'units_of_use' && !p.units?.some((u) => u > 0))
      ctx.addIssue({
        code: 'custom',
        path: ['units'],
        message: 'units of use needs the units expected each month',
      });
  });

export const AmortizationRow = z.object({
  period: z.string(),
  amortizationFen: z.number().int(),
  impairmentFen: z.number().int(),
  accumulatedFen: z.number().int(),
  accumulatedImpairmentFen: z.number().int(),
  carryingFen: z.number().int(),
});
export type AmortizationRow = z.infer<typeof AmortizationRow>;

export const AmortizationPlan = z.object({
  method: z.enum(['straight_line', 'units_of_use']),
  costFen: z.number().int(),
  residualFen: z.number().int(),
  startPeriod: z.string(),
  months: z.number().int().nullable(),
  units: z.array(z.number().int()).nullable(),
  schedule: z.array(AmortizationRow),
});

export const Impairment = z.object({
  id: z.string(),
  period: z.string(),
  amountFen: z.number().int(),
  reason: z.string(),
  createdAt: Timestamp,
});

export const ImpairmentBody = z.strictObject({
  period: Month,
  amountFen: Fen.min(1),
  reason: Text(500),
});

export const ValuationStatus = z.enum(['draft', 'signed']);

export const Valuation = z.object({
  id: z.string(),
  assetId: z.string(),
  assetName: z.string(),
  ownerOrgId: z.string(),
  valuerOrgId: z.string(),
  valuerOrgName: z.string().nullable(),
  method: ValuationMethod,
  incomeKind: IncomeKind.nullable(),
  inputs: ValuationInputs,
  figures: z.record(z.string(), z.unknown()),
  valueFen: z.number().int(),
  valuationDate: z.string(),
  status: ValuationStatus,
  reportSm3: z.string().nullable(),
  keyId: z.string().nullable(),
  signedAt: Timestamp.nullable(),
  ledgerIndex: z.number().int().nullable(),
  createdAt: Timestamp,
});
export type Valuation = z.infer<typeof Valuation>;

export const CreateValuationBody = z.strictObject({
  valuerOrgId: Id('org'),
  valuationDate: DateOnly,
  inputs: ValuationInputs,
});

export const ValuationQuery = z.strictObject({
  ...PageQuery,
  assetId: Id('ast').optional(),
  status: ValuationStatus.optional(),
});

/** The signed report: what the valuer attests, in RFC 8785 form. */
export const ValuationReport = z.object({
  type: z.literal('shuliu.asset-valuation-report'),
  version: z.literal(1),
  valuationId: z.string().max(40),
  asset: z.object({
    id: z.string().max(40),
    name: z.string().max(200),
    classification: AssetClassification,
    certificateNos: z.array(z.string().max(40)).max(20),
  }),
  owner: z.object({ orgId: z.string().max(40), name: z.string().max(200), uscc: z.string().max(18) }),
  valuer: z.object({ orgId: z.string().max(40), name: z.string().max(200), uscc: z.string().max(18) }),
  method: ValuationMethod,
  inputs: z.record(z.string(), z.unknown()),
  figures: z.record(z.string(), z.unknown()),
  valueFen: z.number().int(),
  valuationDate: z.string().max(10),
});
export type ValuationReport = z.infer<typeof ValuationReport>;

export const ValuationBundle = z.object({
  report: z.record(z.string(), z.unknown()),
  signature: z.object({ keyId: z.string().max(40), publicKey: Hex(65), signature: Hex(64) }),
  ledgerEntry: z.string().max(20_000),
  inclusionProof: InclusionProof,
  checkpoint: LedgerCheckpoint,
});
export type ValuationBundle = z.infer<typeof ValuationBundle>;

export const ValuationCheckName = z.enum([
  'shape',
  'signature',
  'ledgerEntry',
  'inclusion',
  'checkpointKey',
  'checkpoint',
]);
export type ValuationCheckName = z.infer<typeof ValuationCheckName>;

export const VerifyValuationReply = z.object({
  valid: z.boolean(),
  valuationId: z.string().nullable(),
  reportHash: z.string().nullable(),
  checks: z.array(z.object({ check: ValuationCheckName, ok: z.boolean(), message: z.string() })),
  failure: z.object({ check: ValuationCheckName, message: z.string() }).nullable(),
});
export type VerifyValuationReply = z.infer<typeof VerifyValuationReply>;

export const Contribution = z.object({
  id: z.string(),
  assetId: z.string(),
  investeeName: z.string(),
  investeeUscc: z.string(),
  sharePercent: z.number(),
  amountFen: z.number().int(),
  contributedOn: z.string(),
  valuationId: z.string(),
  createdAt: Timestamp,
});

/** 出资入股: the investee, the share taken, the amount in fen, and the signed valuation it stands on. */
export const ContributionBody = z.strictObject({
  investeeName: Text(200),
  investeeUscc: Uscc,
  sharePercent: z.number().gt(0).max(100).multipleOf(0.01),
  amountFen: Fen.min(1),
  contributedOn: DateOnly,
  valuationId: Id('avl'),
});

export const AssetDetail = Asset.extend({
  certificates: z.array(AssetCertificate),
  resources: z.array(AssetResource),
  costs: z.array(AssetCost),
  amortization: AmortizationPlan.nullable(),
  impairments: z.array(Impairment),
  valuations: z.array(Valuation),
  contributions: z.array(Contribution),
});
export type AssetDetail = z.infer<typeof AssetDetail>;

export const DisclosureRow = z.object({
  classification: AssetClassification,
  source: AssetSource,
  openingFen: z.number().int(),
  additionsFen: z.number().int(),
  amortizationFen: z.number().int(),
  impairmentFen: z.number().int(),
  closingFen: z.number().int(),
});
export type DisclosureRow = z.infer<typeof DisclosureRow>;

export const DisclosureQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  orgId: Id('org').optional().describe('oversight: the org whose table to read'),
});

export const Disclosure = z.object({
  orgId: z.string(),
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  rows: z.array(DisclosureRow),
});
export type Disclosure = z.infer<typeof Disclosure>;

export const AssetPage = paged(Asset);
export const ValuationPage = paged(Valuation);
export type Contribution = z.infer<typeof Contribution>;
export type AssetCost = z.infer<typeof AssetCost>;
export type Impairment = z.infer<typeof Impairment>;
export type AmortizationPlan = z.infer<typeof AmortizationPlan>;
export type AssetCertificate = z.infer<typeof AssetCertificate>;
export type AmortizationPlanBody = z.input<typeof AmortizationPlanBody>;

/** A valuer org an owner may assign a valuation to: an active provider offering asset valuation (资产评估). */
export const Valuer = z.object({ id: z.string(), name: z.string(), uscc: z.string() });
export type Valuer = z.infer<typeof Valuer>;
