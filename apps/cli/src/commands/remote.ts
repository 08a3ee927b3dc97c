import { createWriteStream, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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

/** The file name a download's Content-Disposition gives (RFC 6266: the UTF-8 form first). */
export function nameOf(header: string | null, fallback: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  const plain = /filename="([^"]+)"/i.exec(header ?? '');
  const name = utf8 ? decodeURIComponent(utf8[1]!) : (plain?.[1] ?? fallback);
  return basename(name); // never a path the server chose
}

/**
 * Streams a download to `output` (or the name the server gave, here), readable by the owner only; a transfer
 * cut short leaves no partial file. Returns the path and its size.
 */
export async function saveDownload(res: Response, output: string | undefined, fallback: string) {
  const path = output ?? nameOf(res.headers.get('content-disposition'), fallback);
  try {
    await pipeline(Readable.fromWeb(res.body as never), createWriteStream(path, { mode: 0o600 }));
  } catch (e) {
    await rm(path, { force: true });
    throw e;
  }
  return { path, size: statSync(path).size };
}
