import { uncoveredCategories, type PiCategory } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { parseFields } from './consent.mappers.js';
import type { StoredField } from './consent.tables.js';

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
 * The live grants of the version (see liveConsents) that reach every personal information category the data
 * holds (`categoriesHeld`): a person who refused an optional field the data needs is left out. The struck
 * fields of a version were never granted.
 */
export async function consentsCovering(
  db: Executor,
  versionId: string,
  at: Date,
  held: readonly PiCategory[],
) {
  const [version, grants] = await Promise.all([
    db
      .selectFrom('consent_scenario_versions')
      .select('fields')
      .where('id', '=', versionId)
      .executeTakeFirst(),
    liveConsents(db, versionId, at).select(['p.id_card_hmac', 'p.id_card_enc', 'g.fields']).execute(),
  ]);
  const categoryOf = new Map(version ? fieldsOf(version).map((f) => [f.name, f.category]) : []);
  return grants.filter(
    (g) =>
      !uncoveredCategories(
        held,
        g.fields.map((n) => ({ category: categoryOf.get(n) ?? '' })),
      ).length,
  );
}

/**
 * The persons whose consent to the scenario version is live at `at` and reaches the categories the data holds,
 * as the hub knows them (`idCardDigester`'s hex digests): the rows a delivered copy of data about persons keeps.
 * Nothing is unsealed.
 */
export const consentingSubjects = async (
  db: Executor,
  versionId: string,
  at: Date,
  held: readonly PiCategory[],
): Promise<Set<string>> =>
  new Set((await consentsCovering(db, versionId, at, held)).map((g) => g.id_card_hmac));

/** A version's fields as its review left them: the struck ones are not asked for. */
export const fieldsOf = (v: { fields: unknown }) =>
  parseFields(v.fields as StoredField[] | string).filter((f) => !f.struck);

/** A consent scenario version with its org and state: whether a deal may rely on it (一场景一授权). */
export const scenarioVersionOf = (db: Executor, versionId: string) =>
  db
    .selectFrom('consent_scenario_versions as v')
    .innerJoin('consent_scenarios as s', 's.id', 'v.scenario_id')
    .select(['v.id', 'v.status', 'v.purpose', 'v.fields', 's.org_id', 's.title'])
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
