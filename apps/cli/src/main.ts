import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { serveCommand } from './commands/serve.js';
import { migrateCommand } from './commands/migrate.js';
import { demoCommand } from './commands/demo.js';
import { adminCommand } from './commands/admin.js';
import { auditCommand } from './commands/audit.js';
import { ledgerCommand } from './commands/ledger.js';
import { catalogCommand } from './commands/catalog.js';
import { verifyLedgerCommand } from './commands/verify-ledger.js';
import { protectCommand } from './commands/protect.js';
import { qualityCommand } from './commands/quality.js';
import { consentCommand } from './commands/consent.js';
import { marketCommand } from './commands/market.js';
import { registryCommand } from './commands/registry.js';
import { calendarCommand } from './commands/calendar.js';
import { verifyCommand } from './commands/verify.js';
import { verifyConsentCommand } from './commands/verify-consent.js';
import { keygenCommand, signCommand } from './commands/sign.js';
import { tradeCommand, verifyContractCommand } from './commands/trade.js';
import { verifyValuationCommand } from './commands/verify-valuation.js';
import { traceCommand } from './commands/trade-files.js';
import { agentCommand, computeCommand } from './commands/compute.js';

// heavy modules (database, server) load inside each command's action, so `--help` answers at once
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const program = new Command()
  .name('shuliu')
  .description('Shuliu (数流): run and administer a data-element circulation platform')
  .version(version)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

program.addCommand(serveCommand());
program.addCommand(migrateCommand());
program.addCommand(demoCommand());
program.addCommand(adminCommand());
program.addCommand(auditCommand());
program.addCommand(ledgerCommand());
program.addCommand(catalogCommand());
program.addCommand(calendarCommand());
program.addCommand(verifyLedgerCommand());
program.addCommand(protectCommand());
program.addCommand(qualityCommand());
program.addCommand(registryCommand());
program.addCommand(verifyCommand());
program.addCommand(consentCommand());
program.addCommand(verifyConsentCommand());
program.addCommand(signCommand());
program.addCommand(keygenCommand());
program.addCommand(marketCommand());
program.addCommand(tradeCommand());
program.addCommand(verifyContractCommand());
program.addCommand(verifyValuationCommand());
program.addCommand(traceCommand());
program.addCommand(agentCommand());
program.addCommand(computeCommand());

try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.exitCode = reportError(e);
}

function reportError(e: unknown): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
  const named = e as { name?: string; message?: string; code?: string };
  if (named?.name === 'ConfigError') {
    console.error(`shuliu: ${named.message}`);
    return 2;
  }
  if (named?.name === 'DomainError') {
    console.error(`shuliu: ${named.message} (${named.code})`);
    return 1;
  }
  console.error(`shuliu: ${(e as Error)?.message ?? e}`);
  return 1;
}
