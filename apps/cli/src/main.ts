import { Command, CommanderError } from 'commander';
import { ConfigError, DomainError } from '@shuliu/core';
import { VERSION } from '@shuliu/server';
import { serveCommand } from './commands/serve.js';
import { migrateCommand } from './commands/migrate.js';
import { demoCommand } from './commands/demo.js';
import { adminCommand } from './commands/admin.js';
import { auditCommand } from './commands/audit.js';

const program = new Command()
  .name('shuliu')
  .description('Shuliu (数流): run and administer a data-element circulation platform')
  .version(VERSION)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

program.addCommand(serveCommand());
program.addCommand(migrateCommand());
program.addCommand(demoCommand());
program.addCommand(adminCommand());
program.addCommand(auditCommand());

try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.exitCode = reportError(e);
}

function reportError(e: unknown): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
  if (e instanceof ConfigError) {
    console.error(`shuliu: ${e.message}`);
    return 2;
  }
  if (e instanceof DomainError) {
    console.error(`shuliu: ${e.message} (${e.code})`);
    return 1;
  }
  console.error(`shuliu: ${(e as Error)?.message ?? e}`);
  return 1;
}
