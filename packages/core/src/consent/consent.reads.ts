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

/**
 * 授权运营 revenue terms of grants, for settlement: who granted, who operates, and the authority's share of each
 * sale's gross in basis points.
 */
export const operationGrantTerms = (db: Executor, grantIds: readonly string[]) =>
  grantIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('consent_operation_grants')
        .select(['id', 'authority_org_id', 'operator_org_id', 'authority_share_bp'])
        .where('id', 'in', grantIds)
        .orderBy('id')
        .execute();
