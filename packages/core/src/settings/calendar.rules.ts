/** Days the calendar treats otherwise than Monday–Friday: holidays, and weekend days worked instead (调休). */
export type HolidayCalendar = ReadonlyMap<string, 'holiday' | 'workday'>;

const UTC8 = 8 * 3600_000;
const DAY = 86_400_000;
/** The longest period the calendar walks, so a calendar of nothing but holidays cannot loop for ever. */
const MAX_DAYS = 3660;

/** The calendar day (YYYY-MM-DD) of an instant in Asia/Shanghai (UTC+8 all year, no daylight saving). */
export const shanghaiDay = (at: Date): string => new Date(at.getTime() + UTC8).toISOString().slice(0, 10);

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/** The last instant of a day in Asia/Shanghai (24:00 +08:00 less a millisecond). */
export const endOfShanghaiDay = (day: string): Date =>
  new Date(Date.parse(`${day}T00:00:00Z`) + DAY - UTC8 - 1);

/**
 * 国务院办公厅 holiday arrangement: a day is a working day from Monday to Friday unless it is a holiday, and
 * on a weekend day only when it is marked worked (调休).
 */
export function isWorkingDay(day: string, calendar: HolidayCalendar): boolean {
  const kind = calendar.get(day);
  if (kind) return kind === 'workday';
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * DESIGN.md §4 (working-day periods on the operator's calendar): a period of `days` working days starts the day after
 * `from` (in Asia/Shanghai) and ends at the close of its last working day.
 */
export function addWorkingDays(from: Date, days: number, calendar: HolidayCalendar): Date {
  if (!Number.isInteger(days) || days < 1) throw new Error('a period is a whole number of working days ≥ 1');
  let day = shanghaiDay(from);
  let left = days;
  for (let walked = 0; left > 0; walked++) {
    if (walked > MAX_DAYS) throw new Error('the holiday calendar leaves no working day within ten years');
    day = nextDay(day);
    if (isWorkingDay(day, calendar)) left--;
  }
  return endOfShanghaiDay(day);
}

/** Whole working days from the day after `from` up to and including the day of `to` (0 when `to` is not later). */
export function workingDaysBetween(from: Date, to: Date, calendar: HolidayCalendar): number {
  const last = shanghaiDay(to);
  let day = shanghaiDay(from);
  let n = 0;
  for (let walked = 0; day < last && walked <= MAX_DAYS; walked++) {
    day = nextDay(day);
    if (isWorkingDay(day, calendar)) n++;
  }
  return n;
}
