/*
 * 企业数据资源相关会计处理暂行规定 (财会〔2023〕11号) as pure rules: classification with its recognition
 * checklist, amortization schedules (straight-line, units of use) with impairments, and the disclosure table
 * by source. Money is integer fen; periods are months `YYYY-MM`.
 */
import type {
  AssetChecklist,
  AssetClassification,
  AssetSource,
  AmortizationRow,
  DisclosureRow,
} from '@shuliu/contracts';

export interface ClassificationResult {
  classification: AssetClassification;
  /** Why: the checklist items that decided it (the conditions that failed, when expensed). */
  reasons: string[];
}

/** CAS 6 Art. 9: the five conditions under which development spend is capitalised, in the standard's order. */
export const DEVELOPMENT_CONDITIONS = [
  'technicallyFeasible',
  'intentionToComplete',
  'benefitsDemonstrable',
  'resourcesAvailable',
  'reliablyMeasurable',
] as const;

/**
 * 财会〔2023〕11号 §二: data held for sale in the ordinary course is 存货 (CAS 1); data used in operations that meets
 * CAS 6 is 无形资产 — bought data when its benefits are probable and its cost measurable (CAS 6 Art. 4), developed
 * data only when all five CAS 6 Art. 9 conditions hold; research spend (CAS 6 Art. 8) and anything else is expensed.
 */
export function classify(source: AssetSource, c: AssetChecklist): ClassificationResult {
  const base = [
    ...(c.probableBenefits ? [] : ['probableBenefits']),
    ...(c.reliablyMeasurable ? [] : ['reliablyMeasurable']),
  ];
  if (c.heldForSale)
    return base.length
      ? { classification: 'expensed', reasons: base }
      : { classification: 'inventory', reasons: ['heldForSale'] };
  if (source === 'self_developed') {
    if (c.stage !== 'development') return { classification: 'expensed', reasons: ['researchStage'] };
    const failed = DEVELOPMENT_CONDITIONS.filter((k) => !c[k]);
    return failed.length
      ? { classification: 'expensed', reasons: failed }
      : { classification: 'intangible', reasons: [...DEVELOPMENT_CONDITIONS] };
  }
  return base.length
    ? { classification: 'expensed', reasons: base }
    : { classification: 'intangible', reasons: ['probableBenefits', 'reliablyMeasurable'] };
}

export type AmortizationMethod = 'straight_line' | 'units_of_use';

export interface AmortizationPlanInput {
  method: AmortizationMethod;
  costFen: number;
  residualFen: number;
  startPeriod: string;
  /** straight-line: the useful life in months. */
  months: number;
  /** units of use: the units expected in each month, from the start (sum = the total units). */
  units: number[];
}

export interface ImpairmentInput {
  period: string;
  amountFen: number;
}

/** `YYYY-MM` plus k months. */
export function addMonths(period: string, k: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const n = y * 12 + (m - 1) + k;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/**
 * CAS 6 Art. 17 and 财会〔2023〕11号: the amortizable amount (cost − residual) spread month by month — straight
 * line: what is left over the months left, floored to the fen, the last month taking the rest; units of use:
 * what is left × this month's units / the units left, rounded, the last month with units taking the rest — so
 * the rows sum exactly to cost − residual − impairment. CAS 8 Art. 17: an impairment, recognised at the end of
 * its month, lowers the carrying amount (never below zero, and the residual with it) and the months after are
 * amortized on what is left.
 */
export function amortizationSchedule(
  plan: AmortizationPlanInput,
  impairments: ImpairmentInput[] = [],
): AmortizationRow[] {
  const n = plan.method === 'straight_line' ? plan.months : plan.units.length;
  const unitsLeftAt = (k: number) => plan.units.slice(k).reduce((s, u) => s + u, 0);
  let carrying = plan.costFen;
  let residual = Math.min(plan.residualFen, carrying);
  let accumulated = 0;
  let impaired = 0;
  const rows: AmortizationRow[] = [];
  for (let k = 0; k < n; k++) {
    const period = addMonths(plan.startPeriod, k);
    const left = carrying - residual;
    let amount: number;
    if (plan.method === 'straight_line') amount = k === n - 1 ? left : Math.floor(left / (n - k));
    else {
      const unitsLeft = unitsLeftAt(k);
      const lastWithUnits = unitsLeft === plan.units[k];
      amount = unitsLeft === 0 ? 0 : lastWithUnits ? left : Math.round((left * plan.units[k]!) / unitsLeft);
    }
    carrying -= amount;
    accumulated += amount;
    const impairmentFen = impairments
      .filter((i) => i.period === period)
      .reduce((s, i) => s + Math.min(i.amountFen, carrying), 0);
    carrying -= Math.min(impairmentFen, carrying);
    impaired += impairmentFen;
    residual = Math.min(residual, carrying);
    rows.push({
      period,
      amortizationFen: amount,
      impairmentFen,
      accumulatedFen: accumulated,
      accumulatedImpairmentFen: impaired,
      carryingFen: carrying,
    });
  }
  return rows;
}

/** What the disclosure needs of one asset: its kind, source, when it was recognised, cost and schedule. */
export interface DisclosureAsset {
  classification: AssetClassification;
  source: AssetSource;
  recognizedPeriod: string;
  costFen: number;
  schedule: AmortizationRow[];
  /** Impairments of an asset without a schedule (inventory's 跌价准备), by month. */
  impairments: ImpairmentInput[];
}

const inPeriod = (p: string, from: string, to: string) => p >= from && p <= to;

/**
 * 财会〔2023〕11号 §四 (披露): for 无形资产 and 存货, by source (外购 / 自行开发 / 其他), the opening carrying amount,
 * additions, amortization, impairment and closing carrying amount of the months `from`…`to`. Expensed data is
 * not an asset and has no row. closing = opening + additions − amortization − impairment, exactly.
 */
export function disclosureTable(assets: DisclosureAsset[], from: string, to: string): DisclosureRow[] {
  const rows = new Map<string, DisclosureRow>();
  for (const a of assets) {
    if (a.classification === 'expensed' || a.recognizedPeriod > to) continue;
    const key = `${a.classification}/${a.source}`;
    const row = rows.get(key) ?? {
      classification: a.classification,
      source: a.source,
      openingFen: 0,
      additionsFen: 0,
      amortizationFen: 0,
      impairmentFen: 0,
      closingFen: 0,
    };
    const before = a.schedule.filter((r) => r.period < from);
    const during = a.schedule.filter((r) => inPeriod(r.period, from, to));
    const loose = a.schedule.length ? [] : a.impairments;
    const sumBefore =
      before.reduce((s, r) => s + r.amortizationFen + r.impairmentFen, 0) +
      loose.filter((i) => i.period < from).reduce((s, i) => s + i.amountFen, 0);
    const amort = during.reduce((s, r) => s + r.amortizationFen, 0);
    const impair =
      during.reduce((s, r) => s + r.impairmentFen, 0) +
      loose.filter((i) => inPeriod(i.period, from, to)).reduce((s, i) => s + i.amountFen, 0);
    const added = inPeriod(a.recognizedPeriod, from, to);
    const opening = added ? 0 : a.costFen - sumBefore;
    row.openingFen += opening;
    row.additionsFen += added ? a.costFen : 0;
    row.amortizationFen += amort;
    row.impairmentFen += impair;
    row.closingFen += opening + (added ? a.costFen : 0) - amort - impair;
    rows.set(key, row);
  }
  const order = (r: DisclosureRow) =>
    `${r.classification === 'intangible' ? 0 : 1}${['purchased', 'self_developed', 'other'].indexOf(r.source)}`;
  return [...rows.values()].sort((x, y) => order(x).localeCompare(order(y)));
}
