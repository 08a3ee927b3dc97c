import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { TradeContractsTable } from './trade.tables.js';

type Executor = Kysely<DB>;
export type ContractRow = Selectable<TradeContractsTable> & { negotiation_state: string };

const withState = (db: Executor) =>
  db
    .selectFrom('trade_contracts as c')
    .innerJoin('trade_negotiations as n', 'n.id', 'c.negotiation_id')
    .selectAll('c')
    .select('n.state as negotiation_state');

/** The queries of contracts and their numbers. */
export const contractsRepository = {
  /** The next number of a year's sequence; the counter row stays locked until the transaction ends. */
  nextNumber: async (tx: Executor, year: number): Promise<number> => {
    const r = await sql<{ last: number }>`insert into trade_contract_counters (year, last) values (${year}, 1)
      on conflict (year) do update set last = trade_contract_counters.last + 1 returning last`.execute(tx);
    return Number(r.rows[0]!.last);
  },

  insert: (tx: Executor, row: Insertable<TradeContractsTable>) =>
    tx.insertInto('trade_contracts').values(row).execute(),

  find: (db: Executor, contractNo: string): Promise<ContractRow | undefined> =>
    withState(db).where('c.contract_no', '=', contractNo).executeTakeFirst(),

  byNegotiation: (db: Executor, negotiationId: string) =>
    db
      .selectFrom('trade_contracts')
      .select('contract_no')
      .where('negotiation_id', '=', negotiationId)
      .executeTakeFirst(),

  lock: (tx: Executor, contractNo: string) =>
    tx
      .selectFrom('trade_contracts')
      .selectAll()
      .where('contract_no', '=', contractNo)
      .forUpdate()
      .executeTakeFirst(),

  async updateAt(tx: Executor, contractNo: string, version: number, set: Updateable<TradeContractsTable>) {
    const r = await tx
      .updateTable('trade_contracts')
      .set({ ...set, version: version + 1 })
      .where('contract_no', '=', contractNo)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
