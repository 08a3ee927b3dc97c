import type { ErrorCode } from '@shuliu/contracts';
import type { Config } from '../config.js';
import { DomainError } from '../shared/errors.js';
import type { ZipLimits } from '../tabular/index.js';
import type { ProfilingLimits } from './files.queue.js';

/** What one upload may be and cost: its size, what a workbook part may inflate to, profiling places. */
export interface FileLimits {
  maxBytes: number;
  zip: ZipLimits;
  profiling: ProfilingLimits;
}

export const fileLimitsOf = (config: Config): FileLimits => ({
  maxBytes: config.uploadMaxBytes,
  zip: { maxEntryBytes: config.xlsxMaxEntryBytes, maxRatio: config.xlsxMaxRatio, maxEntries: 10_000 },
  profiling: { concurrency: config.profilingConcurrency, perOrg: config.profilingPerOrg },
});

/** Why a file failed, as it is stored on the file: a code the portal translates and a message. */
export interface Failure {
  message: string;
  code: ErrorCode;
}

/**
 * Our own errors say what was wrong and name only the file; anything else (a library's or the system's
 * message, which may name a server path) is replaced by `fallback`.
 */
export const failureOf = (e: unknown, fallback: string): Failure =>
  e instanceof DomainError ? { message: e.message, code: e.code } : { message: fallback, code: 'INTERNAL' };
