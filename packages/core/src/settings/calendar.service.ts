import type { CalendarDay } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { addWorkingDays, type HolidayCalendar } from './calendar.rules.js';
import { settingsRepository as repo } from './settings.repository.js';

type Executor = Kysely<DB>;

/**
 * The platform's one working-day calendar (Asia/Shanghai, the State Council's holidays and 调休 make-up days,
 * edited by the operator): registration, sharing and return-flow deadlines all count on it. Read fresh on
 * use, since several server processes share it.
 */
export class CalendarService {
  constructor(private readonly db: Executor) {}

  /** The whole calendar as a map (a few hundred rows at most: one per holiday or worked weekend day). */
  async calendar(db: Executor = this.db): Promise<HolidayCalendar> {
    const rows = await repo.days(db);
    return new Map(rows.map((r) => [r.day, r.kind]));
  }

  /** The end of a period of `days` working days after `from`, on the current calendar. */
  async deadline(from: Date, days: number, db: Executor = this.db): Promise<Date> {
    return addWorkingDays(from, days, await this.calendar(db));
  }

  list(year?: number): Promise<CalendarDay[]> {
    return repo.days(this.db, year);
  }

  /** Marks days (the operator through the API, or `shuliu calendar import` as the system), in one transaction. */
  async set(ctx: RequestContext, days: CalendarDay[]): Promise<number> {
    const by = ctx.principal?.username ?? 'system';
    await this.db.transaction().execute(async (tx) => {
      for (const d of days) {
        await repo.saveDay(tx, d, by);
      }
      await recordAudit(tx, ctx, {
        action: days.length === 1 ? 'settings.holiday.set' : 'settings.holiday.import',
        objectType: 'calendar_day',
        objectId: days.length === 1 ? days[0]!.day : `${days.length} days`,
        details: { days },
      });
    });
    return days.length;
  }

  async setDay(ctx: RequestContext, day: string, h: Omit<CalendarDay, 'day'>): Promise<CalendarDay> {
    await this.set(ctx, [{ day, ...h }]);
    return { day, ...h };
  }

  async deleteDay(ctx: RequestContext, day: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      if (!(await repo.deleteDay(tx, day))) throw NotFound('holiday', day);
      await recordAudit(tx, ctx, {
        action: 'settings.holiday.delete',
        objectType: 'calendar_day',
        objectId: day,
      });
    });
  }
}
