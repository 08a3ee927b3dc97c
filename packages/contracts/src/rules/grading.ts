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
 * PIPL Art. 23: handing personal information to another handler needs each person's separate consent, so a
 * resource about persons, or with personal information detected in a column, goes to another organization
 * only de-identified — a masked, statistical, labelled or fused derivative, never raw (RULES.md: personal
 * data that changes hands is de-identified or consented). Null when it may go; else the columns that hold
 * it (none named when the resource is about persons as a whole).
 */
export function rawPersonalInfo(r: {
  subjectType: string;
  processing: string;
  schema: readonly { name: string; pii: unknown }[];
}): string[] | null {
  if (r.processing !== 'raw') return null;
  const columns = r.schema.filter((c) => c.pii).map((c) => c.name);
  return r.subjectType === 'personal' || columns.length ? columns : null;
}
