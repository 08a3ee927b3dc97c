import { z } from 'zod';
import { Grade, SectorCode } from './catalog.js';
import { atMostKeys, Id, PageQuery, Text, Timestamp } from './common.js';
import { QualityScore } from './quality.js';
import { isDivisionCode } from './rules/division.js';
import { MAX_FEN, tiersProblem } from './rules/market-price.js';

const unique = <T>(xs: T[]) => new Set(xs).size === xs.length;

/** How a product is delivered: a de-identified dataset file, a metered API, compute-to-data, a data report. */
export const DeliveryMode = z.enum(['file', 'api', 'compute', 'report']);
export type DeliveryMode = z.infer<typeof DeliveryMode>;

/** 挂牌 states: 草稿 → 审查中 → 已挂牌 (or 已驳回 → 草稿 again); 已暂停 by the suspension job; 已下架. */
export const ProductStatus = z.enum([
  'draft',
  'in_review',
  'rejected',
  'published',
  'suspended',
  'withdrawn',
]);
export type ProductStatus = z.infer<typeof ProductStatus>;

/** A GB/T 2260 administrative division code (e.g. 370100 济南市). */
export const DivisionCode = z
  .string()
  .max(6)
  .refine(isDivisionCode, 'must be a GB/T 2260 division code (six digits, e.g. 370100)')
  .describe('GB/T 2260 administrative division code');

/** An industry board's code (行业板块), e.g. `health`. */
export const BoardCode = z
  .string()
  .max(30)
  .regex(/^[a-z][a-z0-9_]{1,29}$/, 'must be lower-case letters, digits and _ (2–30), e.g. health');

const Fen = z.number().int().min(0).max(MAX_FEN).describe('integer fen (分)');

export const PriceModelKind = z.enum(['fixed', 'per_call', 'subscription', 'tiered', 'government_guided']);
export type PriceModelKind = z.infer<typeof PriceModelKind>;

const Tier = z.strictObject({
  upTo: z
    .number()
    .int()
    .min(1)
    .max(MAX_FEN)
    .nullable()
    .describe('the tier ends at this volume; null: no end'),
  unitFen: Fen,
});

const priceMembers = {
  fixed: z.strictObject({ kind: z.literal('fixed'), amountFen: Fen }),
  perCall: z.strictObject({ kind: z.literal('per_call'), unitFen: Fen }),
  subscription: z.strictObject({
    kind: z.literal('subscription'),
    period: z.enum(['monthly', 'yearly']),
    amountFen: Fen,
  }),
  tiered: z
    .strictObject({
      kind: z.literal('tiered'),
      unit: Text(20).describe('what the volume counts: 次, 条, GB…'),
      tiers: z.array(Tier).min(1).max(10),
    })
    .superRefine((m, ctx) => {
      const problem = tiersProblem(m.tiers);
      if (problem) ctx.addIssue({ code: 'custom', path: ['tiers'], message: problem });
    }),
};

/**
 * 政府指导定价 (公共数据有偿使用): public data under an authorized operation, at most the authority's price
 * guidance. The caller states the amount; the server fills in the cap and the grants it came from.
 */
const GovernmentGuidedInput = z.strictObject({
  kind: z.literal('government_guided'),
  basis: z.enum(['fixed', 'per_call', 'monthly', 'yearly']).describe('what the amount is charged for'),
  amountFen: Fen,
});

/** A price model as a seller sends it. */
export const PriceModelInput = z.discriminatedUnion('kind', [
  priceMembers.fixed,
  priceMembers.perCall,
  priceMembers.subscription,
  priceMembers.tiered,
  GovernmentGuidedInput,
]);
export type PriceModelInput = z.infer<typeof PriceModelInput>;

/** A price model as stored and shown: a government-guided price carries the cap that applies. */
export const PriceModel = z.discriminatedUnion('kind', [
  priceMembers.fixed,
  priceMembers.perCall,
  priceMembers.subscription,
  priceMembers.tiered,
  GovernmentGuidedInput.extend({
    capFen: z.number().int().nullable().describe('the authority’s price guidance; null: no grant covers it'),
    operationGrantIds: z.array(z.string()),
  }),
]);
export type PriceModel = z.infer<typeof PriceModel>;

/** The most a usage policy may weigh as JSON, in characters. */
export const POLICY_MAX_CHARS = 32_768;

/**
 * The product's usage policy (ODRL 2.2 JSON-LD, `odrl:Offer`), kept as bounded JSON here; its meaning is
 * checked by the policy evaluator's validator.
 */
export const PolicyInput = atMostKeys(z.record(z.string().max(200), z.unknown()), 50)
  .refine((p) => JSON.stringify(p).length <= POLICY_MAX_CHARS, {
    message: `must be at most ${POLICY_MAX_CHARS} characters as JSON`,
  })
  .describe('ODRL 2.2 policy (JSON-LD)');
export const Policy = z.record(z.string(), z.unknown());

/** A declared application scenario (应用场景): 无场景不交易. */
export const ProductScenario = z.strictObject({
  title: Text(100),
  description: Text(1000),
});
export type ProductScenario = z.infer<typeof ProductScenario>;

/** 声明承诺制: what a seller affirms before listing (RULES.md, Trading). */
export const COMMITMENTS = [
  'sourceLawful',
  'authorizationHeld',
  'personalInfoProtected',
  'noDispute',
  'notOnNegativeList',
] as const;
export const Commitment = z.enum(COMMITMENTS);
export type Commitment = z.infer<typeof Commitment>;
export const Commitments = z.strictObject(
  Object.fromEntries(COMMITMENTS.map((c) => [c, z.boolean().default(false)])) as Record<
    Commitment,
    z.ZodDefault<z.ZodBoolean>
  >,
);
export type Commitments = z.infer<typeof Commitments>;

/** The licence a product is sold under: at most `seats` live orders at once (null: no limit), one when exclusive. */
export const Licence = z.strictObject({
  seats: z.number().int().min(1).max(1_000_000).nullable().default(null),
  exclusive: z.boolean().default(false).describe('独占许可: one live order at a time'),
});
export type Licence = z.infer<typeof Licence>;

const productFields = {
  title: Text(100),
  summary: Text(300),
  description: Text(5000),
  sector: SectorCode,
  region: DivisionCode,
  resourceIds: z.array(Id('res')).min(1).max(20).refine(unique, 'must not repeat a resource'),
  deliveryModes: z.array(DeliveryMode).min(1).max(4).refine(unique, 'must not repeat a mode'),
  boards: z.array(BoardCode).min(1).max(5).refine(unique, 'must not repeat a board'),
  priceModel: PriceModelInput.nullable(),
  policy: PolicyInput.nullable(),
  scenarios: z.array(ProductScenario).max(20),
  commitments: Commitments,
  statement: Text(2000).nullable().describe('the seller’s declaration in its own words (声明)'),
  licence: Licence,
};

/** A new draft product (数据产品). */
export const ProductBody = z.strictObject({
  ...productFields,
  priceModel: productFields.priceModel.default(null),
  policy: productFields.policy.default(null),
  scenarios: productFields.scenarios.default([]),
  commitments: productFields.commitments.default(Commitments.parse({})),
  statement: productFields.statement.default(null),
  licence: productFields.licence.default(Licence.parse({})),
});
export type ProductBody = z.input<typeof ProductBody>;

/** A change to a draft: only what is sent changes; `version` is the one the seller edited (optimistic). */
export const UpdateProductBody = z.strictObject({
  ...Object.fromEntries(Object.entries(productFields).map(([k, v]) => [k, v.optional()])),
  version: z.number().int().min(1).max(1_000_000),
} as { [K in keyof typeof productFields]: z.ZodOptional<(typeof productFields)[K]> } & {
  version: z.ZodNumber;
});
export type UpdateProductBody = z.input<typeof UpdateProductBody>;

/** The org's SM2 signature over the declaration document, checkable offline with the org's key. */
export const DeclarationSignature = z.object({
  keyId: z.string(),
  algorithm: z.literal('sm2-sm3'),
  signature: z.string().describe('r ‖ s (hex) over the RFC 8785 form of `document`'),
  signedAt: Timestamp,
});

/**
 * The seller's declaration (声明承诺): `document` is exactly what the org signs (SM2 with SM3, signer ID
 * 1234567812345678, over its RFC 8785 form) and `hash` its SM3; a changed product is a new declaration,
 * signed anew.
 */
export const ProductDeclaration = z.object({
  document: z.record(z.string(), z.unknown()).describe('the declaration document as signed'),
  commitments: z.record(z.string(), z.boolean()),
  statement: z.string().nullable(),
  declaredBy: z.string(),
  declaredAt: Timestamp,
  hash: z.string(),
  signature: DeclarationSignature.nullable(),
});

export const ProductResource = z.object({
  id: z.string(),
  title: z.string().nullable(),
  grade: Grade.nullable(),
  basis: z.enum(['owner', 'org_grant', 'operation']).describe('why the seller may list it'),
  /** The latest data-quality score (GB/T 36344), null when never scored. */
  quality: QualityScore.nullable().optional(),
});

export const Product = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  description: z.string(),
  sector: z.string(),
  sectorName: z.string().nullable(),
  region: z.string(),
  resources: z.array(ProductResource),
  deliveryModes: z.array(DeliveryMode),
  boards: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() })),
  priceModel: PriceModel.nullable(),
  policy: Policy.nullable(),
  scenarios: z.array(ProductScenario),
  licence: z.object({ seats: z.number().int().nullable(), exclusive: z.boolean() }),
  grade: Grade.describe('the highest grade of its resources (就高从严)'),
  certificateNos: z.array(z.string()).describe('数据产品经营权 certificates the listing stands on'),
  declaration: ProductDeclaration,
  status: ProductStatus,
  version: z.number().int(),
  rejectionReason: z.string().nullable(),
  suspensionReason: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  listing: z
    .object({ hash: z.string(), ledgerIndex: z.number().int().nullable() })
    .nullable()
    .describe('the listing.published ledger entry'),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  submittedAt: Timestamp.nullable(),
  publishedAt: Timestamp.nullable(),
});
export type Product = z.infer<typeof Product>;

const Csv = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item).max(20)])
    .transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[])
    .optional();

/** The public marketplace: published listings, Chinese full text, facets and sort. */
export const ProductQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(200).optional(),
  board: Csv(BoardCode),
  sector: Csv(SectorCode),
  deliveryMode: Csv(DeliveryMode),
  priceModel: Csv(PriceModelKind),
  grade: Csv(Grade),
  region: DivisionCode.optional().describe('listings of this division and those within it'),
  org: Id('org').optional(),
  sort: z.enum(['relevance', 'newest', 'price_asc', 'price_desc', 'title']).default('relevance'),
});
export type ProductQuery = z.input<typeof ProductQuery>;

export const MarketFacetBucket = z.object({
  value: z.string(),
  label: z.string().nullable(),
  count: z.number().int(),
});
export const ProductSearchReply = z.object({
  items: z.array(Product),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z.object({
    board: z.array(MarketFacetBucket),
    sector: z.array(MarketFacetBucket),
    deliveryMode: z.array(MarketFacetBucket),
    priceModel: z.array(MarketFacetBucket),
    grade: z.array(MarketFacetBucket),
  }),
});
export type ProductSearchReply = z.infer<typeof ProductSearchReply>;

/** A seller's own products in any state. */
/** 数据商主页: what anyone may read of a seller with listings — registration facts and its market record. */
export const SellerProfile = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  uscc: z.string().describe('统一社会信用代码, public registration data'),
  region: z.string().nullable(),
  types: z.array(z.string()),
  merchantKinds: z.array(z.string()),
  memberSince: Timestamp,
  listed: z.number().int().describe('products listed now'),
  boards: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
  certificateNos: z.array(z.string()).describe('数据产品经营权 certificates its listings stand on'),
  signingKeys: z.number().int().describe('active SM2 keys its declarations and contracts are signed with'),
  firstListedAt: Timestamp.nullable(),
});
export type SellerProfile = z.infer<typeof SellerProfile>;

export const MyProductQuery = z.strictObject({
  ...PageQuery,
  status: ProductStatus.optional(),
});
export type MyProductQuery = z.input<typeof MyProductQuery>;

export const WithdrawBody = z.strictObject({ reason: Text(1000) });
