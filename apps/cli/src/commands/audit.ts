import { Command } from 'commander';
import { withDatabase } from './db.js';

export function auditCommand() {
  const audit = new Command('audit').description('inspect the hash-chained audit log');
  audit
    .command('verify')
    .description(
      'recompute the audit hash chain; exits 1 and names the first bad event if any row was edited or deleted',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(async ({ db }, config) => {
        const { createServices } = await import('@shuliu/core');
        const r = await createServices(db, config).audit.verify();
        if (opts.json) console.log(JSON.stringify(r));
        else if (r.ok)
          console.log(`audit chain intact: ${r.checked} events, head ${r.headSeq} (${r.hashAlg})`);
        else
          console.error(
            `audit chain BROKEN at event ${r.firstBadSeq}: ${r.problem} (${r.checked} events checked before it)`,
          );
        if (!r.ok) process.exitCode = 1;
      });
    });
  return audit;
}
