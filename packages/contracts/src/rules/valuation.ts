/*
 * 资产评估 (中评协《数据资产评估指导意见》2023, RULES.md "Valuation"): the cost, income and market methods as
 * pure functions, shared by the server (which stores and signs the figures) and the portal's wizard (which
 * shows every figure as the user types). Money is integer fen; each money figure is rounded half away from
 * zero to the fen where it is reported, and a total is the sum (or mean) of the reported figures, so every
 * table the wizard prints adds up exactly.
 */
import { z } from 'zod';
import { MAX_FEN } from './market-price.js';

const Fen = z.number().int().min(0).max(MAX_FEN);
/** A multiplicative correction (修正系数): positive, at most 10 (a tenfold correction is already suspicious). */
const Coefficient = z.number().gt(0).max(10);

/** Rounds half away from zero to an integer, after settling binary noise at the 6th decimal (0.1 + 0.2). */
export function roundFen(x: number): number {
  const settled = Number(Math.abs(x).toFixed(6));
  return Math.sign(x) * Math.round(settled) || 0;
}

export const VALUATION_METHODS = ['cost', 'income', 'market'] as const;
export const ValuationMethod = z.enum(VALUATION_METHODS);
export type ValuationMethod = z.infer<typeof ValuationMethod>;

/** The five parts of replacement cost (重置成本). */
export const CostParts = z.strictObject({
  preliminaryFen: Fen.describe('前期费用'),
  directFen: Fen.describe('直接成本'),
  indirectFen: Fen.describe('间接成本'),
  opportunityFen: Fen.describe('机会成本'),
  taxesFen: Fen.describe('相关税费'),
});

export const CostInputs = z.strictObject({
  method: z.literal('cost'),
  parts: CostParts,
  adjustment: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('factor'),
      qualityCoefficient: z.number().min(0).max(2).describe('质量系数, 1 = as good as the reference'),
      remainingLifeYears: z.number().min(0).max(100),
      totalLifeYears: z.number().gt(0).max(100),
    }),
    z.strictObject({
      kind: z.literal('depreciation'),
      depreciationRate: z.number().min(0).max(1).describe('贬值率'),
    }),
  ]),
});
export type CostInputs = z.infer<typeof CostInputs>;

export const INCOME_KINDS = ['direct', 'share', 'excess', 'incremental'] as const;
export const IncomeKind = z.enum(INCOME_KINDS);
export type IncomeKind = z.infer<typeof IncomeKind>;

export const IncomeInputs = z.strictObject({
  method: z.literal('income'),
  incomeKind: IncomeKind.describe('直接收益 / 分成收益 / 超额收益 / 增量收益'),
  discountRate: z.number().gt(0).max(1).describe('折现率 i, e.g. 0.1 for 10 %'),
  incomesFen: z
    .array(z.number().int().min(-MAX_FEN).max(MAX_FEN))
    .min(1)
    .max(50)
    .describe('F₁…Fₙ, the income of each year of the economic life'),
});
export type IncomeInputs = z.infer<typeof IncomeInputs>;

export const Comparable = z.strictObject({
  label: z.string().trim().min(1).max(200),
  valueFen: Fen.describe('可比案例价值'),
  technical: Coefficient.describe('技术修正'),
  valueDensity: Coefficient.describe('价值密度修正'),
  date: Coefficient.describe('期日修正'),
  capacity: Coefficient.describe('容量修正'),
  other: Coefficient.describe('其他修正'),
});
export type Comparable = z.infer<typeof Comparable>;

export const MarketInputs = z.strictObject({
  method: z.literal('market'),
  comparables: z.array(Comparable).min(1).max(20),
});
export type MarketInputs = z.infer<typeof MarketInputs>;

export const ValuationInputs = z.discriminatedUnion('method', [CostInputs, IncomeInputs, MarketInputs]);
export type ValuationInputs = z.infer<typeof ValuationInputs>;

export interface CostFigures {
  method: 'cost';
  replacementCostFen: number;
  /** The adjustment factor as computed (not rounded): q × remaining / total, or 1 − depreciation rate. */
  factor: number;
  valueFen: number;
}

export interface IncomeYear {
  year: number;
  incomeFen: number;
  /** 1 / (1 + i)^t, unrounded. */
  discountFactor: number;
  presentValueFen: number;
}

export interface IncomeFigures {
  method: 'income';
  incomeKind: IncomeKind;
  years: IncomeYear[];
  valueFen: number;
}

export interface ComparableFigures {
  label: string;
  valueFen: number;
  /** 技术 × 价值密度 × 期日 × 容量 × 其他, unrounded. */
  product: number;
  adjustedFen: number;
}

export interface MarketFigures {
  method: 'market';
  comparables: ComparableFigures[];
  valueFen: number;
}

export type ValuationFigures = CostFigures | IncomeFigures | MarketFigures;

/**
 * 成本法 (《数据资产评估指导意见》, 成本法): value = replacement cost × adjustment factor, replacement cost = 前期费用 + 直接成本 +
 * 间接成本 + 机会成本 + 相关税费; the factor is 质量系数 × remaining economic life / total economic life, or
 * 1 − 贬值率. The remaining life may not exceed the total.
 */
export function costValue(inputs: Omit<CostInputs, 'method'>): CostFigures {
  const p = inputs.parts;
  const replacementCostFen = p.preliminaryFen + p.directFen + p.indirectFen + p.opportunityFen + p.taxesFen;
  const a = inputs.adjustment;
  if (a.kind === 'factor' && a.remainingLifeYears > a.totalLifeYears)
    throw new RangeError('the remaining economic life exceeds the total economic life');
  const factor =
    a.kind === 'factor'
      ? (a.qualityCoefficient * a.remainingLifeYears) / a.totalLifeYears
      : 1 - a.depreciationRate;
  return { method: 'cost', replacementCostFen, factor, valueFen: roundFen(replacementCostFen * factor) };
}

/**
 * 收益法 (《数据资产评估指导意见》, 收益法): P = Σₜ₌₁..ₙ Fₜ / (1 + i)ᵗ over the economic life, with the kind of income recorded
 * (直接收益 / 分成收益 / 超额收益 / 增量收益). Each year's present value is rounded to the fen; P is their sum.
 */
export function incomeValue(inputs: Omit<IncomeInputs, 'method'>): IncomeFigures {
  const years = inputs.incomesFen.map((incomeFen, k) => {
    const discountFactor = 1 / (1 + inputs.discountRate) ** (k + 1);
    return { year: k + 1, incomeFen, discountFactor, presentValueFen: roundFen(incomeFen * discountFactor) };
  });
  const valueFen = years.reduce((s, y) => s + y.presentValueFen, 0);
  return { method: 'income', incomeKind: inputs.incomeKind, years, valueFen };
}

/**
 * 市场法 (《数据资产评估指导意见》, 市场法): each comparable's value × 技术修正 × 价值密度修正 × 期日修正 × 容量修正 × 其他修正,
 * rounded to the fen; the value is the mean of the adjusted values, rounded to the fen.
 */
export function marketValue(inputs: Omit<MarketInputs, 'method'>): MarketFigures {
  if (!inputs.comparables.length) throw new RangeError('the market method needs at least one comparable');
  const comparables = inputs.comparables.map((c) => {
    const product = c.technical * c.valueDensity * c.date * c.capacity * c.other;
    return { label: c.label, valueFen: c.valueFen, product, adjustedFen: roundFen(c.valueFen * product) };
  });
  const sum = comparables.reduce((s, c) => s + c.adjustedFen, 0);
  return { method: 'market', comparables, valueFen: roundFen(sum / comparables.length) };
}

/** The figures of any method: what the wizard shows and the signed report carries. */
export function valuationFigures(inputs: ValuationInputs): ValuationFigures {
  switch (inputs.method) {
    case 'cost':
      return costValue(inputs);
    case 'income':
      return incomeValue(inputs);
    case 'market':
      return marketValue(inputs);
  }
}

/** Null when the inputs can be valued; else what is wrong, for the wizard to show beside the field. */
export function valuationProblem(inputs: ValuationInputs): { field: string; message: string } | null {
  if (
    inputs.method === 'cost' &&
    inputs.adjustment.kind === 'factor' &&
    inputs.adjustment.remainingLifeYears > inputs.adjustment.totalLifeYears
  )
    return {
      field: 'adjustment.remainingLifeYears',
      message: 'the remaining economic life exceeds the total economic life',
    };
  return null;
}
