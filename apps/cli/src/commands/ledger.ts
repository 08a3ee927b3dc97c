import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import type {
  ConsistencyBundle,
  ConsistencyProof,
  InclusionBundle,
  InclusionProof,
  LedgerCheckpoint,
  LedgerEntryReply,
} from '@shuliu/contracts';
import { withDatabase } from './db.js';

/** Where proofs come from: this machine's database, or a running server's public API (`--server`). */
interface ProofSource {
  checkpoint(treeSize?: number): Promise<LedgerCheckpoint>;
  entry(index: number): Promise<LedgerEntryReply>;
  inclusion(index: number, treeSize?: number): Promise<InclusionProof>;
  consistency(from: number, to: number): Promise<ConsistencyProof>;
}

async function withSource<T>(server: string | undefined, fn: (s: ProofSource) => Promise<T>): Promise<T> {
  if (server) {
    const { createSdk } = await import('@shuliu/sdk');
    const { ledger } = createSdk({ baseUrl: server.replace(/\/$/, '') });
    return fn({
      checkpoint: (treeSize) => ledger.checkpoint({ query: { treeSize } }),
      entry: (index) => ledger.entry({ params: { index } }),
      inclusion: (index, treeSize) => ledger.inclusion({ query: { index, treeSize } }),
      consistency: (from, to) => ledger.consistency({ query: { from, to } }),
    });
  }
  return withDatabase(async ({ db }, config) => {
    const { createServices } = await import('@shuliu/core');
    const { ledger } = createServices(db, config);
    return fn({
      checkpoint: (treeSize) => ledger.checkpoint(treeSize),
      entry: (index) => ledger.entry(index),
      inclusion: (index, treeSize) => ledger.inclusionProof(index, treeSize),
      consistency: (from, to) => ledger.consistencyProof(from, to),
    });
  });
}

const whole = (name: string, min: number) => (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) < min)
    throw new Error(`${name} must be a whole number ≥ ${min}, got "${v}"`);
  return Number(v);
};

function output(bundle: InclusionBundle | ConsistencyBundle, out: string | undefined) {
  const text = `${JSON.stringify(bundle, null, 2)}\n`;
  if (!out) return process.stdout.write(text);
  writeFileSync(out, text);
  console.error(`wrote ${out}; check it anywhere with: shuliu verify-ledger ${out}`);
}

export function ledgerCommand() {
  const ledger = new Command('ledger').description(
    'the transparency ledger: verify, prove, anchor, rotate the key',
  );
  ledger
    .command('verify')
    .description(
      'recompute the whole Merkle tree; exits 1 and names the first bad index if any row was edited',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(async ({ db }, config) => {
        const { createServices } = await import('@shuliu/core');
        const r = await createServices(db, config).ledger.verify();
        if (opts.json) console.log(JSON.stringify(r));
        else if (r.ok)
          console.log(
            `ledger intact: ${r.treeSize} entries, ${r.checkpoints} signed checkpoints, root ${r.rootHash} (${r.hashAlg})`,
          );
        else
          console.error(
            `ledger BROKEN at index ${r.firstBadIndex}: ${r.problem} (${r.checked} entries good before it)`,
          );
        if (!r.ok) process.exitCode = 1;
      });
    });

  const prove = ledger
    .command('prove')
    .description('write a proof bundle that `shuliu verify-ledger` checks offline');
  prove
    .command('inclusion')
    .description('prove that the entry at an index is in the log, against a signed checkpoint')
    .requiredOption('-i, --index <n>', 'the entry index', whole('--index', 0))
    .option(
      '-t, --tree-size <n>',
      'the checkpoint size to prove against (default: the latest)',
      whole('--tree-size', 1),
    )
    .option('-s, --server <url>', 'ask this server instead of the local database')
    .option('-o, --out <file>', 'write the bundle here instead of standard output')
    .action(async (o: { index: number; treeSize?: number; server?: string; out?: string }) => {
      const bundle = await withSource(o.server, async (src) => {
        const checkpoint = await src.checkpoint(o.treeSize);
        const [entry, proof] = [await src.entry(o.index), await src.inclusion(o.index, checkpoint.treeSize)];
        return { kind: 'shuliu.ledger.inclusion/v1' as const, checkpoint, entry, proof };
      });
      output(bundle, o.out);
    });
  prove
    .command('consistency')
    .description('prove that the log at one signed size extends the log at an earlier signed size')
    .requiredOption('-f, --from <n>', 'the earlier tree size', whole('--from', 1))
    .option('-t, --to <n>', 'the later tree size (default: the latest)', whole('--to', 1))
    .option('-s, --server <url>', 'ask this server instead of the local database')
    .option('-o, --out <file>', 'write the bundle here instead of standard output')
    .action(async (o: { from: number; to?: number; server?: string; out?: string }) => {
      const bundle = await withSource(o.server, async (src) => {
        const newer = await src.checkpoint(o.to);
        const older = await src.checkpoint(o.from);
        const proof = await src.consistency(older.treeSize, newer.treeSize);
        return { kind: 'shuliu.ledger.consistency/v1' as const, older, newer, proof };
      });
      output(bundle, o.out);
    });

  ledger
    .command('checkpoint')
    .description('print the latest signed checkpoint (signing one first if the head has none)')
    .action(async () => {
      await withDatabase(async ({ db }, config) => {
        const { createServices } = await import('@shuliu/core');
        console.log(JSON.stringify(await createServices(db, config).ledger.ensureCheckpoint(), null, 2));
      });
    });
  ledger
    .command('anchor')
    .description('anchor the audit chain head in the ledger now')
    .action(async () => {
      await withDatabase(async ({ db }, config) => {
        const { createServices, systemContext } = await import('@shuliu/core');
        const r = await createServices(db, config).ledger.anchorAuditChain(systemContext('cli'), {
          force: true,
        });
        console.log(`audit event ${r.auditSeq} (${r.auditHash}) anchored as ledger entry ${r.index}`);
      });
    });
  ledger
    .command('rotate-key')
    .description('retire the platform signing key and create its successor (old signatures keep verifying)')
    .action(async () => {
      await withDatabase(async ({ db }, config) => {
        const { createServices, systemContext } = await import('@shuliu/core');
        const k = await createServices(db, config).ledger.rotateSigningKey(systemContext('cli'));
        console.log(`new signing key ${k.id}: ${k.publicKey}`);
      });
    });
  return ledger;
}
