import { validateIdCard } from '@shuliu/contracts';

/** PIPL Art. 31: under this age a guardian consents (the server's ConsentSettings.guardianAge default). */
export const GUARDIAN_AGE = 14;

/**
 * GB 11643 §4: the birth date in positions 7–14 of a valid 居民身份证号码, and the age in whole years today;
 * null while the number is not (yet) valid.
 */
export function birthOf(
  idCard: string | undefined,
  today = new Date(),
): { date: string; age: number } | null {
  const id = idCard?.trim().toUpperCase() ?? '';
  if (!validateIdCard(id)) return null;
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number) as [
    number,
    number,
    number,
  ];
  const beforeBirthday = today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d);
  return {
    date: `${y}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    age: today.getFullYear() - y - (beforeBirthday ? 1 : 0),
  };
}
