import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { qualifiedRef } from '../shared/sql.js';

type Executor = Kysely<DB>;

/*
 * How other domains read the catalog's tables: the one way they may (lint rule shuliu/domain-tables), in the
 * manner of identity.reads.ts — expressions for inside the caller's own query, and plain lookups.
 */

/** The title of the resource whose id is in `ref` (qualified by its table or alias, see qualifiedRef). */
export const resourceTitle = (ref: string) =>
  sql<string | null>`(select ca_r.title from catalog_resources ca_r where ca_r.id = ${qualifiedRef(ref)})`;

/** An org's published resources, oldest first, with what decides whether they may leave it (PIPL Art. 23). */
export const publishedResourcesOf = (db: Executor, ownerOrgId: string) =>
  db
    .selectFrom('catalog_resources')
    .select(['id', 'title', 'grade', 'subject_type', 'processing', 'schema'])
    .where('owner_org_id', '=', ownerOrgId)
    .where('status', '=', 'published')
    .orderBy('created_at')
    .execute();
