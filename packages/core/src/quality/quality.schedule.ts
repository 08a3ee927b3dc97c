import type { UpdateFrequency } from '@shuliu/contracts';

const DAY = 86_400_000;

/**
 * GB/T 36344-2018 时效性: data declared to change on a period is checked again once a period has passed since its
 * last run. Real-time data is checked daily; irregular and one-off data only when a new file arrives.
 */
export const RERUN_PERIOD_DAYS: Record<UpdateFrequency, number | null> = {
  realtime: 1,
  daily: 1,
  weekly: 7,
  monthly: 30,
  quarterly: 91,
  yearly: 365,
  irregular: null,
  once: null,
};

/** GB/T 36344-2018 时效性: whether a resource's last run is older than its declared update period. */
export function dueForRerun(frequency: string, lastRunAt: Date, now: Date): boolean {
  const days = RERUN_PERIOD_DAYS[frequency as UpdateFrequency] ?? null;
  return days !== null && now.getTime() - lastRunAt.getTime() >= days * DAY;
}
