import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { BlobStore } from '../blobs/index.js';
import type { KeyService, OrgKeysService } from '../crypto/index.js';
import type { DB } from '../db/schema.js';
import type { LedgerService } from '../ledger/index.js';
import type { ZipLimits } from '../tabular/index.js';

export type Executor = Kysely<DB>;
export type Clock = () => Date;

/** What the trade domain needs of the platform: its database, a clock, org keys and the ledger. */
export interface TradeDeps {
  db: Executor;
  now: Clock;
  keys: Pick<KeyService, 'ensureSigningKey' | 'encrypt' | 'decrypt'>;
  orgKeys: Pick<OrgKeysService, 'signAsOrg' | 'verifyOrgSignature' | 'list'>;
  ledger: Pick<LedgerService, 'appendIn' | 'entry' | 'inclusionProof' | 'checkpoint'>;
  /** File delivery: where copies are stored, the key their fingerprints are made with, what a trace reads. */
  files: FileDeliveryDeps;
  /** The operator's rules for the API gateway (config `SHULIU_GATEWAY_*`). */
  gateway?: GatewaySettings;
  /** Runs in the transaction that agrees a negotiation: the contract is drafted there. */
  onAgreed?: (tx: Executor, negotiationId: string) => Promise<void>;
}

export interface FileDeliveryDeps {
  blobs: BlobStore;
  /** The platform's fingerprint key, derived from the master key and never stored. */
  fingerprintKey: () => Uint8Array;
  zipLimits?: ZipLimits;
  /** The largest leaked file a trace takes (it is read whole into memory). */
  traceMaxBytes: number;
}
export interface GatewaySettings {
  /** Upstreams on loopback and private networks are reached (never link-local or metadata addresses). */
  allowPrivateUpstreams: boolean;
  defaultRatePerSecond: number;
  maxRatePerSecond: number;
}
export const DEFAULT_GATEWAY: GatewaySettings = {
  allowPrivateUpstreams: false,
  defaultRatePerSecond: 20,
  maxRatePerSecond: 1000,
};

/** A deal's side as a list filters it: the org as buyer, as seller, or either. */
export function partyIs(
  alias: 'n' | 'o',
  orgId: string,
  side?: 'buyer' | 'seller' | 'all',
): Expression<SqlBool> {
  const buyer = sql<SqlBool>`${sql.ref(`${alias}.buyer_org_id`)} = ${orgId}`;
  const seller = sql<SqlBool>`${sql.ref(`${alias}.seller_org_id`)} = ${orgId}`;
  if (side === 'buyer') return buyer;
  if (side === 'seller') return seller;
  return sql<SqlBool>`(${buyer} or ${seller})`;
}

/** One page of negotiations or orders, latest activity first, with the count of every row that matches. */
export async function latestFirst<D, TB extends keyof D, O>(
  q: SelectQueryBuilder<D, TB, O>,
  alias: 'n' | 'o',
  page: number,
  size: number,
): Promise<{ rows: O[]; total: number }> {
  const [rows, total] = await Promise.all([
    q
      .orderBy(sql`${sql.ref(`${alias}.updated_at`)} desc`)
      .orderBy(sql.ref(`${alias}.id`))
      .limit(size)
      .offset((page - 1) * size)
      .execute(),
    q
      .clearSelect()
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number((total as { n: string }).n) };
}
