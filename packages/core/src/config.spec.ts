import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const fails = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
};

describe('config', () => {
  it('works on a laptop with nothing set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/data$/);
    expect(c.corsOrigins).toEqual([]);
  });

  it('takes PORT and DATABASE_URL under their conventional names', () => {
    const c = loadConfig({ PORT: '9000', DATABASE_URL: 'postgres://u@h:5432/db' });
    expect(c.port).toBe(9000);
    expect(c.databaseUrl).toBe('postgres://u@h:5432/db');
  });

  it('reads a secret from *_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    writeFileSync(join(dir, 'url'), 'postgresql://secret@db/x\n');
    expect(loadConfig({ DATABASE_URL_FILE: join(dir, 'url') }).databaseUrl).toBe('postgresql://secret@db/x');
  });

  it('names every bad variable at once', () => {
    const problems = fails({ PORT: 'eighty', SHULIU_LOG_LEVEL: 'loud', SHULIU_TRUST_PROXY: 'maybe' });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT.*must be a number/);
    expect(problems.join('\n')).toMatch(/SHULIU_LOG_LEVEL/);
    expect(problems.join('\n')).toMatch(/SHULIU_TRUST_PROXY.*true or false/);
  });

  it('rejects out-of-range numbers and non-postgres URLs', () => {
    expect(fails({ PORT: '70000' }).join()).toMatch(/PORT/);
    expect(fails({ DATABASE_URL: 'mysql://x' }).join()).toMatch(/postgres:\/\//);
  });

  it('refuses a value given both directly and as a file, and an unreadable file', () => {
    expect(fails({ DATABASE_URL: 'postgres://a', DATABASE_URL_FILE: '/x' }).join()).toMatch(/both set/);
    expect(fails({ DATABASE_URL_FILE: '/no/such/file' }).join()).toMatch(/cannot read/);
  });
});
