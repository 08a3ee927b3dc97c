import type {
  AmortizationRow,
  Asset,
  AssetChecklist,
  Contribution,
  Valuation,
  ValuationInputs,
} from '@shuliu/contracts';
import { iso } from '../shared/iso.js';
import { amortizationSchedule, type AmortizationPlanInput } from './assets.rules.js';
import type { AssetRow, ContributionRow, ImpairmentRow, PlanRow, ValuationRow } from './assets.repository.js';

/** A json column as stored: pg gives the parsed value, PGlite sometimes the text. */
export const parsed = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** A `date` column as YYYY-MM-DD, whether the driver gave a Date or a string. */
export const day = (d: Date | string): string =>
  typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

export function planInput(plan: PlanRow, costFen: number): AmortizationPlanInput {
  return {
    method: plan.method,
    costFen,
    residualFen: Number(plan.residual_fen),
    startPeriod: plan.start_period,
    months: plan.months ?? 0,
    units: parsed<number[] | null>(plan.units) ?? [],
  };
}

/** The schedule to date of an asset: its plan over its cost with its impairments; none without a plan. */
export function scheduleOf(
  plan: PlanRow | undefined,
  costFen: number,
  impairments: ImpairmentRow[],
): AmortizationRow[] {
  if (!plan) return [];
  return amortizationSchedule(
    planInput(plan, costFen),
    impairments.map((i) => ({ period: i.period, amountFen: Number(i.amount_fen) })),
  );
}

/** The carrying amount at the end of `period`: cost less the schedule's amortization and impairment to then. */
export function carryingAt(
  costFen: number,
  schedule: AmortizationRow[],
  loose: ImpairmentRow[],
  period: string,
) {
  const past = schedule.filter((r) => r.period <= period);
  if (schedule.length) return past.length ? past.at(-1)!.carryingFen : costFen;
  return costFen - loose.filter((i) => i.period <= period).reduce((s, i) => s + Number(i.amount_fen), 0);
}

export function toAsset(r: AssetRow, costFen: number, carryingFen: number): Asset {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    name: r.name,
    description: r.description,
    source: r.source,
    classification: r.classification,
    classificationReasons: parsed<string[]>(r.classification_reasons),
    checklist: parsed<AssetChecklist>(r.checklist),
    recognizedPeriod: r.recognized_period,
    certificateNos: parsed<string[]>(r.certificate_nos),
    resourceIds: parsed<string[]>(r.resource_ids),
    status: r.status,
    costFen,
    carryingFen,
    version: r.version,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

export function toValuation(r: ValuationRow): Valuation {
  const inputs = parsed<ValuationInputs>(r.inputs);
  return {
    id: r.id,
    assetId: r.asset_id,
    assetName: r.asset_name,
    ownerOrgId: r.owner_org_id,
    valuerOrgId: r.valuer_org_id,
    valuerOrgName: r.valuer_org_name,
    method: r.method,
    incomeKind: inputs.method === 'income' ? inputs.incomeKind : null,
    inputs,
    figures: parsed<Record<string, unknown>>(r.figures),
    valueFen: Number(r.value_fen),
    valuationDate: day(r.valuation_date),
    status: r.status,
    reportSm3: r.report_sm3,
    keyId: r.key_id,
    signedAt: iso(r.signed_at),
    ledgerIndex: r.ledger_index === null ? null : Number(r.ledger_index),
    createdAt: iso(r.created_at)!,
  };
}

export const toContribution = (r: ContributionRow): Contribution => ({
  id: r.id,
  assetId: r.asset_id,
  investeeName: r.investee_name,
  investeeUscc: r.investee_uscc,
  sharePercent: r.share_bp / 100,
  amountFen: Number(r.amount_fen),
  contributedOn: day(r.contributed_on),
  valuationId: r.valuation_id,
  createdAt: iso(r.created_at)!,
});
