import { z } from 'zod';
import { Grade, SectorCode } from './catalog.js';
import { Id, PageQuery, Text, Timestamp } from './common.js';
import { ErrorCodeSchema } from './errors.js';
import { BoardCode, DeliveryMode, ProductStatus } from './market.js';

const unique = <T>(xs: T[]) => new Set(xs).size === xs.length;

/**
 * A board's own listing rules (行业板块规则), over the platform's: which delivery modes it takes, data of which
 * sectors it takes only as a compute service (e.g. 医疗健康: health data), which sectors its products come
 * from, and the highest grade it lists.
 */
export const BoardRules = z.strictObject({
  deliveryModes: z.array(DeliveryMode).min(1).max(4).refine(unique, 'must not repeat a mode').optional(),
  computeOnlySectors: z
    .array(SectorCode)
    .max(50)
    .optional()
    .describe('data of these sectors (and those below them) is listed only as a compute service'),
  sectors: z.array(SectorCode).max(50).optional().describe('products of these sectors (and below) only'),
  maxGrade: Grade.optional(),
});
export type BoardRules = z.infer<typeof BoardRules>;

export const BoardReviewer = z.object({
  userId: z.string(),
  displayName: z.string().nullable(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
});

export const Board = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  description: z.string().nullable(),
  rules: BoardRules,
  reviewers: z.array(BoardReviewer),
  productCount: z.number().int().describe('published products on the board'),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Board = z.infer<typeof Board>;

export const BoardBody = z.strictObject({
  code: BoardCode,
  name: Text(40),
  nameEn: Text(80).nullable().default(null),
  description: Text(1000).nullable().default(null),
  rules: BoardRules.default({}),
});
export type BoardBody = z.input<typeof BoardBody>;
/** Only what is sent changes. */
export const UpdateBoardBody = z.strictObject({
  name: Text(40).optional(),
  nameEn: Text(80).nullable().optional(),
  description: Text(1000).nullable().optional(),
  rules: BoardRules.optional(),
});
export type UpdateBoardBody = z.input<typeof UpdateBoardBody>;
/** The board's reviewers (users of a certifier org the operator assigns), replacing the set. */
export const BoardReviewersBody = z.strictObject({
  userIds: z.array(Id('usr')).max(50).refine(unique, 'must not repeat a user'),
});
export const BoardCodeParams = z.strictObject({ code: BoardCode });

/** 交易负面清单: what may not be listed — a sector, a keyword, an organization, a resource. */
export const NegativeKind = z.enum(['sector', 'keyword', 'org', 'resource']);
export type NegativeKind = z.infer<typeof NegativeKind>;
export const NegativeEntry = z.object({
  id: z.string(),
  kind: NegativeKind,
  value: z.string(),
  label: z.string().nullable().describe('the sector, org or resource named, for display'),
  reason: z.string(),
  addedBy: z.string(),
  addedAt: Timestamp,
  removedAt: Timestamp.nullable(),
  removedBy: z.string().nullable(),
  removeReason: z.string().nullable(),
});
export type NegativeEntry = z.infer<typeof NegativeEntry>;
export const NegativeEntryBody = z.strictObject({
  kind: NegativeKind,
  value: Text(200).describe('a sector code, a keyword (≥ 2 characters), an org_… or a res_… id'),
  reason: Text(1000),
});
export type NegativeEntryBody = z.input<typeof NegativeEntryBody>;
export const NegativeQuery = z.strictObject({
  ...PageQuery,
  kind: NegativeKind.optional(),
  removed: z.enum(['true', 'false']).default('false'),
});
export const MarketReasonBody = z.strictObject({ reason: Text(1000) });

/** The listing checks (挂牌条件), each one rule; the dry run and the review checklist show them in this order. */
export const CHECK_ITEMS = [
  'resources',
  'certificate',
  'declarations',
  'negativeList',
  'scenarios',
  'priceModel',
  'grade',
  'boardRules',
] as const;
export const CheckItemKey = z.enum(CHECK_ITEMS);
export type CheckItemKey = z.infer<typeof CheckItemKey>;

export const CheckItem = z.object({
  key: CheckItemKey,
  passed: z.boolean(),
  code: ErrorCodeSchema.nullable().describe('the MARKET_… error code of the rule that failed'),
  reason: z.string().nullable(),
  rule: z.string().describe('the clause the check enforces'),
});
export type CheckItem = z.infer<typeof CheckItem>;
export const ListingCheck = z.object({
  passed: z.boolean(),
  items: z.array(CheckItem),
  certificateNos: z.array(z.string()),
  grade: Grade,
});
export type ListingCheck = z.infer<typeof ListingCheck>;

export const ListingDecision = z.enum(['approve', 'reject']);
export const ListingChecklistItem = z.strictObject({ passed: z.boolean(), note: Text(1000).optional() });
/** 合规审查: the reviewer's checklist, every item of the listing checks; a reason for every rejection. */
export const ListingReviewBody = z.strictObject({
  decision: ListingDecision,
  version: z.number().int().min(1).max(1_000_000).describe('the version of the product reviewed'),
  checklist: z.strictObject(
    Object.fromEntries(CHECK_ITEMS.map((k) => [k, ListingChecklistItem])) as Record<
      CheckItemKey,
      typeof ListingChecklistItem
    >,
  ),
  reason: Text(2000).optional().describe('required to reject'),
});
export type ListingReviewBody = z.input<typeof ListingReviewBody>;

export const ListingReview = z.object({
  id: z.string(),
  productId: z.string(),
  productVersion: z.number().int(),
  reviewerId: z.string(),
  reviewerName: z.string().nullable(),
  decision: ListingDecision,
  checklist: z.record(z.string(), z.object({ passed: z.boolean(), note: z.string().optional() })),
  reason: z.string().nullable(),
  createdAt: Timestamp,
});
export type ListingReview = z.infer<typeof ListingReview>;

/** The review queue: products in review the caller may decide (all for the operator, their boards' for others). */
export const ListingQueueQuery = z.strictObject({
  ...PageQuery,
  status: ProductStatus.default('in_review'),
  board: BoardCode.optional(),
});
export type ListingQueueQuery = z.input<typeof ListingQueueQuery>;
export const ProductReviewsReply = z.object({ items: z.array(ListingReview) });
export const ProductIdParams = z.strictObject({ id: Id('prd') });
