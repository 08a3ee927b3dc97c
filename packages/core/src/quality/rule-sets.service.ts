import type { QualityRules } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { ResourcesService } from '../catalog/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { iso } from '../shared/iso.js';
import { RulesInvalid, RulesUnknownColumn } from './quality.errors.js';
import { parseJson } from './quality.mappers.js';
import { qualityRepository as repo, type RuleSetRow } from './quality.repository.js';
import {
  namedColumns,
  parseQualityRules,
  parseQualityWeights,
  type Rule,
  type Weights,
} from './quality.schema.js';

type Executor = Kysely<DB>;

/** The rules a run takes: the saved ones with their version, or none (the run then suggests them). */
export interface RulesInForce {
  rules: Rule[] | null;
  weights: Weights | null;
  version: number | null;
}

/** Where the suggested rules come from when none are saved (the newest ready data file, profiled). */
export type Suggester = (
  resourceId: string,
  /** Profile the file when no run kept suggestions (false: only what a run kept). */
  profile: boolean,
) => Promise<{ fileId: string | null; rules: Rule[] }>;

/**
 * A resource's quality rules (GB/T 36344-2018): suggested from its data until its owner saves a set, then the
 * saved set, versioned. A rule is checked by the engine's schema and against the resource's columns when
 * saved, so a run never fails on a rule that could not apply.
 */
export class RuleSetsService {
  constructor(
    private readonly db: Executor,
    private readonly resources: ResourcesService,
    private readonly suggest: Suggester,
  ) {}

  async get(ctx: RequestContext, resourceId: string): Promise<QualityRules> {
    const r = await this.resources.load(ctx, resourceId);
    const saved = await repo.ruleSet(this.db, resourceId);
    if (saved) return toRules(saved);
    // reading a whole file to suggest rules is the owner's to ask for; others see what a run kept
    const owner = !!ctx.principal?.orgId && ctx.principal.orgId === r.owner_org_id;
    const { fileId, rules } = await this.suggest(resourceId, owner);
    return {
      resourceId,
      rules,
      weights: null,
      suggested: true,
      fileId,
      version: null,
      updatedBy: null,
      updatedAt: null,
    };
  }

  /** The rules a run of the resource takes now. */
  async inForce(resourceId: string, db: Executor = this.db): Promise<RulesInForce> {
    const saved = await repo.ruleSet(db, resourceId);
    if (!saved) return { rules: null, weights: null, version: null };
    return {
      rules: parseQualityRules(parseJson(saved.rules)),
      weights: saved.weights ? parseJson<Weights>(saved.weights) : null,
      version: saved.version,
    };
  }

  /** Other resources the rules compare with are the holder's own and have the columns named (before any write). */
  private async checkReferences(ctx: RequestContext, resourceId: string, rules: readonly Rule[]) {
    if (!rules.some((r) => r.kind === 'reference' && r.resource)) return;
    const r = await this.resources.load(ctx, resourceId);
    await checkReferencesOf(this.resources, r.owner_org_id, rules);
  }

  async save(
    ctx: RequestContext,
    resourceId: string,
    body: { rules: unknown[]; weights?: Weights | null },
  ): Promise<QualityRules> {
    const p = requirePrincipal(ctx);
    const rules = parseQualityRules(body.rules);
    const weights = body.weights ? parseQualityWeights(body.weights) : null;
    await this.checkReferences(ctx, resourceId, rules);
    await this.db.transaction().execute(async (tx) => {
      const r = await this.resources.lockOwned(tx, ctx, resourceId);
      checkColumns(rules, schemaColumns(r.schema));
      const before = await repo.lockRuleSet(tx, resourceId);
      const set = {
        rules: JSON.stringify(rules),
        weights: weights ? JSON.stringify(weights) : null,
        updated_by: p.username,
        updated_at: new Date(),
      };
      if (before) await repo.updateRuleSet(tx, resourceId, { ...set, version: before.version + 1 });
      else await repo.insertRuleSet(tx, { resource_id: resourceId, ...set });
      await recordAudit(tx, ctx, {
        action: 'quality.rules.save',
        objectType: 'resource',
        objectId: resourceId,
        details: { version: (before?.version ?? 0) + 1, rules: rules.length, weights },
      });
    });
    return toRules((await repo.ruleSet(this.db, resourceId))!);
  }
}

/**
 * Referential consistency compares two of one holder's resources: a rule may name another resource only of the
 * same owner (the values of others' data are not for an oracle), and only a column it has once its schema is
 * known.
 */
export async function checkReferencesOf(
  resources: ResourcesService,
  ownerOrgId: string,
  rules: readonly Rule[],
): Promise<void> {
  for (const [i, rule] of rules.entries()) {
    if (rule.kind !== 'reference' || !rule.resource) continue;
    const ref = await resources.row(rule.resource);
    if (!ref || ref.owner_org_id !== ownerOrgId)
      throw RulesInvalid(
        `rules[${i}].resource: ${rule.resource} is not a resource of the same holder (referential consistency compares a holder's own resources)`,
        { index: i },
      );
    const columns = schemaColumns(ref.schema);
    if (columns.length && !columns.includes(rule.column!))
      throw RulesUnknownColumn(
        `rules[${i}].column: resource ${rule.resource} has no column "${rule.column}" (it has: ${columns.join(', ')})`,
        { index: i, column: rule.column },
      );
  }
}

const toRules = (row: RuleSetRow): QualityRules => ({
  resourceId: row.resource_id,
  rules: parseJson<Record<string, unknown>[]>(row.rules),
  weights: row.weights ? parseJson<Weights>(row.weights) : null,
  suggested: false,
  fileId: null,
  version: row.version,
  updatedBy: row.updated_by,
  updatedAt: iso(row.updated_at),
});

const schemaColumns = (schema: unknown): string[] =>
  (parseJson<{ name: string }[] | null>(schema) ?? []).map((c) => c.name);

/**
 * A rule may only name columns the resource has (once its schema is known), and a reference list must be
 * given inline: the platform reads no files a rules document names.
 */
function checkColumns(rules: readonly Rule[], columns: readonly string[]): void {
  rules.forEach((rule, i) => {
    if (rule.kind === 'reference' && rule.file)
      throw RulesInvalid(`rules[${i}].file: a reference file is not read on the platform; list its values`, {
        index: i,
      });
    if (!columns.length) return;
    (namedColumns(rule) ?? []).forEach((name, j) => {
      if (!columns.includes(name))
        throw RulesUnknownColumn(
          `rules[${i}].columns[${j}]: the resource has no column "${name}" (it has: ${columns.join(', ')})`,
          { index: i, column: name },
        );
    });
  });
}
