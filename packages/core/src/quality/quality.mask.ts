import {
  DEFAULT_MASK_STRATEGIES,
  isBankCard,
  isChineseName,
  isEmail,
  isMobile,
  maskBankCard,
  maskEmail,
  maskerFor,
  maskIdCard,
  maskMobile,
  maskName,
  maskPartial,
  type Masker,
  type PiiDetection,
  type PiiKind,
} from '../protect/index.js';
import type { Cell } from '../tabular/index.js';
import type { Rule } from './quality.schema.js';
import type { QualityExample } from './quality.types.js';

const CHECK_DIGIT_KIND = { id_card: 'idCard', uscc: 'uscc', luhn: 'bankCard' } as const;

/** The kind of identifier a rule says a column holds: a value failing its check is still that identifier. */
function kindsFromRules(rules: readonly Rule[]): Map<string, PiiKind> {
  const kinds = new Map<string, PiiKind>();
  for (const r of rules) {
    if (r.kind === 'check_digit') for (const c of r.columns) kinds.set(c, CHECK_DIGIT_KIND[r.standard]);
    if (r.kind === 'format') for (const c of r.columns) kinds.set(c, r.format);
    if (r.kind === 'derived') kinds.set(r.columns[0]!, 'idCard');
  }
  return kinds;
}

/** Eighteen characters shaped like an ID number or a credit code, whatever their check digits say. */
const ID_SHAPE = /^\d{17}[\dXx]$/;
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/**
 * An example shows where a value failed, not the value: a credit code, which other reports show in the clear
 * (an organization's public identifier), keeps only its first two characters (registration authority and
 * type) and its last two here.
 */
const maskCode = (s: string) => maskPartial(s, 2, 2);

/**
 * RULES.md Masking, for a cell of a column not known to hold identifiers: a value that looks like one (an ID
 * number's shape, a mobile, a bank card, an email, a Chinese name) is masked in that kind's default format.
 */
function maskByValue(v: Cell): Cell {
  if (typeof v !== 'string' && typeof v !== 'number') return v;
  const s = String(v).trim();
  if (ID_SHAPE.test(s)) return maskIdCard(s);
  if (USCC_SHAPE.test(s.toUpperCase())) return maskCode(s);
  if (isMobile(s)) return maskMobile(s);
  if (isBankCard(s)) return maskBankCard(s);
  if (isEmail(s)) return maskEmail(s);
  return isChineseName(s) ? maskName(s) : v;
}

/**
 * How each column's cells are masked in examples: the kind its rules give it, else the kind detected in its
 * values, in the default strategy of that kind (GB/T 37964-2019 via protect; credit codes as `maskCode`);
 * cells of other columns are masked when they look like an identifier themselves.
 */
export function exampleMaskers(
  columns: readonly string[],
  rules: readonly Rule[],
  detections: readonly (PiiDetection | null)[],
): Map<string, Masker> {
  const kinds = kindsFromRules(rules);
  const out = new Map<string, Masker>();
  columns.forEach((name, i) => {
    const kind = kinds.get(name) ?? detections[i]?.kind;
    if (kind === 'uscc') out.set(name, (v) => (v === null ? null : maskCode(String(v))));
    else out.set(name, (kind && maskerFor(DEFAULT_MASK_STRATEGIES[kind])) || maskByValue);
  });
  return out;
}

/** An example with every cell masked as its column says. */
export function maskExample(e: QualityExample, maskers: ReadonlyMap<string, Masker>): QualityExample {
  const values: QualityExample['values'] = {};
  for (const [name, v] of Object.entries(e.values)) values[name] = (maskers.get(name) ?? maskByValue)(v);
  return { ...e, values };
}
