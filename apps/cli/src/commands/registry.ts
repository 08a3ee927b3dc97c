import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import type { VerifyCertificateReply } from '@shuliu/contracts';
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

/** `YYYY-MM-DD,holiday|workday,name` per line (# comments and blank lines skipped). */
function parseHolidays(text: string) {
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
        const k = await createServices(db, config).keys.ensureSigningKey();
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
  const holidays = registry.command('holidays').description('the holiday calendar of working-day deadlines');
  holidays
    .command('list')
    .option('-y, --year <year>', 'one year only')
    .action(async (o: { year?: string }) => {
      await withDatabase(async ({ db }, config) => {
        const { createServices } = await import('@shuliu/core');
        const days = await createServices(db, config).registry.settings.holidays(
          o.year ? Number(o.year) : undefined,
        );
        for (const d of days) console.log(`${d.day},${d.kind},${d.name}`);
      });
    });
  holidays
    .command('import')
    .description(
      'add or replace days from a file of lines YYYY-MM-DD,holiday|workday,name (the State Council schedule)',
    )
    .argument('<file>')
    .action(async (file: string) => {
      const days = parseHolidays(readFileSync(file, 'utf8'));
      await withDatabase(async ({ db }, config) => {
        const { createServices, systemContext } = await import('@shuliu/core');
        const { settings } = createServices(db, config).registry;
        for (const d of days) await settings.setHoliday(systemContext('cli'), d.day, d);
        console.log(`imported ${days.length} days`);
      });
    });
}
