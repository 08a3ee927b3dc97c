import { GRADES, type Grade } from '../catalog.js';

/** Higher is more sensitive: 一般(1级) 0 … 核心数据 5. */
export const gradeRank = (g: Grade): number => GRADES.length - 1 - GRADES.indexOf(g);

/** GB/T 43697-2024 §5 就高从严: of several grades the most sensitive one holds. */
export const highestGrade = (grades: Iterable<Grade>, floor: Grade = 'general_1'): Grade => {
  let best = floor;
  for (const g of grades) if (gradeRank(g) > gradeRank(best)) best = g;
  return best;
};

/** GB/T 43697-2024 §5: a manual grade may raise the computed one, never lower it. */
export const isBelow = (grade: Grade, computed: Grade): boolean => gradeRank(grade) < gradeRank(computed);

/**
 * GB/T 37964-2019 §3 (标识符): the detected kinds that single out a person by themselves or nearly so. A column
 * still holding one of these in the clear makes data personal information as it is, whatever it is called.
 * Health and biometric columns are sensitive but found by their name alone; USCC codes name organizations.
 */
export const PERSONAL_IDENTIFIER_KINDS: readonly string[] = [
  'idCard',
  'mobile',
  'bankCard',
  'name',
  'address',
  'email',
  'plate',
  'ip',
];

type DetectedColumn = { name: string; pii: unknown };

const kindOf = (pii: unknown): string | null =>
  pii && typeof pii === 'object' ? String((pii as { kind: unknown }).kind) : null;
const identifierKind = (pii: unknown): boolean => PERSONAL_IDENTIFIER_KINDS.includes(kindOf(pii) ?? '');
/** GB 32100-2015: a unified social credit code identifies an organization, not a person. */
const personalKind = (pii: unknown): boolean => !!pii && kindOf(pii) !== 'uscc';

/**
 * GB/T 37964-2019 §3: the columns that hold a detected personal identifier in the clear. Detection counts only
 * values that pass the identifier's own checks and are not masked in place, so a masked, pseudonymized or
 * suppressed column is not among them and a kept one is.
 */
export const clearIdentifierColumns = (schema: readonly DetectedColumn[]): string[] =>
  schema.filter((c) => identifierKind(c.pii)).map((c) => c.name);

/**
 * GB/T 37964-2019 §3 (the derive dialog's warning): the detected identifier columns that rules would keep as
 * they are (`keep`), so that the derivative still holds them in the clear.
 */
export const keptIdentifierColumns = (
  columns: readonly DetectedColumn[],
  rules: Readonly<Record<string, { strategy: string } | undefined>>,
): string[] =>
  columns.filter((c) => identifierKind(c.pii) && rules[c.name]?.strategy === 'keep').map((c) => c.name);

/**
 * PIPL Art. 23: handing personal information to another handler needs each person's separate consent, so
 * personal data goes to another organization — by enterprise authorization, open data, a download or the
 * market — only de-identified (RULES.md: personal data that changes hands is de-identified or consented).
 * Decided by what the data holds: any resource with a column that still holds a detected identifier in the
 * clear (a derivative that kept one included: its `processing` label is not evidence), and raw data about
 * persons or with any personal information detected (an organization's USCC is not). Null when it may go; else the columns that hold it
 * (none named when raw data is about persons as a whole).
 */
export function rawPersonalInfo(r: {
  subjectType: string;
  processing: string;
  schema: readonly DetectedColumn[];
}): string[] | null {
  const clear = clearIdentifierColumns(r.schema);
  if (r.processing !== 'raw') return clear.length ? clear : null;
  const columns = r.schema.filter((c) => personalKind(c.pii)).map((c) => c.name);
  return r.subjectType === 'personal' || columns.length ? columns : null;
}
