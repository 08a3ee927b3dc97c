import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
  /** Logins per minute from one client IP, and for one username (whatever credential the request carries); 0: off. */
  loginRateLimitPerMinute: int(0, 1_000_000).default(30),
  /** Other unauthenticated writes (sign-up, onboarding applications) per minute per IP and per username; 0: off. */
  publicWriteRateLimitPerMinute: int(0, 1_000_000).default(10),
  /** Served only over HTTPS (directly or behind a TLS proxy): send HSTS and upgrade-insecure-requests. */
  tlsOnly: bool.default(false),
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
  /** 32 bytes as 64 hex digits; give it as SHULIU_MASTER_KEY_FILE. Unset with PGlite: `<dataDir>/master.key`. */
  masterKey: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits (32 bytes)')
    .optional(),
  /** The ledger's checkpoint origin line (C2SP): a schema-less URL naming this log, unique per deployment. */
  ledgerOrigin: z
    .string()
    .regex(/^[^\s]{1,200}$/, 'must be one word without spaces, e.g. ledger.example.gov.cn')
    .default('shuliu.local/ledger'),
  /** Hash of a new ledger's Merkle tree; an existing ledger keeps the one it was started with. */
  ledgerHashAlg: z.enum(['sm3', 'sha256']).default('sm3'),
  /** How often the server anchors the audit chain head in the ledger; 0 turns the job off. */
  ledgerAnchorIntervalSeconds: int(0, 7 * 24 * 3600).default(3600),
  /** How often the registry turns certificates past their end into expired ones (in the ledger); 0: never. */
  registryExpiryIntervalSeconds: int(0, 7 * 24 * 3600).default(3600),
  /** How often the market suspends listings whose certificate or authorization no longer stands; 0: never. */
  marketSuspensionIntervalSeconds: int(0, 7 * 24 * 3600).default(3600),
  /** How often demands past their deadline are recorded as expired and their buyers told; 0: never. */
  marketDemandExpiryIntervalSeconds: int(0, 7 * 24 * 3600).default(3600),
  tradeOrderSweepIntervalSeconds: int(0, 7 * 24 * 3600).default(600),
  /** How often the nonces of compute agents' signed requests, older than any time still accepted, are dropped. */
  computeNonceSweepIntervalSeconds: int(0, 7 * 24 * 3600).default(900),
  /** How often resources whose last quality run is older than their update frequency are run again; 0: never. */
  qualityRerunIntervalSeconds: int(0, 7 * 24 * 3600).default(3600),
  /**
   * The API gateway may reach upstreams on loopback and private networks (10/8, 172.16/12, 192.168/16, …): for
   * a platform inside a government network, and for tests. Link-local and cloud metadata addresses stay refused.
   */
  gatewayAllowPrivateUpstreams: bool.default(false),
  /** Calls per second an order of an API product gets when its seller sets no rate; and the most it may set. */
  gatewayDefaultRatePerSecond: int(1, 100_000).default(20),
  gatewayMaxRatePerSecond: int(1, 100_000).default(1000),
  /** How often the resource survey (资源调查) snapshots itself; 0 turns the job off. */
  surveySnapshotIntervalSeconds: int(0, 30 * 24 * 3600).default(24 * 3600),
  /** After a person refuses a scenario, it may not ask them again for this many days (网络数据安全管理条例 Art. 22). */
  consentCoolDownDays: int(1, 3650).default(30),
  /** The longest a personal consent grant may run. */
  consentMaxGrantDays: int(1, 36500).default(3 * 365),
  /** Where uploaded files live, SM4-encrypted (default `<dataDir>/blobs`); share it between server processes. */
  blobDir: z.string().min(1).optional(),
  /** The largest file one upload may carry. */
  uploadMaxBytes: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(1024)
    .max(1024 ** 4)
    .default(20 * 1024 ** 3),
  /** XLSX: the most bytes one part of a workbook may inflate to (zip bombs; shared strings are held in memory). */
  xlsxMaxEntryBytes: int(1024, 4 * 1024 ** 3).default(256 * 1024 ** 2),
  /** XLSX: the most times its compressed size one part may inflate to (Apache POI's default is 100). */
  xlsxMaxRatio: int(2, 100_000).default(100),
  /** Profiling jobs one server process runs at once; more wait in line (their files show 0 % profiled). */
  profilingConcurrency: int(1, 64).default(2),
  /** Of those, the most one organization's files may take, so one org cannot fill the line. */
  profilingPerOrg: int(1, 64).default(1),
  /**
   * The URL the public reaches this server at (behind a proxy, the proxy's), for absolute identifiers such as
   * DCAT `@id`s; a request's own `Host` header is never trusted for them. Default: the listen address.
   */
  publicUrl: z
    .url({ protocol: /^https?$/, message: 'must be an http(s):// URL' })
    .max(200)
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
});
export type Config = z.infer<typeof Schema> & { blobDir: string };

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
  publicWriteRateLimitPerMinute: ['SHULIU_PUBLIC_WRITE_RATE_LIMIT_PER_MINUTE'],
  tlsOnly: ['SHULIU_TLS_ONLY'],
  corsOrigins: ['SHULIU_CORS_ORIGINS'],
  trustProxy: ['SHULIU_TRUST_PROXY'],
  demo: ['SHULIU_DEMO'],
  webDist: ['SHULIU_WEB_DIST'],
  dbPoolSize: ['SHULIU_DB_POOL_SIZE'],
  masterKey: ['SHULIU_MASTER_KEY'],
  ledgerOrigin: ['SHULIU_LEDGER_ORIGIN'],
  ledgerHashAlg: ['SHULIU_LEDGER_HASH_ALG'],
  ledgerAnchorIntervalSeconds: ['SHULIU_LEDGER_ANCHOR_INTERVAL_SECONDS'],
  blobDir: ['SHULIU_BLOB_DIR'],
  surveySnapshotIntervalSeconds: ['SHULIU_SURVEY_SNAPSHOT_INTERVAL_SECONDS'],
  registryExpiryIntervalSeconds: ['SHULIU_REGISTRY_EXPIRY_INTERVAL_SECONDS'],
  marketSuspensionIntervalSeconds: ['SHULIU_MARKET_SUSPENSION_INTERVAL_SECONDS'],
  marketDemandExpiryIntervalSeconds: ['SHULIU_MARKET_DEMAND_EXPIRY_INTERVAL_SECONDS'],
  tradeOrderSweepIntervalSeconds: ['SHULIU_TRADE_ORDER_SWEEP_INTERVAL_SECONDS'],
  computeNonceSweepIntervalSeconds: ['SHULIU_COMPUTE_NONCE_SWEEP_INTERVAL_SECONDS'],
  qualityRerunIntervalSeconds: ['SHULIU_QUALITY_RERUN_INTERVAL_SECONDS'],
  gatewayAllowPrivateUpstreams: ['SHULIU_GATEWAY_ALLOW_PRIVATE_UPSTREAMS'],
  gatewayDefaultRatePerSecond: ['SHULIU_GATEWAY_DEFAULT_RATE_PER_SECOND'],
  gatewayMaxRatePerSecond: ['SHULIU_GATEWAY_MAX_RATE_PER_SECOND'],
  uploadMaxBytes: ['SHULIU_UPLOAD_MAX_BYTES'],
  consentCoolDownDays: ['SHULIU_CONSENT_COOL_DOWN_DAYS'],
  consentMaxGrantDays: ['SHULIU_CONSENT_MAX_GRANT_DAYS'],
  xlsxMaxEntryBytes: ['SHULIU_XLSX_MAX_ENTRY_BYTES'],
  xlsxMaxRatio: ['SHULIU_XLSX_MAX_RATIO'],
  profilingConcurrency: ['SHULIU_PROFILING_CONCURRENCY'],
  profilingPerOrg: ['SHULIU_PROFILING_PER_ORG'],
  publicUrl: ['SHULIU_PUBLIC_URL'],
};

/** Settings whose values never appear in an error message. */
const SECRETS = new Set<string>(['masterKey']);

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
      const got = SECRETS.has(key) ? 'a value that is not shown' : `"${raw[key] ?? ''}"`;
      problems.push(`${ENV_NAMES[key]?.join(' / ') ?? key}: ${issue.message} (got ${got})`);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  const config = { ...parsed.data!, ...overrides };
  const dataDir = resolve(config.dataDir);
  return { ...config, dataDir, blobDir: resolve(config.blobDir ?? join(dataDir, 'blobs')) };
}

/** Whether the process runs under CI (used by tests to decide that a missing browser is a failure). */
export const runningInCi = (env: Env = process.env) => env.CI === 'true' || env.CI === '1';
