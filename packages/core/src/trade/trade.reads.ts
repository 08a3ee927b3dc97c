import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

type Executor = Kysely<DB>;

/*
 * How other domains read the trade's tables: the one way they may (lint rule shuliu/domain-tables), in the
 * manner of market.reads.ts.
 */

/**
 * What a compute job checks of the contract it runs under: its state, parties, delivery mode, the resources
 * it names, its term and purpose.
 */
export const contractForCompute = (db: Executor, contractNo: string) =>
  db
    .selectFrom('trade_contracts')
    .select([
      'state',
      'buyer_org_id',
      'seller_org_id',
      sql<string>`document->'object'->>'deliveryMode'`.as('delivery_mode'),
      sql<unknown>`document->'object'->'resources'`.as('resources'),
      sql<string>`document->'term'->>'startsOn'`.as('starts_on'),
      sql<string>`document->'term'->>'endsOn'`.as('ends_on'),
      sql<string>`document->'use'->>'purpose'`.as('purpose'),
    ])
    .where('contract_no', '=', contractNo)
    .executeTakeFirst();
