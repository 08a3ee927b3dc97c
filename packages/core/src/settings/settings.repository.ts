import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { CalendarDaysTable } from './settings.tables.js';

type Executor = Kysely<DB>;

/** The queries of the platform's settings sections and its working-day calendar. */
export const settingsRepository = {
  /** A section's stored settings, if the operator ever changed it. */
  section: async (db: Executor, section: string) =>
    (
      await db
        .selectFrom('platform_settings')
        .select('settings')
        .where('section', '=', section)
        .executeTakeFirst()
    )?.settings,

  /** Locks a section's row (when it exists) for the change that follows. */
  lockSection: (tx: Executor, section: string) =>
    tx.selectFrom('platform_settings').select('section').where('section', '=', section).forUpdate().execute(),

  saveSection: (tx: Executor, section: string, json: string, by: string) =>
    tx
      .insertInto('platform_settings')
      .values({ section, settings: json, updated_by: by })
      .onConflict((oc) =>
        oc.column('section').doUpdateSet({ settings: json, updated_by: by, updated_at: new Date() }),
      )
      .execute(),

  /** Every marked day (holiday or worked weekend day), in one year when given, in order. */
  days: (db: Executor, year?: number) => {
    const q = db
      .selectFrom('calendar_days')
      .select([sql<string>`day::text`.as('day'), 'kind', 'name'])
      .orderBy('day');
    return (year ? q.where(sql<boolean>`extract(year from day) = ${year}`) : q).execute();
  },

  saveDay: (tx: Executor, d: { day: string; kind: CalendarDaysTable['kind']; name: string }, by: string) =>
    tx
      .insertInto('calendar_days')
      .values({ day: d.day, kind: d.kind, name: d.name, updated_by: by })
      .onConflict((oc) =>
        oc.column('day').doUpdateSet({ kind: d.kind, name: d.name, updated_by: by, updated_at: new Date() }),
      )
      .execute(),

  /** Unmarks a day; false when it was not marked. */
  deleteDay: async (tx: Executor, day: string) =>
    Number((await tx.deleteFrom('calendar_days').where('day', '=', day).executeTakeFirst()).numDeletedRows) >
    0,
};
