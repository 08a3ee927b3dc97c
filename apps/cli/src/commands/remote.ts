import { readFileSync } from 'node:fs';
import type { Command } from 'commander';

// the SDK loads inside the actions, so `--help` answers at once

/** How a command reaches a running server: its URL and a token (API or session). */
export interface Remote {
  server: string;
  token?: string;
  tokenFile?: string;
}

export const serverOptions = (c: Command) =>
  c
    .requiredOption('-s, --server <url>', 'the Shuliu server, e.g. http://localhost:8080')
    .option('--token <token>', 'an API token or session token (prefer --token-file)')
    .option('--token-file <path>', 'a file holding the token');

function tokenOf(o: Remote): string | undefined {
  if (o.tokenFile) {
    try {
      return readFileSync(o.tokenFile, 'utf8').trim();
    } catch (e) {
      throw new Error(`cannot read the token file ${o.tokenFile}: ${(e as NodeJS.ErrnoException).code}`);
    }
  }
  return o.token;
}

export async function sdkFor(o: Remote) {
  const { createSdk } = await import('@shuliu/sdk');
  return createSdk({ baseUrl: o.server.replace(/\/$/, ''), token: tokenOf(o) });
}
