/*
 * 数据产品定价 (RULES.md, Trading: fixed, per call, subscription, tiered, government-guided), money in integer
 * fen. Shared by the server, which stores and checks price models, and the portal, which shows them.
 */

/** The most a price may say, in fen: ten billion yuan, well inside JavaScript's exact integers. */
export const MAX_FEN = 1_000_000_000_000;

export interface Tier {
  /** The tier ends at this volume (inclusive); null: the last tier, without end. */
  upTo: number | null;
  unitFen: number;
}

/**
 * Tiered pricing by volume (阶梯定价): tiers in ascending order of their end, each ending above the one
 * before, and only the last one open-ended. Null when the tiers are in order; else what is wrong.
 */
export function tiersProblem(tiers: readonly Tier[]): string | null {
  let last = 0;
  for (const [i, t] of tiers.entries()) {
    if (t.upTo === null) {
      if (i !== tiers.length - 1) return `tier ${i + 1} has no end but is not the last`;
      continue;
    }
    if (t.upTo <= last) return `tier ${i + 1} must end above ${last}`;
    last = t.upTo;
  }
  return null;
}

/** The amounts a price model states: what a cap and a sort by price compare. */
export type PricedModel =
  | { kind: 'fixed'; amountFen: number }
  | { kind: 'per_call'; unitFen: number }
  | { kind: 'subscription'; amountFen: number }
  | { kind: 'tiered'; tiers: readonly Tier[] }
  | { kind: 'government_guided'; amountFen: number };

/** The price a listing is sorted by: its amount, its unit price, or its first tier's unit price. */
export function headlineFen(m: PricedModel): number {
  if (m.kind === 'per_call') return m.unitFen;
  if (m.kind === 'tiered') return m.tiers[0]?.unitFen ?? 0;
  return m.amountFen;
}
