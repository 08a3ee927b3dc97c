import type { QualityScore } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { toScore } from './quality.mappers.js';
import { qualityRepository as repo } from './quality.repository.js';

type Executor = Kysely<DB>;

/*
 * How other domains read the quality tables: the one way they may (lint rule shuliu/domain-tables).
 */

/** The latest finished score of each of these resources; a resource never scored is left out. */
export async function latestQualityOf(
  db: Executor,
  resourceIds: string[],
): Promise<Map<string, QualityScore>> {
  const rows = await repo.latestDoneOf(db, [...new Set(resourceIds)]);
  return new Map(rows.map((r) => [r.resource_id, toScore(r)]));
}

/** The operator's minimum overall score for listing, or null when listing is not gated by quality. */
export async function minListingScore(db: Executor): Promise<number | null> {
  const row = await repo.settings(db);
  return row?.min_listing_score ?? null;
}
