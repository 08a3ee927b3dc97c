import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { withDatabase } from './db.js';

/** `YYYY-MM-DD,holiday|workday,name` per line (# comments and blank lines skipped). */
export function parseHolidays(text: string) {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l, i) => {
      const [day, kind, ...name] = l.split(',').map((p) => p.trim());
      if (
        !/^\d{4}-\d{2}-\d{2}$/.test(day ?? '') ||
        (kind !== 'holiday' && kind !== 'workday') ||
        !name.join(',')
      )
        throw new Error(`line ${i + 1}: expected YYYY-MM-DD,holiday|workday,name, got "${l}"`);
      return { day: day!, kind: kind as 'holiday' | 'workday', name: name.join(',') };
    });
}

/** `list` and `import` of the platform's working-day calendar, under `calendar` (and `registry holidays`). */
export function addCalendarCommands(cmd: Command): Command {
  cmd
    .command('list')
    .option('-y, --year <year>', 'one year only')
    .action(async (o: { year?: string }) => {
      await withDatabase(async ({ db }, config) => {
        const { createServices } = await import('@shuliu/core');
        const days = await createServices(db, config).settings.calendar.list(
          o.year ? Number(o.year) : undefined,
        );
        for (const d of days) console.log(`${d.day},${d.kind},${d.name}`);
      });
    });
  cmd
    .command('import')
    .description(
      'add or replace days from a file of lines YYYY-MM-DD,holiday|workday,name (the State Council schedule)',
    )
    .argument('<file>')
    .action(async (file: string) => {
      const days = parseHolidays(readFileSync(file, 'utf8'));
      await withDatabase(async ({ db }, config) => {
        const { createServices, systemContext } = await import('@shuliu/core');
        await createServices(db, config).settings.calendar.set(systemContext('cli'), days);
        console.log(`imported ${days.length} days`);
      });
    });
  return cmd;
}

export function calendarCommand() {
  return addCalendarCommands(
    new Command('calendar').description(
      'the working-day calendar every deadline counts on (Asia/Shanghai, holidays and 调休)',
    ),
  );
}
