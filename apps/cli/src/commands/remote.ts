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

/**
 * A GET answered with a file (a CSV export): its bytes as they came — a byte-order mark kept, which decoding
 * as text would drop — or an error naming the API's code.
 */
export async function fetchBytes(o: Remote, path: string): Promise<Buffer> {
  const token = tokenOf(o);
  const res = await fetch(`${o.server.replace(/\/$/, '')}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = Buffer.from(await res.arrayBuffer());
  if (!res.ok) {
    let code = `HTTP ${res.status}`;
    let message = res.statusText;
    try {
      const e = (JSON.parse(body.toString('utf8')) as { error?: { code?: string; message?: string } }).error;
      code = e?.code ?? code;
      message = e?.message ?? message;
    } catch {
      // not the API's error shape: the status says enough
    }
    throw new Error(`${code}: ${message}`);
  }
  return body;
}
