import { dateInChina } from './china-date.js';

/*
 * 公共数据授权运营 rules shared by the server, which enforces them, and the portal, which offers only what
 * they allow.
 */

/** The calendar year of an instant in China. */
export const yearInChina = (at: Date | string) => dateInChina(at).year;

/**
 * The years an authorized operation may be evaluated for (年度评估): from the year its term starts to the
 * year it ends, and none still to come. Null while the term has not begun.
 */
export function evaluationYears(
  startsAt: Date | string,
  endsAt: Date | string,
  now: Date,
): { from: number; to: number } | null {
  if (new Date(startsAt).getTime() > now.getTime()) return null;
  return { from: yearInChina(startsAt), to: Math.min(yearInChina(endsAt), yearInChina(now)) };
}
