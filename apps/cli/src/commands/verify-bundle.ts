import { readFileSync } from 'node:fs';
import { Command } from 'commander';

/** What the offline verifiers the server, the portal and the CLI share answer. */
interface BundleReply {
  valid: boolean;
  checks: { check: string; ok: boolean; message: string }[];
  failure?: { check: string; message: string } | null;
}

/**
 * A command that checks a signed bundle with no server (`shuliu verify-consent`, `verify-contract`,
 * `verify-valuation`): reads the JSON file, prints every check, and exits 1 naming the first failure —
 * `INVALID (check): message` — or prints what `valid` says of the bundle.
 */
export function bundleVerifyCommand<R extends BundleReply>(o: {
  name: string;
  description: string;
  /** Where the bundle comes from, for `<file>`'s help. */
  source: string;
  /** Whose public key `--public-key` pins. */
  keyOf: string;
  verify: (raw: unknown, publicKey?: string) => Promise<R>;
  valid: (r: R) => string;
}): Command {
  return new Command(o.name)
    .description(o.description)
    .argument('<file>', `the bundle (JSON) from ${o.source}`)
    .option('--public-key <hex>', `${o.keyOf} you trust (04…); otherwise the bundle’s own`)
    .action(async (file: string, opts: { publicKey?: string }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        console.error(`INVALID (shape): cannot read ${file} as JSON: ${(e as Error).message}`);
        process.exitCode = 1;
        return;
      }
      const r = await o.verify(raw, opts.publicKey);
      for (const c of r.checks)
        (c.ok ? console.log : console.error)(`${c.ok ? '✓' : '✗'} ${c.check}: ${c.message}`);
      if (!r.valid) {
        console.error(`INVALID (${r.failure!.check}): ${r.failure!.message}`);
        process.exitCode = 1;
        return;
      }
      console.log(`VALID: ${o.valid(r)}`);
    });
}
