import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads the environment. Every setting is `SHULIU_*` (plus the conventional `PORT` and
 * `DATABASE_URL`); any of them may instead be given as `<NAME>_FILE`, a path whose content is the value,
 * which is how secrets arrive from a secret store.
 */

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) =>
  z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(min).max(max);

const Schema = z.object({
  port: int(0, 65535).default(8080),
  host: z.string().min(1).default('localhost'),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  dataDir: z.string().min(1).default('./data'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  sessionTtlHours: int(1, 24 * 30).default(12),
  loginMaxFailures: int(1, 100).default(5),
  loginLockMinutes: int(1, 24 * 60).default(15),
  bodyLimitBytes: int(1024, 1024 * 1024 * 1024).default(1024 * 1024),
  rateLimitPerMinute: int(0, 1_000_000).default(1200),
  rateLimitTokenPerMinute: int(0, 1_000_000).default(6000),
  loginRateLimitPerMinute: int(0, 10_000).default(30),
  corsOrigins: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  trustProxy: bool.default(false),
  demo: bool.default(false),
  webDist: z.string().optional(),
  dbPoolSize: int(1, 200).default(10),
});
export type Config = z.infer<typeof Schema>;

const ENV_NAMES: Record<keyof z.input<typeof Schema>, string[]> = {
  port: ['PORT', 'SHULIU_PORT'],
  host: ['SHULIU_HOST'],
  databaseUrl: ['DATABASE_URL', 'SHULIU_DATABASE_URL'],
  dataDir: ['SHULIU_DATA_DIR'],
  logLevel: ['SHULIU_LOG_LEVEL'],
  sessionTtlHours: ['SHULIU_SESSION_TTL_HOURS'],
  loginMaxFailures: ['SHULIU_LOGIN_MAX_FAILURES'],
  loginLockMinutes: ['SHULIU_LOGIN_LOCK_MINUTES'],
  bodyLimitBytes: ['SHULIU_BODY_LIMIT_BYTES'],
  rateLimitPerMinute: ['SHULIU_RATE_LIMIT_PER_MINUTE'],
  rateLimitTokenPerMinute: ['SHULIU_RATE_LIMIT_TOKEN_PER_MINUTE'],
  loginRateLimitPerMinute: ['SHULIU_LOGIN_RATE_LIMIT_PER_MINUTE'],
  corsOrigins: ['SHULIU_CORS_ORIGINS'],
  trustProxy: ['SHULIU_TRUST_PROXY'],
  demo: ['SHULIU_DEMO'],
  webDist: ['SHULIU_WEB_DIST'],
  dbPoolSize: ['SHULIU_DB_POOL_SIZE'],
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function readRaw(env: Env, problems: string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [key, names] of Object.entries(ENV_NAMES)) {
    for (const name of names) {
      const file = env[`${name}_FILE`];
      let value = env[name];
      if (file !== undefined && file !== '') {
        if (value !== undefined && value !== '') {
          problems.push(`${name} and ${name}_FILE are both set; give one`);
          continue;
        }
        try {
          value = readFileSync(file, 'utf8').trim();
        } catch (e) {
          problems.push(
            `${name}_FILE: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
          );
          continue;
        }
      }
      if (value !== undefined && value !== '') {
        raw[key] = value;
        break;
      }
    }
  }
  return raw;
}

/** Reads and validates the configuration; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const raw = readRaw(env, problems);
  const parsed = Schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]) as keyof typeof ENV_NAMES;
      problems.push(`${ENV_NAMES[key]?.join(' / ') ?? key}: ${issue.message} (got "${raw[key] ?? ''}")`);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  const config = { ...parsed.data!, ...overrides };
  return { ...config, dataDir: resolve(config.dataDir) };
}

/** Whether the process runs under CI (used by tests to decide that a missing browser is a failure). */
export const runningInCi = (env: Env = process.env) => env.CI === 'true' || env.CI === '1';
