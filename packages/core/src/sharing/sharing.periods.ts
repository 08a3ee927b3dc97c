import type { SharingSettings } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

type Executor = Kysely<DB>;

/**
 * Where sharing and return-flow deadlines come from: the operator's periods (platform settings) counted on
 * the platform's one working-day calendar (Asia/Shanghai, holidays and 调休), read in the caller's transaction.
 */
export interface SharingPeriods {
  sharing(db?: Executor): Promise<SharingSettings>;
  deadline(from: Date, days: number, db?: Executor): Promise<Date>;
}
