import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

type Executor = Kysely<DB>;

/*
 * How other domains read the consent domain's tables: the one way they may (lint rule shuliu/domain-tables).
 */

/** A consent scenario version with its org and state: whether a deal may rely on it (一场景一授权). */
export const scenarioVersionOf = (db: Executor, versionId: string) =>
  db
    .selectFrom('consent_scenario_versions as v')
    .innerJoin('consent_scenarios as s', 's.id', 'v.scenario_id')
    .select(['v.id', 'v.status', 'v.purpose', 's.org_id', 's.title'])
    .where('v.id', '=', versionId)
    .executeTakeFirst();
