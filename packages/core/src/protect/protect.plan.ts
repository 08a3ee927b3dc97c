import type { ColumnKind, RowValues } from '../tabular/index.js';
import { RulesUnknownColumn } from './protect.errors.js';
import { maskerFor, type Masker } from './protect.mask.js';
import type { ColumnRule, MaskRules } from './protect.schema.js';
import { DEFAULT_MASK_STRATEGIES } from './protect.settings.js';
import type { PiiDetection, PiiKind } from './protect.types.js';

export interface PlannedColumn {
  name: string;
  rule: ColumnRule;
  /** Where the rule came from: the rules document, the detected kind's default, or nothing (kept). */
  from: 'rules' | 'detected' | 'none';
}

export interface MaskPlan {
  columns: PlannedColumn[];
  /** One transformation per column index; null where the column is kept as it is. */
  maskers: (Masker | null)[];
}

export interface PlanInput {
  columns: readonly string[];
  detections: readonly (PiiDetection | null)[];
  rules?: MaskRules;
  key?: Uint8Array;
  defaults?: Record<PiiKind, ColumnRule>;
}

const KEEP: ColumnRule = { strategy: 'keep' };

/** Chooses each column's strategy: the rules document first, else the default of its detected kind, else keep. */
export function buildMaskPlan(input: PlanInput): MaskPlan {
  const rules = input.rules?.columns ?? {};
  const unknown = Object.keys(rules).filter((c) => !input.columns.includes(c));
  if (unknown.length)
    throw RulesUnknownColumn(
      `rules.columns.${unknown[0]}: the table has no column "${unknown[0]}" (it has: ${input.columns.join(', ')})`,
      { unknown },
    );
  const useDetected = (input.rules?.defaults ?? 'detected') === 'detected';
  const defaults = input.defaults ?? DEFAULT_MASK_STRATEGIES;
  const key = input.key ?? (input.rules?.key ? Buffer.from(input.rules.key, 'hex') : undefined);
  const columns = input.columns.map((name, i): PlannedColumn => {
    if (Object.hasOwn(rules, name)) return { name, rule: rules[name]!, from: 'rules' };
    const pii = input.detections[i];
    return pii && useDetected
      ? { name, rule: defaults[pii.kind], from: 'detected' }
      : { name, rule: KEEP, from: 'none' };
  });
  return { columns, maskers: columns.map((c) => maskerFor(c.rule, key)) };
}

/** Applies the plan to a batch in place (the rows belong to the reader that made them; no copies). */
export function maskBatch(plan: MaskPlan, batch: RowValues[]): RowValues[] {
  const { maskers } = plan;
  for (let c = 0; c < maskers.length; c++) {
    const m = maskers[c];
    if (!m) continue;
    for (let r = 0; r < batch.length; r++) {
      const row = batch[r]!;
      row[c] = m(row[c] ?? null);
    }
  }
  return batch;
}

/** The column kinds of the masked output, for typed formats: a transformed column is text unless it stays numeric. */
export function maskedKinds(
  plan: MaskPlan,
  source: Record<string, ColumnKind> = {},
): Record<string, ColumnKind> {
  const kinds: Record<string, ColumnKind> = {};
  for (const { name, rule } of plan.columns) {
    const was = source[name];
    if (rule.strategy === 'keep' || (rule.strategy === 'suppress' && rule.replacement == null)) {
      if (was) kinds[name] = was;
    } else if (rule.strategy === 'noise' || (rule.strategy === 'round' && rule.step !== undefined)) {
      const whole = rule.strategy === 'noise' ? rule.decimals === 0 : Number.isInteger(rule.step);
      kinds[name] = was === 'integer' && whole ? 'integer' : 'decimal';
    } else kinds[name] = 'string';
  }
  return kinds;
}
