import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { resourceTitle } from '../catalog/index.js';
import { qualifiedRef } from '../shared/sql.js';

type Executor = Kysely<DB>;

/*
 * How other domains read the market's tables: the one way they may (lint rule shuliu/domain-tables), in the
 * manner of identity.reads.ts — expressions for inside the caller's own query, and plain lookups.
 */

/** The title of the product whose id is in `ref` (qualified by its table or alias, see qualifiedRef). */
export const productTitle = (ref: string) =>
  sql<string | null>`(select mk_p.title from market_products mk_p where mk_p.id = ${qualifiedRef(ref)})`;

/** What a deal needs of a product: its seller, state, delivery modes, price, policy, licence and resources. */
export async function productForDeal(db: Executor, id: string) {
  const p = await db
    .selectFrom('market_products')
    .select([
      'id',
      'org_id',
      'title',
      'status',
      'delivery_modes',
      'price_fen',
      'price_kind',
      'price_model',
      'policy',
      'seats',
      'exclusive',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!p) return undefined;
  const resources = await db
    .selectFrom('market_product_resources')
    .select('resource_id')
    .where('product_id', '=', id)
    .execute();
  return {
    ...p,
    price_fen: p.price_fen === null ? null : Number(p.price_fen),
    resourceIds: resources.map((r) => r.resource_id),
  };
}

/**
 * What a contract names of a product (its object, 合同标的): the title, the resources with their titles and the
 * data-rights certificates it was listed on.
 */
export async function productForContract(db: Executor, id: string) {
  const p = await db
    .selectFrom('market_products')
    .select(['id', 'org_id', 'title', 'certificate_nos'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!p) return undefined;
  const resources = await db
    .selectFrom('market_product_resources as mpr')
    .select(['mpr.resource_id as id', resourceTitle('mpr.resource_id').as('title')])
    .where('mpr.product_id', '=', id)
    .orderBy('mpr.resource_id')
    .execute();
  return { ...p, resources };
}

const licenceOf = (db: Executor, id: string) =>
  db.selectFrom('market_products').select(['id', 'seats', 'exclusive', 'status']).where('id', '=', id);

/** A product's licence (seats, exclusivity) and listing status, as a listing shows what is left. */
export const productLicence = (db: Executor, id: string) => licenceOf(db, id).executeTakeFirst();

/**
 * Locks a product's row to the end of the caller's transaction and returns its licence: the lock orders every
 * order placed on it, so seats are counted by one transaction at a time, across processes.
 */
export const lockProductLicence = (tx: Executor, id: string) =>
  licenceOf(tx, id).forUpdate().executeTakeFirst();

/**
 * What settlement needs of products: the seller, and the authorized-operation grants (授权运营) their resources
 * were listed under, in grant-id order.
 */
export async function productsForSettlement(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const [products, bases] = await Promise.all([
    db.selectFrom('market_products').select(['id', 'org_id', 'title']).where('id', 'in', ids).execute(),
    db
      .selectFrom('market_product_resources')
      .select(['product_id', 'grant_id'])
      .where('product_id', 'in', ids)
      .where('basis', '=', 'operation')
      .where('grant_id', 'is not', null)
      .orderBy('grant_id')
      .execute(),
  ]);
  return products.map((p) => ({
    ...p,
    operationGrantIds: [...new Set(bases.filter((b) => b.product_id === p.id).map((b) => b.grant_id!))],
  }));
}
