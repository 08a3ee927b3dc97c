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
