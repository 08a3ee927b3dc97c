import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { createTestDatabase } from '../testing/index.js';
import { shanghaiDay, workingDaysBetween } from './calendar.rules.js';
import { CalendarService } from './calendar.service.js';

let database: Database;
let calendar: CalendarService;
beforeAll(async () => {
  database = await createTestDatabase();
  calendar = new CalendarService(database.db);
});
afterAll(() => database.close());

/** An instant on a Beijing wall clock. */
const beijing = (local: string) => new Date(`${local}+08:00`);
const dueDay = async (from: string, days: number) =>
  shanghaiDay(await calendar.deadline(beijing(from), days));

describe('the 2026 State Council schedule (国务院办公厅关于2026年部分节假日安排的通知), seeded', () => {
  it('春节: 15–23 February off, Saturdays 14 and 28 February worked (调休)', async () => {
    // Friday 13 February: the next working day is the make-up Saturday, the one after it Tuesday 24th
    expect(await dueDay('2026-02-13T09:00:00', 1)).toBe('2026-02-14');
    expect(await dueDay('2026-02-13T09:00:00', 2)).toBe('2026-02-24');
    // ten working days from Friday 13 February: 14, 24–27, 28 (Sat), 2–5 March
    expect(await dueDay('2026-02-13T09:00:00', 10)).toBe('2026-03-05');
  });

  it('国庆 and 中秋: 25–27 September and 1–7 October off, Sunday 20 September and Saturday 10 October worked', async () => {
    expect(await dueDay('2026-09-19T09:00:00', 1)).toBe('2026-09-20');
    expect(await dueDay('2026-09-24T09:00:00', 1)).toBe('2026-09-28');
    expect(await dueDay('2026-09-30T09:00:00', 1)).toBe('2026-10-08');
    expect(await dueDay('2026-09-30T09:00:00', 3)).toBe('2026-10-10');
    const cal = await calendar.calendar();
    expect(workingDaysBetween(beijing('2026-09-30T09:00:00'), beijing('2026-10-12T09:00:00'), cal)).toBe(4);
  });

  it('counts in Beijing days: 23:30 UTC on 30 September is already 1 October there', async () => {
    const end = await calendar.deadline(new Date('2026-09-30T23:30:00Z'), 1);
    expect(end.toISOString()).toBe('2026-10-08T15:59:59.999Z');
  });
});
