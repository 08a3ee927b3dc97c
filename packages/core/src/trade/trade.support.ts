import type { Kysely } from 'kysely';
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
