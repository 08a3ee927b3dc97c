import { z } from 'zod';
import { Grade, SectorCode } from './catalog.js';
import { Id, PageQuery, Text, Timestamp, paged } from './common.js';
import { MarketFacetBucket } from './market.js';
import { dateInChina } from './rules/china-date.js';
import { BUDGET_BANDS, MATCH_PART_KEYS, MATCH_REASONS } from './rules/demand-match.js';
import { divisionCodeProblem } from './rules/division.js';
import { MAX_FEN } from './rules/market-price.js';

const unique = <T>(xs: T[]) => new Set(xs).size === xs.length;
const Fen = z.number().int().min(0).max(MAX_FEN).describe('integer fen (分)');

/** 需求 states: 征集中 (open) → 已关闭 by the buyer, or 已过期 past its deadline. */
export const DemandState = z.enum(['open', 'closed', 'expired']);
export type DemandState = z.infer<typeof DemandState>;

/** A GB/T 2260 division code, refused with the reason its structure fails. */
export const DemandRegion = z
  .string()
  .max(6)
  .superRefine((v, ctx) => {
    const problem = divisionCodeProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('GB/T 2260 division code the data should cover, e.g. 370100');

/** Today's date in Beijing, YYYY-MM-DD: a deadline is the last day a demand is open. */
export function todayInChina(now: Date = new Date()): string {
  const d = dateInChina(now);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

const isCalendarDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

/** The last day (Asia/Shanghai) a demand takes answers: today or later, at most two years ahead. */
export const DemandDeadline = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine(isCalendarDate, 'must be a calendar date')
  .refine((v) => v >= todayInChina(), 'must not be in the past')
  .refine((v) => v <= todayInChina(new Date(Date.now() + 731 * 86_400_000)), 'must be within two years')
  .describe('the last day the demand is open (YYYY-MM-DD, Beijing time)');

const demandFields = {
  title: Text(100),
  description: Text(2000),
  purpose: Text(500).describe('the purpose or application scenario the data is wanted for (应用场景)'),
  sector: SectorCode,
  region: DemandRegion.nullable().describe('null: any region'),
  grades: z
    .array(Grade)
    .min(1)
    .max(6)
    .refine(unique, 'must not repeat a grade')
    .describe('the grades the buyer can accept (GB/T 43697-2024)'),
  budgetMinFen: Fen.nullable(),
  budgetMaxFen: Fen.nullable(),
  deadline: DemandDeadline,
};

const budgetInOrder = (
  b: { budgetMinFen?: number | null; budgetMaxFen?: number | null },
  ctx: z.RefinementCtx,
) => {
  if (b.budgetMinFen != null && b.budgetMaxFen != null && b.budgetMinFen > b.budgetMaxFen)
    ctx.addIssue({ code: 'custom', path: ['budgetMinFen'], message: 'must not be above budgetMaxFen' });
};

/** A new demand (数据需求). */
export const DemandBody = z
  .strictObject({
    ...demandFields,
    region: demandFields.region.default(null),
    budgetMinFen: demandFields.budgetMinFen.default(null),
    budgetMaxFen: demandFields.budgetMaxFen.default(null),
  })
  .superRefine(budgetInOrder);
export type DemandBody = z.input<typeof DemandBody>;

/** A change to an open demand: only what is sent changes; `version` is the one the buyer edited. */
export const UpdateDemandBody = z
  .strictObject({
    ...(Object.fromEntries(Object.entries(demandFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof demandFields]: z.ZodOptional<(typeof demandFields)[K]>;
    }),
    version: z.number().int().min(1).max(1_000_000),
  })
  .superRefine(budgetInOrder);
export type UpdateDemandBody = z.input<typeof UpdateDemandBody>;

export const CloseDemandBody = z.strictObject({ reason: Text(500).nullable().default(null) });

export const Demand = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  purpose: z.string(),
  sector: z.string(),
  sectorName: z.string().nullable(),
  region: z.string().nullable(),
  grades: z.array(Grade),
  budgetMinFen: z.number().int().nullable(),
  budgetMaxFen: z.number().int().nullable(),
  deadline: z.string(),
  state: DemandState.describe('past its deadline an open demand reads as expired'),
  closeReason: z.string().nullable(),
  version: z.number().int(),
  matchCount: z.number().int().describe('listed products the matcher ranked for it'),
  answerCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  closedAt: Timestamp.nullable(),
});
export type Demand = z.infer<typeof Demand>;

/** One part of a match score: its weight, its value (0–1; null: not rated yet) and what it rests on. */
export const MatchPart = z.object({
  key: z.enum(MATCH_PART_KEYS as [string, ...string[]]),
  weight: z.number().int(),
  value: z.number().nullable(),
  points: z.number().int(),
  reason: z.enum(MATCH_REASONS),
  detail: z.record(z.string(), z.union([z.number(), z.string()])),
});
export type MatchPart = z.infer<typeof MatchPart>;

/** A listed product the matcher ranked for a demand. */
export const DemandMatch = z.object({
  demandId: z.string(),
  productId: z.string(),
  productTitle: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  score: z.number().int(),
  good: z.boolean().describe('score at or above the good-match line on an accepted grade: both sides told'),
  parts: z.array(MatchPart),
  matchedAt: Timestamp,
  notifiedAt: Timestamp.nullable(),
});
export type DemandMatch = z.infer<typeof DemandMatch>;

/** A merchant (数据商) ranked by its best-matching product. */
export const MerchantMatch = z.object({
  orgId: z.string(),
  orgName: z.string().nullable(),
  bestScore: z.number().int(),
  products: z.number().int(),
});

export const DemandMatchesReply = z.object({
  items: z.array(DemandMatch),
  merchants: z.array(MerchantMatch),
});
export type DemandMatchesReply = z.infer<typeof DemandMatchesReply>;

/** A buyer's own demand with its best matches. */
export const MyDemand = Demand.extend({ matches: z.array(DemandMatch) });
export type MyDemand = z.infer<typeof MyDemand>;

/** A seller's answer (应答) to a demand: one of its listed products, a message, optionally a price. */
export const AnswerBody = z.strictObject({
  productId: Id('prd'),
  message: Text(2000),
  priceFen: Fen.nullable().default(null).describe('a proposed price; null: the listing’s price model'),
});
export type AnswerBody = z.input<typeof AnswerBody>;

export const DemandAnswer = z.object({
  id: z.string(),
  demandId: z.string(),
  demandTitle: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  productId: z.string(),
  productTitle: z.string().nullable(),
  message: z.string(),
  priceFen: z.number().int().nullable(),
  state: z.enum(['open', 'withdrawn']),
  createdAt: Timestamp,
});
export type DemandAnswer = z.infer<typeof DemandAnswer>;

const Csv = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item).max(20)])
    .transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[])
    .optional();

/** The public demand board (需求大厅): open demands, Chinese full text, sector and region facets. */
export const DemandQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(200).optional(),
  sector: Csv(SectorCode),
  region: DemandRegion.optional().describe('demands for this division and those within it'),
  sort: z.enum(['relevance', 'newest', 'deadline', 'budget_desc']).default('relevance'),
});
export type DemandQuery = z.input<typeof DemandQuery>;

export const DemandSearchReply = paged(Demand).extend({
  facets: z.object({
    sector: z.array(MarketFacetBucket),
    region: z.array(MarketFacetBucket).describe('by province (GB/T 2260 xx0000)'),
  }),
});
export type DemandSearchReply = z.infer<typeof DemandSearchReply>;

export const MyDemandQuery = z.strictObject({ ...PageQuery, state: DemandState.optional() });
export type MyDemandQuery = z.input<typeof MyDemandQuery>;
export const MyAnswerQuery = z.strictObject({ ...PageQuery });

/** 市场需求调查: how many demands over what window of months. */
export const DemandStatsQuery = z.strictObject({
  months: z.coerce.number().int().min(1).max(36).default(12),
});

const StatBucket = z.object({
  value: z.string(),
  label: z.string().nullable(),
  count: z.number().int(),
  budgetFen: z.number().int().describe('the sum of the budgets’ upper ends (or lower, when open-ended)'),
});
export const DemandStats = z.object({
  total: z.number().int(),
  open: z.number().int(),
  answered: z.number().int().describe('demands with at least one answer'),
  matched: z.number().int().describe('demands with at least one good match'),
  bySector: z.array(StatBucket),
  byRegion: z.array(StatBucket).describe('by province; `none` for demands open to any region'),
  byMonth: z.array(StatBucket).describe('YYYY-MM in Beijing time, oldest first, every month of the window'),
  byBudgetBand: z.array(StatBucket.extend({ value: z.enum(BUDGET_BANDS) })),
});
export type DemandStats = z.infer<typeof DemandStats>;
