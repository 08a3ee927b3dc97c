import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import type { VerifyCertificateReply } from '@shuliu/contracts';
import { addCalendarCommands } from './calendar.js';
import { withDatabase } from './db.js';

/** A certificate's bundle from a running server's public API, or from this machine's database. */
async function bundleOf(certNo: string, server: string | undefined): Promise<VerifyCertificateReply> {
  if (server) {
    const { createSdk } = await import('@shuliu/sdk');
    return createSdk({ baseUrl: server.replace(/\/$/, '') }).registry.verify({ params: { certNo } });
  }
  return withDatabase(async ({ db }, config) => {
    const { createServices } = await import('@shuliu/core');
    return createServices(db, config).registry.verify.verify(certNo);
  });
}

export function registryCommand() {
  const registry = new Command('registry').description(
    'data property-rights registration: export certificate bundles, the holiday calendar, expiry',
  );
  exportCommand(registry);
  registry
    .command('key')
    .description(
      'print this node’s public signing key, which other registries need to recognise its certificates',
    )
    .action(async () => {
      await withDatabase(async ({ db }, config) => {
        const { createServices } = await import('@shuliu/core');
        const k = await createServices(db, config).crypto.keys.ensureSigningKey();
        console.log(`${k.id}\n${k.publicKey}\n${k.publicKeyPem}`);
      });
    });
  registry
    .command('expire')
    .description(
      'turn certificates past their end into expired ones now (the server also does it periodically)',
    )
    .action(async () => {
      await withDatabase(async ({ db }, config) => {
        const { createServices, systemContext } = await import('@shuliu/core');
        const done = await createServices(db, config).registry.certificates.expireDue(systemContext('cli'));
        console.log(done.length ? `expired: ${done.join(', ')}` : 'no certificate is past its end');
      });
    });
  holidaysCommand(registry);
  return registry;
}

function exportCommand(registry: Command) {
  registry
    .command('export')
    .description('write a certificate’s verification bundle, which `shuliu verify` checks anywhere')
    .argument('<certNo>', 'the certificate number, e.g. SD-DR-2026-000123')
    .option('-s, --server <url>', 'ask this server’s public API instead of the local database')
    .option('-o, --out <file>', 'write the bundle here instead of standard output')
    .action(async (certNo: string, o: { server?: string; out?: string }) => {
      const text = `${JSON.stringify(await bundleOf(certNo, o.server), null, 2)}\n`;
      if (!o.out) return void process.stdout.write(text);
      writeFileSync(o.out, text);
      console.error(`wrote ${o.out}; check it anywhere with: shuliu verify ${o.out}`);
    });
}

function holidaysCommand(registry: Command) {
  // kept for scripts written before the calendar became the platform's: same as `shuliu calendar`
  addCalendarCommands(
    registry.command('holidays').description('the working-day calendar (see: shuliu calendar)'),
  );
}
