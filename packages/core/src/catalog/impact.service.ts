import {
  highestGrade,
  isBelow,
  type GradingSettings,
  type Grade,
  type ImpactAssessment,
  type ImpactAssessmentBody,
  type Resource,
} from '@shuliu/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { CoreDataRefused, DEFAULT_GRADING_SETTINGS, gradeByImpact } from '../protect/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { OpenClassRefused } from './catalog.errors.js';
import { toResource } from './catalog.mappers.js';
import { catalogRepository } from './catalog.repository.js';
import { impactRepository as impacts } from './impact.repository.js';
import { openClassRefusal, publishRefusal } from './catalog.rules.js';
import type { CatalogImpactAssessmentsTable } from './impact.tables.js';
import type { ResourcesService } from './resources.service.js';

type Executor = Kysely<DB>;
type Row = Selectable<CatalogImpactAssessmentsTable>;

/** The operator's party × harm table (platform settings), read in the caller's transaction. */
export type ImpactTable = (db: Executor) => Promise<GradingSettings['impact']>;

/** The grade the latest impact assessment of a resource gives (null: never assessed). */
export async function assessedGrade(db: Executor, resourceId: string): Promise<Grade | null> {
  return ((await impacts.latestGrade(db, resourceId)) as Grade | undefined) ?? null;
}

const toAssessment = (r: Row): ImpactAssessment => ({
  id: r.id,
  resourceId: r.resource_id,
  party: r.party as ImpactAssessment['party'],
  harm: r.harm as ImpactAssessment['harm'],
  assessedGrade: r.assessed_grade as Grade,
  gradeBefore: r.grade_before as Grade,
  gradeAfter: r.grade_after as Grade,
  reason: r.reason,
  assessedBy: r.assessed_by,
  orgId: r.org_id,
  createdAt: new Date(r.created_at).toISOString(),
});

/**
 * GB/T 43697-2024 §6.4–6.5: the owner's admin or an operator assesses who a compromise of the resource would
 * harm and how badly; the grade follows the operator's table, never below what the fields compute (§6.6),
 * and the assessment is kept as the evidence of the grade.
 */
export class ImpactService {
  constructor(
    private readonly db: Executor,
    private readonly resources: ResourcesService,
    private readonly table: ImpactTable = async () => DEFAULT_GRADING_SETTINGS.impact,
  ) {}

  async assess(
    ctx: RequestContext,
    id: string,
    body: ImpactAssessmentBody,
  ): Promise<{ assessment: ImpactAssessment; resource: Resource }> {
    const p = requirePrincipal(ctx);
    const assessmentId = newId('ima');
    await this.db.transaction().execute(async (tx) => {
      const cur = toResource(await this.resources.lockOwned(tx, ctx, id, true));
      const impact = await this.table(tx);
      const assessed = gradeByImpact(body.party, body.harm, { ...DEFAULT_GRADING_SETTINGS, impact });
      const grade = highestGrade([assessed], cur.computedGrade);
      if (cur.status === 'published') {
        const refusal =
          publishRefusal(grade) ??
          openClassRefusal(cur.openClass, grade, cur.subjectType, this.resources.settings);
        if (refusal) throw grade === 'core' ? CoreDataRefused(refusal) : OpenClassRefused(refusal);
      }
      await catalogRepository.updateResource(tx, id, {
        manual_grade: isBelow(assessed, cur.computedGrade) ? null : assessed,
        grade,
        updated_at: new Date(),
      });
      await impacts.insert(tx, {
        id: assessmentId,
        resource_id: id,
        party: body.party,
        harm: body.harm,
        assessed_grade: assessed,
        grade_before: cur.grade,
        grade_after: grade,
        reason: body.reason,
        assessed_by: p.username,
        org_id: p.orgId ?? null,
      });
      await recordAudit(tx, ctx, {
        action: 'catalog.resource.impact_assess',
        objectType: 'resource',
        objectId: id,
        orgId: cur.ownerOrgId,
        details: { assessmentId, party: body.party, harm: body.harm, assessed, from: cur.grade, to: grade },
      });
    });
    const [assessment] = await this.rows(id, assessmentId);
    return { assessment: assessment!, resource: await this.resources.get(ctx, id) };
  }

  /** The assessments of a resource the caller may see, newest first. */
  async list(ctx: RequestContext, id: string): Promise<{ items: ImpactAssessment[] }> {
    await this.resources.load(ctx, id);
    return { items: await this.rows(id) };
  }

  private async rows(resourceId: string, id?: string): Promise<ImpactAssessment[]> {
    return (await impacts.ofResource(this.db, resourceId, id)).map(toAssessment);
  }
}
