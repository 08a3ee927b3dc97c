import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { BelowMinimum } from './quality.errors.js';
import { latestQualityOf, minListingScore } from './quality.reads.js';

type Executor = Kysely<DB>;

/** Why a resource falls short of the minimum score, or null when it meets it. */
export function belowMinimum(
  resourceId: string,
  overall: number | null | undefined,
  minimum: number,
): string | null {
  if (overall === undefined)
    return `resource ${resourceId} has no quality report yet; the listing minimum is ${minimum}`;
  if (overall === null)
    return `resource ${resourceId} has no overall quality score; the listing minimum is ${minimum}`;
  return overall < minimum
    ? `resource ${resourceId} scores ${overall} in data quality, below the listing minimum of ${minimum}`
    : null;
}

/**
 * GB/T 36344-2018 as a listing condition: when the operator set a minimum overall score, each resource of a
 * product needs a latest finished run scoring at least that (409 naming the score and the minimum).
 */
export async function checkListingQuality(db: Executor, resourceIds: string[]): Promise<void> {
  const minimum = await minListingScore(db);
  if (minimum === null) return;
  const scores = await latestQualityOf(db, resourceIds);
  for (const id of resourceIds) {
    const score = scores.get(id);
    const why = belowMinimum(id, score ? score.overall : undefined, minimum);
    if (why) throw BelowMinimum(why, { resourceId: id, overall: score?.overall ?? null, minimum });
  }
}
