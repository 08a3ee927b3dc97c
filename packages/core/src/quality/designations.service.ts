import type {
  HqdApplication,
  HqdApplyBody,
  HqdDesignated,
  HqdProgress,
  HqdReviewBody,
  HqdScore,
  HqdSettings,
  HqdStatus,
  Paged,
} from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { resourceOwners } from '../catalog/index.js';
import { memberIds, notifyOrg, orgById } from '../identity/index.js';
import { notifyUsers } from '../notifications/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { iso } from '../shared/iso.js';
import {
  AlreadyApplied,
  BelowPassScore,
  HqdStateConflict,
  NotReviewer,
  NotYourResource,
  ReviewerInvalid,
} from './designations.errors.js';
import { num, toApplication } from './designations.mappers.js';
import { designationsRepository as repo } from './designations.repository.js';
import { HQD_STEP_FROM, hqdMay, meetsPassScore, weightedScore } from './designations.rules.js';
import { latestQualityOf } from './quality.reads.js';

type Executor = Kysely<DB>;
type Tx = Executor;
type Step = keyof typeof HQD_STEP_FROM;

/** The year in Beijing time: designations count per calendar year of the province. */
const beijingYear = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).getUTCFullYear();

/** 高质量数据集: application → expert review by an assigned provider org → designation → the public list. */
export class DesignationsService {
  constructor(
    private readonly db: Executor,
    private readonly now: () => Date,
  ) {}

  async apply(ctx: RequestContext, b: HqdApplyBody): Promise<HqdApplication> {
    const p = requirePrincipal(ctx);
    const id = newId('hqd');
    await this.db.transaction().execute(async (tx) => {
      const owner = (await resourceOwners(tx, [b.resourceId])).get(b.resourceId);
      if (!owner) throw NotFound('resource', b.resourceId);
      if (owner !== p.orgId) throw NotYourResource();
      const live = await repo.liveFor(tx, b.resourceId, b.level);
      if (live)
        throw AlreadyApplied(`this resource already has an application at this level (${live.status})`);
      await repo.insert(tx, {
        id,
        org_id: owner,
        resource_id: b.resourceId,
        level: b.level,
        year: beijingYear(this.now()),
        quality_report_ref: b.qualityReportRef?.trim() || null,
        update_record: b.updateRecord,
        use_cases: b.useCases,
        status: 'submitted',
        created_by: p.userId,
      });
      await this.audited(tx, ctx, 'apply', id, { resourceId: b.resourceId, level: b.level });
      await notifyUsers(tx, await memberIds(tx, null, ['operator']), {
        kind: 'quality.hqd.applied',
        title: '新的高质量数据集申请',
        body: '有单位申请认定高质量数据集，请指派评审机构',
        params: { id },
        link: `/quality/high-quality-datasets/${id}`,
      });
    });
    return this.get(ctx, id);
  }

  async assign(ctx: RequestContext, id: string, reviewerOrgId: string): Promise<HqdApplication> {
    await this.step(ctx, id, 'assign', async (tx, r, at, by) => {
      const org = await orgById(tx, reviewerOrgId);
      if (!org || !org.types.includes('provider') || org.status !== 'active' || org.id === r.org_id)
        throw ReviewerInvalid(undefined, { field: 'reviewerOrgId' });
      await repo.update(tx, id, {
        status: 'in_review',
        reviewer_org_id: reviewerOrgId,
        assigned_by: by,
        assigned_at: at,
      });
      await notifyOrg(tx, reviewerOrgId, ['provider', 'org_admin'], {
        kind: 'quality.hqd.assigned',
        title: '高质量数据集评审任务',
        body: '平台运营方指派贵单位评审一项高质量数据集申请',
        params: { id },
        link: `/quality/high-quality-datasets/${id}`,
      });
      return { reviewerOrgId };
    });
    return this.get(ctx, id);
  }

  async review(ctx: RequestContext, id: string, b: HqdReviewBody): Promise<HqdApplication> {
    const p = requirePrincipal(ctx);
    await this.step(ctx, id, 'review', async (tx, r, at, by) => {
      if (r.reviewer_org_id !== p.orgId) throw NotReviewer();
      const scores: HqdScore[] = b.scores.map((s) => ({ ...s, comment: s.comment?.trim() || null }));
      const score = weightedScore(scores);
      await repo.update(tx, id, {
        status: 'reviewed',
        scores: JSON.stringify(scores),
        weighted_score: score,
        review_opinion: b.opinion,
        reviewed_by: by,
        reviewed_at: at,
      });
      await notifyUsers(tx, await memberIds(tx, null, ['operator']), {
        kind: 'quality.hqd.reviewed',
        title: '高质量数据集评审完成',
        body: `评审加权得分 ${score}，请作出认定决定`,
        params: { id, score },
        link: `/quality/high-quality-datasets/${id}`,
      });
      return { weightedScore: score };
    });
    return this.get(ctx, id);
  }

  async decide(ctx: RequestContext, id: string, designate: boolean, note: string): Promise<HqdApplication> {
    await this.step(ctx, id, designate ? 'designate' : 'reject', async (tx, r, at, by) => {
      if (designate) {
        const { pass_score } = await repo.settings(tx);
        const score = num(r.weighted_score) ?? 0;
        if (!meetsPassScore(score, pass_score))
          throw BelowPassScore(`the weighted score ${score} is below the pass score ${pass_score}`);
      }
      await repo.update(tx, id, {
        status: designate ? 'designated' : 'rejected',
        decision_note: note,
        decided_by: by,
        decided_at: at,
      });
      await notifyOrg(tx, r.org_id, ['merchant', 'authority', 'org_admin'], {
        kind: designate ? 'quality.hqd.designated' : 'quality.hqd.rejected',
        title: designate ? '数据集已认定为高质量数据集' : '高质量数据集申请未获认定',
        body: note,
        params: { id },
        link: `/quality/high-quality-datasets/${id}`,
      });
      return { note };
    });
    return this.get(ctx, id);
  }

  async get(ctx: RequestContext, id: string): Promise<HqdApplication> {
    const p = requirePrincipal(ctx);
    const r = await repo.find(this.db, id);
    const sees =
      r && (hasRole(ctx, 'operator', 'regulator') || r.org_id === p.orgId || r.reviewer_org_id === p.orgId);
    if (!sees) throw NotFound('application', id);
    return toApplication(r, await latestQualityOf(this.db, [r.resource_id]));
  }

  async list(
    ctx: RequestContext,
    q: { page: number; pageSize: number; status?: HqdStatus; box?: 'mine' | 'reviewing' | 'all' },
  ): Promise<Paged<HqdApplication>> {
    const p = requirePrincipal(ctx);
    const oversight = hasRole(ctx, 'operator', 'regulator');
    const box = q.box ?? (oversight ? 'all' : 'mine');
    if (box === 'all' && !oversight)
      throw Forbidden('only the operator and the regulator see every application');
    if (box !== 'all' && !p.orgId) throw Forbidden('only members of an organization have applications');
    const filter =
      box === 'all'
        ? { status: q.status }
        : box === 'mine'
          ? { orgId: p.orgId!, status: q.status }
          : { reviewerOrgId: p.orgId!, status: q.status };
    const { rows, total } = await repo.list(this.db, filter, q.page, q.pageSize);
    const quality = await latestQualityOf(
      this.db,
      rows.map((r) => r.resource_id),
    );
    return { items: rows.map((r) => toApplication(r, quality)), total, page: q.page, pageSize: q.pageSize };
  }

  /** The public list (anonymous): designated datasets only, with what the public may know of them. */
  async designated(q: {
    page: number;
    pageSize: number;
    year?: number;
    level?: 'provincial' | 'municipal';
  }): Promise<Paged<HqdDesignated>> {
    const { rows, total } = await repo.designated(this.db, q, q.page, q.pageSize);
    const items = rows.map((r) => ({
      id: r.id,
      resourceId: r.resource_id,
      resourceTitle: r.resource_title,
      orgName: r.org_name,
      level: r.level,
      year: r.year,
      weightedScore: num(r.weighted_score),
      designatedAt: iso(r.decided_at)!,
    }));
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  async settings(): Promise<HqdSettings> {
    const s = await repo.settings(this.db);
    return { yearlyTarget: s.yearly_target, passScore: s.pass_score };
  }

  async setSettings(ctx: RequestContext, b: HqdSettings): Promise<HqdSettings> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      await repo.setSettings(tx, b.yearlyTarget, b.passScore, p.userId, this.now());
      await recordAudit(tx, ctx, { action: 'quality.hqd.settings', objectType: 'hqd_settings', details: b });
    });
    return this.settings();
  }

  /** This Beijing year's designations against the yearly target (the operator's dashboard). */
  async progress(): Promise<HqdProgress> {
    const year = beijingYear(this.now());
    const [c, s] = await Promise.all([repo.yearCounts(this.db, year), repo.settings(this.db)]);
    return {
      year,
      target: s.yearly_target,
      provincial: c.provincial,
      municipal: c.municipal,
      inReview: c.in_review,
    };
  }

  /** Runs one step of the flow on the locked application: refused with 409 naming its state when out of order. */
  private async step(
    ctx: RequestContext,
    id: string,
    step: Step,
    act: (
      tx: Tx,
      r: NonNullable<Awaited<ReturnType<typeof repo.lock>>>,
      at: Date,
      by: string,
    ) => Promise<object>,
  ) {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      const r = await repo.lock(tx, id);
      if (!r) throw NotFound('application', id);
      if (!hqdMay(step, r.status))
        throw HqdStateConflict(
          `the application is ${r.status}: ${step} needs it ${HQD_STEP_FROM[step].join(' or ')}`,
          { status: r.status },
        );
      const details = await act(tx, r, this.now(), p.userId);
      await this.audited(tx, ctx, step, id, details);
    });
  }

  private audited(tx: Tx, ctx: RequestContext, step: string, id: string, details: object) {
    return recordAudit(tx, ctx, {
      action: `quality.hqd.${step}`,
      objectType: 'hqd_application',
      objectId: id,
      details: details as Record<string, unknown>,
    });
  }
}
