import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { CalendarService } from './calendar.service.js';
import { PlatformSettingsService } from './settings.service.js';

/** 平台规则 wired to one database: the operator's rule values and the working-day calendar deadlines count on. */
export function createSettings(deps: { db: Kysely<DB> }) {
  return {
    settings: new PlatformSettingsService(deps.db),
    calendar: new CalendarService(deps.db),
  };
}
export type SettingsServices = ReturnType<typeof createSettings>;
