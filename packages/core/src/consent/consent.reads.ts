import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

type Executor = Kysely<DB>;

/*
 * How other domains read the consent domain's tables: the one way they may (lint rule shuliu/domain-tables).
 */

/** The persons with a live grant of the version: not withdrawn, not expired, the version still current. */
export const liveConsents = (db: Executor, versionId: string, at: Date) =>
  db
    .selectFrom('consent_grants as g')
    .innerJoin('consent_scenarios as s', 's.id', 'g.scenario_id')
    .innerJoin('consent_persons as p', 'p.user_id', 'g.subject_user_id')
    .where('g.version_id', '=', versionId)
    .whereRef('s.current_version_id', '=', 'g.version_id')
    .where('g.revoked_at', 'is', null)
    .where('g.expires_at', '>', at);

/**
 * The persons whose consent to the scenario version is live at `at`, as the hub knows them (`idCardDigester`'s
 * hex digests): the rows a delivered copy of data about persons keeps. Nothing is unsealed.
 */
export const consentingSubjects = async (db: Executor, versionId: string, at: Date): Promise<Set<string>> =>
  new Set(
    (await liveConsents(db, versionId, at).select('p.id_card_hmac').execute()).map((r) => r.id_card_hmac),
  );

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
