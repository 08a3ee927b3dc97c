import {
  jcs,
  todayInChina,
  type AgentQualityReport,
  type LeasedQualityCheck,
  type QualityReceiptBody,
  type QualityRunSummary,
} from '@shuliu/contracts';
import { recordAudit } from '../audit/index.js';
import { activeDatasetOfAgent, agentVerifyKey, requireAgent } from '../compute/index.js';
import { parsePublicKey, sm2Verify, sm3Hex } from '../crypto/index.js';
import type { RequestContext } from '../shared/context.js';
import { CheckNotLeased, ReportInvalid } from './quality.errors.js';
import { reportOf } from './quality.evaluate.js';
import { toRunSummary } from './quality.mappers.js';
import { qualityRepository as repo, type RunRow } from './quality.repository.js';
import { ruleScore } from './quality.rules.js';
import { referencesOf } from './run-evaluation.js';
import { parseQualityRules, type Rule, type Weights } from './quality.schema.js';
import type { RuleResult } from './quality.types.js';
import type { ReportsDeps, ReportsService } from './reports.service.js';

/** The most values of other resources a lease carries to an agent (a code table, not a second dataset). */
const MAX_LEASED_REFERENCE_VALUES = 200_000;

/** What an agent signs for a run it checked: the run, the resource, the dataset, itself and the report's SM3. */
export const qualityReceipt = (run: RunRow, agentId: string, reportHash: string): QualityReceiptBody => ({
  v: 1,
  runId: run.id,
  resourceId: run.resource_id,
  datasetId: run.dataset_id!,
  agentId,
  reportHash,
});

/**
 * 数据质量 in the data's domain: a resource whose data a compute agent holds (its dataset is linked to the
 * resource, no file is on the platform) is checked by that agent, where the data lives. The agent leases the
 * run with the rules in force, checks its dataset and returns only the report — counts and a few masked
 * examples — with its SM3 and the agent's SM2 signature over the run's receipt. The platform keeps the
 * signature and recomputes every score from the counts, so a report scores exactly as a file's run would.
 */
export class DomainChecksService {
  constructor(
    private readonly deps: ReportsDeps,
    private readonly reports: ReportsService,
  ) {}

  /** The agent's next run, taken to running; null when none waits. A run of a withdrawn dataset fails. */
  async lease(ctx: RequestContext): Promise<{ check: LeasedQualityCheck | null }> {
    const agent = requireAgent(ctx);
    const { db } = this.deps;
    for (;;) {
      const run = await repo.nextForAgent(db, agent.userId);
      if (!run) return { check: null };
      const dataset = await activeDatasetOfAgent(db, run.dataset_id!, agent.userId);
      if (!dataset) {
        await this.reports.fail(run, 'the agent no longer holds the dataset this run was to check');
        continue;
      }
      const now = this.deps.now();
      // only one lease takes it: the one whose update took it from queued to running
      if (!(await repo.claimRun(db, run.id, now))) continue;
      const inForce = await this.deps.rules.inForce(run.resource_id);
      const weights = inForce.weights ?? (await this.deps.settings.weights());
      let references: Record<string, string[]> | undefined;
      try {
        // the holder's own other resources the rules compare with go to the holder's own agent
        references = await referencesOf(this.deps, run.resource_id, inForce.rules);
        const values = Object.values(references ?? {}).reduce((n, v) => n + v.length, 0);
        if (values > MAX_LEASED_REFERENCE_VALUES)
          throw new Error(
            `the rules compare with ${values.toLocaleString('en-US')} values of other resources; an agent takes at most ${MAX_LEASED_REFERENCE_VALUES.toLocaleString('en-US')}`,
          );
      } catch (e) {
        await this.reports.fail(run, e instanceof Error ? e.message : String(e));
        continue;
      }
      if (inForce.version !== null) await repo.updateRun(db, run.id, { rules_version: inForce.version });
      await recordAudit(db, ctx, {
        action: 'quality.run.lease',
        objectType: 'quality_run',
        objectId: run.id,
        details: { resourceId: run.resource_id, datasetId: run.dataset_id, rulesVersion: inForce.version },
      });
      return {
        check: {
          runId: run.id,
          resourceId: run.resource_id,
          datasetId: run.dataset_id!,
          table: dataset.name,
          rules: inForce.rules,
          weights,
          asOf: todayInChina(now),
          rulesVersion: inForce.version,
          references: references ?? null,
        },
      };
    }
  }

  /** The agent's report of a run it leased: verified, rescored from its counts and recorded. */
  async report(
    ctx: RequestContext,
    id: string,
    b: { report: AgentQualityReport; reportHash: string; signature: string },
  ): Promise<QualityRunSummary> {
    const agent = requireAgent(ctx);
    const run = await this.leased(id, agent.userId);
    if (sm3Hex(jcs(b.report)) !== b.reportHash)
      throw ReportInvalid('reportHash: it is not the SM3 of the report’s RFC 8785 form', {
        field: 'reportHash',
      });
    const key = await agentVerifyKey(this.deps.db, agent.userId);
    const receipt = qualityReceipt(run, agent.userId, b.reportHash);
    if (!key || !sm2Verify(parsePublicKey(key.publicKey), jcs(receipt), b.signature, agent.userId))
      throw ReportInvalid('signature: the receipt’s SM2 signature does not verify under the agent’s key', {
        field: 'signature',
      });
    const inForce = await this.deps.rules.inForce(run.resource_id);
    if (inForce.version !== run.rules_version) {
      // the owner saved other rules while the agent checked: the report scores rules no longer in force
      await this.reports.fail(run, 'the rules changed while the agent checked the data: start the run again');
      return toRunSummary((await repo.run(this.deps.db, id))!);
    }
    const rules = inForce.rules ?? suggestedRules(b.report.suggested);
    const weights = inForce.weights ?? (await this.deps.settings.weights());
    const report = rescored(b.report, rules, weights);
    await this.reports.finish(
      run,
      { ...report, ...(!inForce.rules && { suggested: rules }), rulesVersion: inForce.version },
      { report_hash: b.reportHash, signature: b.signature },
    );
    return toRunSummary((await repo.run(this.deps.db, id))!);
  }

  /** The agent could not check its data: the run fails with the agent's reason. */
  async failure(ctx: RequestContext, id: string, b: { reason: string }): Promise<QualityRunSummary> {
    const agent = requireAgent(ctx);
    const run = await this.leased(id, agent.userId);
    await this.reports.fail(run, `the agent could not check the data: ${b.reason}`);
    return toRunSummary((await repo.run(this.deps.db, id))!);
  }

  private async leased(id: string, agentId: string): Promise<RunRow> {
    const run = await repo.run(this.deps.db, id);
    if (!run || run.agent_id !== agentId || run.status !== 'running')
      throw CheckNotLeased(`quality run ${id} is not being checked by this agent`, { runId: id });
    return run;
  }
}

/** Rules the agent suggested from its data, checked as saved rules are (a bad one is the agent's error). */
function suggestedRules(suggested: readonly unknown[] | undefined): Rule[] {
  if (!suggested?.length)
    throw ReportInvalid('report.suggested: a run without saved rules returns the rules it suggested', {
      field: 'report.suggested',
    });
  try {
    return parseQualityRules(suggested);
  } catch (e) {
    throw ReportInvalid(`report.suggested: ${(e as Error).message}`, { field: 'report.suggested' });
  }
}

/**
 * The report as the platform records it: one result per rule, in the rules' order, with the rule's own id,
 * kind, indicator and columns; every score recomputed from the counts with the weights in force.
 */
function rescored(r: AgentQualityReport, rules: readonly Rule[], weights: Weights) {
  const byId = new Map(r.rules.map((x) => [x.id, x]));
  if (byId.size !== r.rules.length || r.rules.length !== rules.length)
    throw ReportInvalid(`report.rules: ${r.rules.length} results for ${rules.length} rules`, {
      field: 'report.rules',
    });
  const results: RuleResult[] = rules.map((rule, i) => {
    const x = byId.get(rule.id);
    if (!x || x.kind !== rule.kind)
      throw ReportInvalid(`report.rules: no result of the ${rule.kind} rule ${rule.id}`, {
        field: `report.rules[${i}]`,
      });
    if (x.failed > x.checked)
      throw ReportInvalid(`report.rules[${i}]: failed ${x.failed} exceeds checked ${x.checked}`, {
        field: `report.rules[${i}].failed`,
      });
    return {
      id: rule.id,
      indicator: rule.indicator,
      kind: rule.kind,
      columns: x.columns,
      checked: x.checked,
      failed: x.failed,
      score: ruleScore(x.checked, x.failed),
      examples: x.examples,
    };
  });
  return reportOf(r.rows, results, weights);
}
