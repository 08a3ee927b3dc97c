import type { ColumnType } from 'kysely';

type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type Json<T> = ColumnType<T, string, string>;

/** One row per section (`grading`, `sharing`, `trade`): the operator's values; the code holds the defaults. */
export interface PlatformSettingsTable {
  section: string;
  settings: Json<Record<string, unknown>>;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

/** Exceptions to Monday–Friday in Asia/Shanghai: public holidays, and weekend days worked instead (调休). */
export interface CalendarDaysTable {
  day: ColumnType<Date | string, string, string>;
  kind: 'holiday' | 'workday';
  name: string;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface SettingsTables {
  platform_settings: PlatformSettingsTable;
  calendar_days: CalendarDaysTable;
}
