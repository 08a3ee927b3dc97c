import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type Config } from '../config.js';
import { sm3Hex } from './sm3.js';

export interface MasterKey {
  /** `mk_` and 16 hex digits of SM3 over the key: names the key without revealing it. */
  id: string;
  material: Buffer;
}

const HEX64 = /^[0-9a-fA-F]{64}$/;

function fromHex(hex: string): MasterKey {
  const material = Buffer.from(hex, 'hex');
  return { id: `mk_${sm3Hex('shuliu/master-key-id\0', material).slice(0, 16)}`, material };
}

/**
 * The key every stored private key is sealed under. Given (SHULIU_MASTER_KEY_FILE, or SHULIU_MASTER_KEY in
 * tests): used as is. With PostgreSQL and none given: a configuration error, because a key generated on one
 * machine would leave every other server of the cluster unable to open the sealed keys. With the embedded
 * PGlite: `<dataDir>/master.key`, generated (mode 0600) on first start and kept beside the data it protects.
 */
export function resolveMasterKey(config: Pick<Config, 'masterKey' | 'databaseUrl' | 'dataDir'>): MasterKey {
  if (config.masterKey) return fromHex(config.masterKey);
  if (config.databaseUrl)
    throw new ConfigError([
      'SHULIU_MASTER_KEY_FILE: required with PostgreSQL (DATABASE_URL is set): give a file holding 64 hex digits, ' +
        'the same on every server, e.g. `openssl rand -hex 32 > master.key`',
    ]);
  const path = join(config.dataDir, 'master.key');
  const existing = readKeyFile(path);
  if (existing) return fromHex(existing);
  mkdirSync(config.dataDir, { recursive: true });
  // write a temporary file, then link it into place: the link fails if another process won the race,
  // and nobody ever reads a half-written key
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  try {
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
  return fromHex(readKeyFile(path)!);
}

function readKeyFile(path: string): string | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if (!HEX64.test(text)) throw new ConfigError([`${path}: the master key file must hold 64 hex digits`]);
  return text;
}
