import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { resourceTitle } from '../catalog/index.js';
import type { DB } from '../db/schema.js';
import { orgName } from '../identity/index.js';
import { pageOf } from '../shared/sql.js';
import type {
  AssetAmortizationPlansTable,
  AssetContributionsTable,
  AssetCostsTable,
  AssetImpairmentsTable,
  AssetItemsTable,
  AssetValuationsTable,
} from './assets.tables.js';

export type Executor = Kysely<DB>;
export type AssetRow = Selectable<AssetItemsTable> & { org_name: string | null };
export type CostRow = Selectable<AssetCostsTable>;
export type PlanRow = Selectable<AssetAmortizationPlansTable>;
export type ImpairmentRow = Selectable<AssetImpairmentsTable>;
export type ValuationRow = Selectable<AssetValuationsTable> & {
  asset_name: string;
  valuer_org_name: string | null;
};
export type ContributionRow = Selectable<AssetContributionsTable>;

export interface AssetFilter {
  orgId: string | null;
  classification?: AssetItemsTable['classification'];
}

const selectAsset = (db: Executor) =>
  db.selectFrom('asset_items as a').selectAll('a').select(orgName('a.org_id').as('org_name'));

const selectValuation = (db: Executor) =>
  db
    .selectFrom('asset_valuations as v')
    .innerJoin('asset_items as a', 'a.id', 'v.asset_id')
    .selectAll('v')
    .select(['a.name as asset_name', orgName('v.valuer_org_id').as('valuer_org_name')]);

/** The asset ledger's queries (the services decide; these read and write). */
export const assetsRepository = {
  insertAsset: (tx: Executor, row: Insertable<AssetItemsTable>) =>
    tx.insertInto('asset_items').values(row).execute(),

  /** Optimistic on `version`: 0 rows when someone changed it first. */
  updateAsset: async (tx: Executor, id: string, version: number, set: Updateable<AssetItemsTable>) =>
    Number(
      (
        await tx
          .updateTable('asset_items')
          .set({ ...set, version: version + 1, updated_at: new Date() })
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst()
      ).numUpdatedRows,
    ),

  findAsset: (db: Executor, id: string, lock = false) => {
    const q = selectAsset(db).where('a.id', '=', id);
    return (lock ? q.forUpdate('a') : q).executeTakeFirst() as Promise<AssetRow | undefined>;
  },

  async search(db: Executor, f: AssetFilter, page: number, pageSize: number) {
    let q = selectAsset(db);
    if (f.orgId) q = q.where('a.org_id', '=', f.orgId);
    if (f.classification) q = q.where('a.classification', '=', f.classification);
    const { rows, total } = await pageOf(q.orderBy('a.created_at', 'desc').orderBy('a.id'), page, pageSize);
    return { rows: rows as AssetRow[], total };
  },

  assetsOfOrg: (db: Executor, orgId: string) =>
    selectAsset(db).where('a.org_id', '=', orgId).orderBy('a.created_at').execute() as Promise<AssetRow[]>,

  insertCost: (tx: Executor, row: Insertable<AssetCostsTable>) =>
    tx.insertInto('asset_costs').values(row).execute(),

  costsOf: (db: Executor, assetIds: string[]) =>
    assetIds.length
      ? db
          .selectFrom('asset_costs')
          .selectAll()
          .where('asset_id', 'in', assetIds)
          .orderBy('incurred_on')
          .orderBy('id')
          .execute()
      : Promise.resolve([] as CostRow[]),

  upsertPlan: (tx: Executor, row: Insertable<AssetAmortizationPlansTable>) =>
    tx
      .insertInto('asset_amortization_plans')
      .values(row)
      .onConflict((oc) =>
        oc.column('asset_id').doUpdateSet({
          method: row.method,
          residual_fen: row.residual_fen,
          start_period: row.start_period,
          months: row.months ?? null,
          units: row.units ?? null,
          created_by: row.created_by,
        }),
      )
      .execute(),

  plansOf: (db: Executor, assetIds: string[]) =>
    assetIds.length
      ? db.selectFrom('asset_amortization_plans').selectAll().where('asset_id', 'in', assetIds).execute()
      : Promise.resolve([] as PlanRow[]),

  insertImpairment: (tx: Executor, row: Insertable<AssetImpairmentsTable>) =>
    tx.insertInto('asset_impairments').values(row).execute(),

  impairmentsOf: (db: Executor, assetIds: string[]) =>
    assetIds.length
      ? db
          .selectFrom('asset_impairments')
          .selectAll()
          .where('asset_id', 'in', assetIds)
          .orderBy('period')
          .orderBy('id')
          .execute()
      : Promise.resolve([] as ImpairmentRow[]),

  insertValuation: (tx: Executor, row: Insertable<AssetValuationsTable>) =>
    tx.insertInto('asset_valuations').values(row).execute(),

  updateValuation: (tx: Executor, id: string, set: Updateable<AssetValuationsTable>) =>
    tx.updateTable('asset_valuations').set(set).where('id', '=', id).execute(),

  findValuation: (db: Executor, id: string, lock = false) => {
    const q = selectValuation(db).where('v.id', '=', id);
    return (lock ? q.forUpdate('v') : q).executeTakeFirst() as Promise<ValuationRow | undefined>;
  },

  valuationsOf: (db: Executor, assetId: string) =>
    selectValuation(db)
      .where('v.asset_id', '=', assetId)
      .orderBy('v.created_at', 'desc')
      .execute() as Promise<ValuationRow[]>,

  /** Valuations an org sees in a list: its own assets' and those assigned to it; oversight all. */
  async searchValuations(
    db: Executor,
    f: { orgId: string | null; assetId?: string; status?: 'draft' | 'signed' },
    page: number,
    pageSize: number,
  ) {
    let q = selectValuation(db);
    if (f.orgId) {
      const org = f.orgId;
      q = q.where((eb) => eb.or([eb('v.owner_org_id', '=', org), eb('v.valuer_org_id', '=', org)]));
    }
    if (f.assetId) q = q.where('v.asset_id', '=', f.assetId);
    if (f.status) q = q.where('v.status', '=', f.status);
    const { rows, total } = await pageOf(q.orderBy('v.created_at', 'desc').orderBy('v.id'), page, pageSize);
    return { rows: rows as ValuationRow[], total };
  },

  insertContribution: (tx: Executor, row: Insertable<AssetContributionsTable>) =>
    tx.insertInto('asset_contributions').values(row).execute(),

  contributionsOf: (db: Executor, assetId: string) =>
    db
      .selectFrom('asset_contributions')
      .selectAll()
      .where('asset_id', '=', assetId)
      .orderBy('contributed_on')
      .orderBy('id')
      .execute(),

  /** The titles of catalogue resources, through the catalog's read helper (null for an unknown id). */
  resourceTitles: async (db: Executor, ids: string[]) =>
    ids.length
      ? (
          await sql<{ id: string; title: string | null }>`select u.id, ${resourceTitle('u.id')} as title
            from unnest(${ids}::text[]) with ordinality as u(id, n) order by u.n`.execute(db)
        ).rows
      : [],
};
