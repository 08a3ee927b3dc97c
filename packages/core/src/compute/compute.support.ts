import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { LedgerService } from '../ledger/index.js';

export type Executor = Kysely<DB>;
export type Clock = () => Date;

/** What the compute domain needs of the platform: its database, a clock and the ledger (job receipts). */
export interface ComputeDeps {
  db: Executor;
  now: Clock;
  ledger: Pick<LedgerService, 'appendIn'>;
}
