import { z } from 'zod';
import { atMostKeys, Id, PageQuery, Text, Timestamp } from './common.js';
import { MAX_EXACT_PLAYERS } from './rules/shapley-utility.js';

/*
 * 结算与收益分配: monthly settlement periods (Beijing months), the statement lines each party receives per order,
 * and the revenue-share declarations (按贡献分配) whose Shapley computation splits a product's seller part among
 * the orgs whose data it is built from.
 */

/** A settlement period: a calendar month in Beijing time, YYYY-MM. */
export const SettlementPeriod = z
  .string()
  .max(7)
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
  .describe('a calendar month in Beijing time (Asia/Shanghai)');
export const PeriodParams = z.strictObject({ period: SettlementPeriod });

/** Who a statement line pays: the rules module's roles, and the contributors of a revenue-share declaration. */
export const StatementRole = z.enum([
  'seller',
  'operator',
  'authority',
  'processor',
  'platform',
  'contributor',
]);
export type StatementRole = z.infer<typeof StatementRole>;

export const PeriodSummary = z.object({
  period: SettlementPeriod,
  state: z.enum(['open', 'closed']),
  startsAt: Timestamp,
  endsAt: Timestamp,
  closedAt: Timestamp.nullable(),
  closedByName: z.string().nullable(),
  platformFeeBp: z.number().int().nullable().describe('the fee in force when the period closed'),
  grossFen: z
    .number()
    .int()
    .nullable()
    .describe('every order settled in it; to the operator and regulator only'),
  orders: z.number().int().nullable(),
  ownFen: z.number().int().nullable().describe('what the caller’s org receives in it'),
});
export type PeriodSummary = z.infer<typeof PeriodSummary>;

export const StatementQuery = z.strictObject({
  ...PageQuery,
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  org: Id('org').optional().describe('one party; a party always sees only its own lines'),
});
export const StatementCsvQuery = z.strictObject({ org: Id('org').optional() });

export const StatementParty = z.object({
  orgId: z.string(),
  orgName: z.string().nullable(),
  byRole: z.partialRecord(StatementRole, z.number().int()),
  fen: z.number().int(),
  orders: z.number().int(),
});
export type StatementParty = z.infer<typeof StatementParty>;

export const StatementLine = z.object({
  orderId: z.string(),
  productId: z.string(),
  productTitle: z.string().nullable(),
  billing: z.enum(['fixed', 'per_call']),
  calls: z.number().int().nullable(),
  orderGrossFen: z.number().int(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  role: StatementRole,
  fen: z.number().int(),
});
export type StatementLine = z.infer<typeof StatementLine>;

export const Statement = z.object({
  period: SettlementPeriod,
  state: z.enum(['open', 'closed']),
  closedAt: Timestamp.nullable(),
  platformFeeBp: z.number().int().nullable(),
  remainderRule: z.string().nullable(),
  /** The gross of the orders the shown lines belong to; for one party, its parties' fen need not reach it. */
  grossFen: z.number().int(),
  orders: z.number().int(),
  fen: z.number().int().describe('the sum of the shown parties’ fen: the gross when every party is shown'),
  parties: z.array(StatementParty).max(10_000),
  lines: z.array(StatementLine).max(500),
  totalLines: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type Statement = z.infer<typeof Statement>;

/** One order's split in words: every share, whole part and remainder, as the rules module wrote them. */
export const OrderExplanation = z.object({
  period: SettlementPeriod,
  orderId: z.string(),
  grossFen: z.number().int(),
  remainderRule: z.string().nullable(),
  explain: z.array(z.object({ 'zh-CN': z.string(), 'en-US': z.string() })).max(2000),
});
export type OrderExplanation = z.infer<typeof OrderExplanation>;

// —— revenue-share declarations (按贡献分配) ——

export const MAX_CONTRIBUTORS = 200;
/** Permutations one declaration may ask for: a computation stays well under a second at 200 contributors. */
export const MAX_DECLARED_SAMPLES = 50_000;
const MAX_COVERAGE_ITEMS_DECLARED = 20_000;

export const ShareMethod = z.enum(['exact', 'sampled']);
export type ShareMethod = z.infer<typeof ShareMethod>;

/**
 * The rules module's utility kinds (see shapley-utility.ts) with every map and list bounded for a request body;
 * the rules module checks the rest (each subset named once, every contributor present).
 */
const byContributor = <T extends z.ZodType>(v: T) => atMostKeys(z.record(Id('org'), v), MAX_CONTRIBUTORS);
const Item = z.union([z.string().min(1).max(200), z.number()]);
export const DeclaredUtility = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('table'),
    values: atMostKeys(z.record(z.string().max(1000), z.number()), 2 ** MAX_EXACT_PLAYERS).describe(
      'every subset’s value: its members’ org ids joined by commas, "" for the empty set',
    ),
  }),
  z.strictObject({ kind: z.literal('additive'), weights: byContributor(z.number()) }),
  z.strictObject({
    kind: z.literal('coverage'),
    sets: byContributor(z.array(Item).max(MAX_COVERAGE_ITEMS_DECLARED)),
    itemWeights: atMostKeys(
      z.record(z.string().max(200), z.number().min(0)),
      MAX_COVERAGE_ITEMS_DECLARED,
    ).optional(),
  }),
  z.strictObject({
    kind: z.literal('weighted_voting'),
    weights: byContributor(z.number().min(0)),
    quota: z.number().positive(),
    value: z.number().positive().optional(),
  }),
]);

export const RevenueShareBody = z
  .strictObject({
    contributors: z.array(Id('org')).min(1).max(MAX_CONTRIBUTORS),
    utility: DeclaredUtility.refine(
      (u) =>
        u.kind !== 'coverage' ||
        Object.values(u.sets).reduce((n, s) => n + s.length, 0) <= MAX_COVERAGE_ITEMS_DECLARED,
      { message: `at most ${MAX_COVERAGE_ITEMS_DECLARED.toLocaleString('en-US')} coverage items in all` },
    ),
    utilityLabel: Text(200).describe('what the utility measures, e.g. 模型准确率 / regions covered'),
    method: ShareMethod,
    seed: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('sampled: the seed the orders are drawn from'),
    samples: z.number().int().min(2).max(MAX_DECLARED_SAMPLES).optional(),
  })
  .refine((b) => b.method === 'sampled' || b.contributors.length <= MAX_EXACT_PLAYERS, {
    path: ['method'],
    message: `exact values are for at most ${MAX_EXACT_PLAYERS} contributors; sample above that`,
  })
  .refine((b) => b.method === 'exact' || (b.seed !== undefined && b.samples !== undefined), {
    path: ['samples'],
    message: 'a sampled computation names its seed and the number of samples',
  });
export type RevenueShareBody = z.infer<typeof RevenueShareBody>;

export const ContributorShare = z.object({
  orgId: z.string(),
  orgName: z.string().nullable(),
  value: z.number().describe('the Shapley value, in the utility’s unit'),
  partsPerBillion: z.number().int(),
  share: z.number(),
  errorBound: z.number().nullable().describe('sampled: Hoeffding’s bound at the stated confidence'),
  clamped: z.boolean().describe('a value below zero, counted as zero'),
});

export const ShapleyComputation = z.object({
  id: z.string(),
  method: ShareMethod,
  inputsHash: z.string().describe('SM3 of the inputs in RFC 8785 form'),
  inputs: z.object({
    players: z.array(z.string()),
    utility: z.unknown(),
    method: ShareMethod,
    seed: z.string().nullable(),
    samples: z.number().int().nullable(),
  }),
  contributors: z.array(ContributorShare).max(MAX_CONTRIBUTORS),
  grand: z.number(),
  empty: z.number(),
  subsets: z.number().int().nullable(),
  samples: z.number().int().nullable(),
  seed: z.string().nullable(),
  algorithm: z.string().nullable(),
  confidence: z.number().nullable(),
  maxErrorBound: z.number().nullable(),
  shareRule: z.string(),
  runByName: z.string().nullable(),
  createdAt: Timestamp,
});
export type ShapleyComputation = z.infer<typeof ShapleyComputation>;

export const RevenueShare = z.object({
  productId: z.string(),
  productTitle: z.string().nullable(),
  sellerOrgId: z.string(),
  contributors: z.array(z.object({ orgId: z.string(), orgName: z.string().nullable() })),
  utility: z.unknown(),
  utilityLabel: z.string(),
  method: ShareMethod,
  seed: z.string().nullable(),
  samples: z.number().int().nullable(),
  version: z.number().int(),
  updatedAt: Timestamp,
  computation: ShapleyComputation.nullable(),
});
export type RevenueShare = z.infer<typeof RevenueShare>;

/** Trade settings of the operator: the platform fee every order's gross pays (平台服务费). */
export const TradeSettings = z.strictObject({
  platformFeeBp: z
    .number()
    .int()
    .min(0)
    .max(3000)
    .describe('平台服务费 in basis points of each order’s gross (at most 30 %)'),
});
export type TradeSettings = z.infer<typeof TradeSettings>;
export const UpdateTradeSettingsBody = TradeSettings.partial().strict();
