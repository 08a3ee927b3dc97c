import type { Grade } from '../catalog.js';
import { divisionCovers } from './division.js';
import { headlineFen, type PricedModel } from './market-price.js';

/*
 * The demand matcher's score (需求匹配): how well a listed product answers a buyer's demand, as parts a buyer
 * and a seller can each read. Pure, so the server ranks by it and the portal explains the very same numbers.
 */

/** The parts of a match score and their weights (out of 100). Credit counts once credit ratings exist. */
export const MATCH_WEIGHTS = { text: 35, sector: 20, grade: 15, region: 10, price: 20, credit: 0 } as const;
export type MatchPartKey = keyof typeof MATCH_WEIGHTS;
export const MATCH_PART_KEYS = Object.keys(MATCH_WEIGHTS) as MatchPartKey[];

/** A match at or above this score, on a grade the buyer accepts, is a good one: both sides are told. */
export const GOOD_MATCH_SCORE = 60;
/** Matches below this are not kept: they would only crowd a buyer's list. */
export const MIN_MATCH_SCORE = 25;
/** How many distinct words of the demand count as a full text match (a long demand need not match all). */
export const FULL_TEXT_WORDS = 8;
/** A match must be about the same thing: this much of the text, or a sector near the wanted one. */
export const MIN_TEXT_RELEVANCE = 0.25;
/** Words nearly every demand and listing holds: matching on them says nothing. */
export const MATCH_STOP_WORDS: ReadonlySet<string> = new Set([
  '数据',
  '需求',
  '求购',
  '采购',
  '购买',
  '产品',
  '提供',
  '服务',
  '相关',
  '信息',
  '用于',
  '我们',
  '需要',
]);

export const MATCH_REASONS = [
  'words',
  'same_sector',
  'sub_sector',
  'related_sector',
  'other_sector',
  'grade_accepted',
  'grade_not_accepted',
  'region_any',
  'region_within',
  'region_covers',
  'region_same_province',
  'region_elsewhere',
  'no_budget',
  'price_within',
  'price_near',
  'price_over',
  'price_metered',
  'no_price',
  'credit_not_rated',
] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

export interface MatchPartResult {
  key: MatchPartKey;
  weight: number;
  /** 0–1; null when the part is not rated yet (credit). */
  value: number | null;
  /** weight × value, rounded: what the part adds to the score. */
  points: number;
  reason: MatchReason;
  detail: Record<string, number | string>;
}

export interface DemandFacts {
  sector: string;
  region: string | null;
  grades: readonly Grade[];
  budgetMaxFen: number | null;
  /** The demand's match words (title and purpose, segmented). */
  termCount: number;
}

export interface ProductFacts {
  sector: string;
  region: string;
  grade: Grade;
  priceModel: (PricedModel & { period?: 'monthly' | 'yearly'; basis?: string }) | null;
  /** How many of the demand's match words the product's text holds. */
  matchedTerms: number;
}

/** Text relevance: the share of the demand's words the product's text holds, full at FULL_TEXT_WORDS. */
function textPart(d: DemandFacts, p: ProductFacts): [number, MatchReason, Record<string, number>] {
  const needed = Math.min(d.termCount, FULL_TEXT_WORDS);
  const value = needed ? Math.min(1, p.matchedTerms / needed) : 0;
  return [value, 'words', { matched: p.matchedTerms, of: d.termCount }];
}

/** Catalog sectors are a tree (`transport.road` under `transport`): below the wanted one counts in full. */
function sectorPart(d: DemandFacts, p: ProductFacts): [number, MatchReason] {
  if (p.sector === d.sector) return [1, 'same_sector'];
  if (p.sector.startsWith(`${d.sector}.`)) return [1, 'sub_sector'];
  const top = (s: string) => s.split('.')[0];
  if (top(p.sector) === top(d.sector)) return [0.5, 'related_sector'];
  return [0, 'other_sector'];
}

/** GB/T 43697-2024: a buyer names the grades it can protect; a product of another grade is not for it. */
const gradePart = (d: DemandFacts, p: ProductFacts): [number, MatchReason] =>
  d.grades.includes(p.grade) ? [1, 'grade_accepted'] : [0, 'grade_not_accepted'];

/** GB/T 2260: data about the wanted division or a place inside it fits; a wider area holds it too. */
function regionPart(d: DemandFacts, p: ProductFacts): [number, MatchReason] {
  if (!d.region) return [1, 'region_any'];
  if (divisionCovers(d.region, p.region)) return [1, 'region_within'];
  if (divisionCovers(p.region, d.region)) return [0.7, 'region_covers'];
  if (p.region.slice(0, 2) === d.region.slice(0, 2)) return [0.4, 'region_same_province'];
  return [0, 'region_elsewhere'];
}

/**
 * The product's price against the budget's upper end: a fixed price or a year of subscription is compared
 * as it is; a metered price (per call, tiered, government-guided per call) depends on volume and counts half.
 */
function pricePart(d: DemandFacts, p: ProductFacts): [number, MatchReason, Record<string, number>] {
  const m = p.priceModel;
  if (!m) return [0, 'no_price', {}];
  const metered =
    m.kind === 'per_call' ||
    m.kind === 'tiered' ||
    (m.kind === 'government_guided' && m.basis === 'per_call');
  const monthly = m.period === 'monthly' || (m.kind === 'government_guided' && m.basis === 'monthly');
  const price = headlineFen(m) * (monthly ? 12 : 1);
  if (d.budgetMaxFen === null) return [1, 'no_budget', { priceFen: price }];
  if (metered) return [0.5, 'price_metered', { unitFen: price, budgetMaxFen: d.budgetMaxFen }];
  if (price <= d.budgetMaxFen) return [1, 'price_within', { priceFen: price, budgetMaxFen: d.budgetMaxFen }];
  if (price <= d.budgetMaxFen * 1.2)
    return [0.5, 'price_near', { priceFen: price, budgetMaxFen: d.budgetMaxFen }];
  return [0, 'price_over', { priceFen: price, budgetMaxFen: d.budgetMaxFen }];
}

const part = (
  key: MatchPartKey,
  [value, reason, detail = {}]: [number | null, MatchReason, Record<string, number | string>?],
): MatchPartResult => ({
  key,
  weight: MATCH_WEIGHTS[key],
  value,
  points: value === null ? 0 : Math.round(MATCH_WEIGHTS[key] * value),
  reason,
  detail,
});

/** How well a product answers a demand: the score (0–100) and each part it is the sum of. */
export function scoreMatch(d: DemandFacts, p: ProductFacts) {
  const parts = [
    part('text', textPart(d, p)),
    part('sector', sectorPart(d, p)),
    part('grade', gradePart(d, p)),
    part('region', regionPart(d, p)),
    part('price', pricePart(d, p)),
    part('credit', [null, 'credit_not_rated']),
  ];
  const score = Math.min(
    100,
    parts.reduce((s, x) => s + x.points, 0),
  );
  const relevant = parts[0]!.value! >= MIN_TEXT_RELEVANCE || parts[1]!.value! > 0;
  return { score, parts, relevant, good: relevant && isGoodMatch(score, parts) };
}

/** A good match: high enough, and on a grade the buyer accepts (a buyer never wants data it cannot hold). */
export const isGoodMatch = (score: number, parts: readonly { key: string; value: number | null }[]) =>
  score >= GOOD_MATCH_SCORE && parts.some((x) => x.key === 'grade' && x.value === 1);

/** Budget bands of the demand survey (市场需求调查), in yuan: by the budget's upper end, or its lower end. */
export const BUDGET_BANDS = ['none', 'lt_10k', '10k_100k', '100k_500k', '500k_1m', 'ge_1m'] as const;
export type BudgetBand = (typeof BUDGET_BANDS)[number];
export function budgetBand(minFen: number | null, maxFen: number | null): BudgetBand {
  const fen = maxFen ?? minFen;
  if (fen === null) return 'none';
  const yuan = fen / 100;
  if (yuan < 10_000) return 'lt_10k';
  if (yuan < 100_000) return '10k_100k';
  if (yuan < 500_000) return '100k_500k';
  if (yuan < 1_000_000) return '500k_1m';
  return 'ge_1m';
}
