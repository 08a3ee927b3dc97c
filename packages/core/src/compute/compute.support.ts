import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export type Executor = Kysely<DB>;
export type Clock = () => Date;

/** What the compute domain needs of the platform: its database and a clock. */
export interface ComputeDeps {
  db: Executor;
  now: Clock;
}
