import { z } from 'zod';
import { Timestamp } from './common.js';

/*
 * Metered API delivery: the seller's upstream endpoint behind the platform's gateway, per-order keys, and the
 * usage the gateway logs (which per-call orders are billed from).
 */

/** How the gateway reaches the seller: http(s) only, no credentials in the URL, bounded. */
export const UpstreamUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
  .max(2000)
  .refine((u) => !/^[a-z]+:\/\/[^/]*@/i.test(u), 'must not carry a user or password: use the credential')
  .refine((u) => !u.includes('#'), 'must not have a #fragment');

/** An HTTP header name (RFC 9110 token) the gateway sets to the seller's credential on every call. */
export const CredentialHeader = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name')
  .refine(
    (h) => !['host', 'content-length', 'transfer-encoding', 'connection', 'cookie'].includes(h.toLowerCase()),
    'is a header the gateway manages itself',
  );

export const UpstreamBody = z.strictObject({
  url: UpstreamUrl.describe('the base URL; a call to /gateway/{orderId}/x goes to {url}/x'),
  credentialHeader: CredentialHeader.nullable()
    .default(null)
    .describe('e.g. Authorization or X-Api-Key; null: the gateway adds no credential'),
  credential: z
    .string()
    .min(1)
    .max(4000)
    .regex(/^[\t\x20-\x7e]+$/, 'must be printable ASCII (an HTTP header value)')
    .nullable()
    .optional()
    .describe('the header’s value, stored sealed and never shown again; absent: keep the stored one'),
  ratePerSecond: z.number().int().min(1).max(100_000).optional().describe('calls per second per order'),
  timeoutMs: z.number().int().min(100).max(120_000).default(30_000),
});
export type UpstreamBody = z.input<typeof UpstreamBody>;

export const Upstream = z.object({
  productId: z.string(),
  url: z.string(),
  credentialHeader: z.string().nullable(),
  /** Whether a credential is stored: its value never leaves the server. */
  hasCredential: z.boolean(),
  ratePerSecond: z.number().int(),
  timeoutMs: z.number().int(),
  updatedAt: Timestamp,
});
export type Upstream = z.infer<typeof Upstream>;

export const ApiKey = z.object({
  id: z.string(),
  orderId: z.string(),
  prefix: z.string().describe('the key’s first characters, to tell keys apart'),
  createdAt: Timestamp,
  revokedAt: Timestamp.nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;
export const IssuedApiKey = ApiKey.extend({
  key: z.string().describe('the secret: shown this once, then only its hash is kept'),
});
export type IssuedApiKey = z.infer<typeof IssuedApiKey>;

export const RefusalReason = z.enum(['policy', 'rate_limited', 'quota_exhausted', 'not_serving']);
export type RefusalReason = z.infer<typeof RefusalReason>;

const Day = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
export const UsageQuery = z.strictObject({
  from: Day.optional().describe('first Beijing day (default: 30 days before `to`)'),
  to: Day.optional().describe('last Beijing day (default: today)'),
  granularity: z.enum(['hour', 'day']).default('day'),
});
export type UsageQuery = z.input<typeof UsageQuery>;

const Figures = {
  calls: z.number().int().describe('every call the gateway answered with a valid key'),
  billable: z.number().int().describe('calls the upstream answered (status below 500)'),
  refused: z.number().int(),
  p50Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
};
export const UsageBucket = z.object({
  at: Timestamp.describe('the hour or Beijing day it starts'),
  ...Figures,
});
export const Usage = z.object({
  orderId: z.string(),
  billing: z.enum(['fixed', 'per_call']),
  unitFen: z.number().int().nullable(),
  quota: z.number().int().nullable(),
  used: z.number().int().describe('calls counted against the quota so far'),
  left: z.number().int().nullable(),
  from: Day,
  to: Day,
  granularity: z.enum(['hour', 'day']),
  totals: z.object({
    ...Figures,
    byReason: z.record(RefusalReason, z.number().int()),
    chargeFen: z.number().int().nullable().describe('billable × unit price, for per-call orders'),
  }),
  buckets: z.array(UsageBucket),
});
export type Usage = z.infer<typeof Usage>;
