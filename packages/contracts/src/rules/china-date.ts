/** The calendar date of an instant in China (UTC+8 all year, no summer time): a day begins at midnight in Beijing. */
export function dateInChina(at: Date | string): { year: number; month: number; day: number } {
  const local = new Date(new Date(at).getTime() + 8 * 3_600_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}
