import { Command } from 'commander';
import { withDatabase } from './db.js';

export function migrateCommand() {
  return new Command('migrate').description('apply pending database migrations').action(async () => {
    await withDatabase(
      async ({ db, kind }) => {
        const { migrate } = await import('@shuliu/core');
        const r = await migrate(db);
        console.log(
          r.applied.length
            ? `applied on ${kind}: ${r.applied.join(', ')}`
            : `up to date on ${kind} (${r.current ?? 'no migrations'})`,
        );
      },
      { migrate: false },
    );
  });
}
