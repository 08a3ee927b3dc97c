import type { RegistryChecklist, RegistrationDetail, RegistrationStatus } from '@shuliu/contracts';
import { recordAudit } from '../audit/index.js';
import { orgById } from '../identity/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { shanghaiDay } from './registry.calendar.js';
import { BadReviewer, MoveRefused, NotReviewer } from './registry.errors.js';
import type { ApplicationsService } from './applications.service.js';
import { registryRepository as repo, type ApplicationRow } from './registry.repository.js';
import { nextRegistrationStatus, type RegistrationAction } from './registry.rules.js';
import { recordEvent, tell, type Executor, type RegistryDeps } from './registry.support.js';

/** Columns as audit details: instants as ISO strings, stored JSON as its value. */
const auditable = (set: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(set).map(([k, v]) => [
      k,
      v instanceof Date ? v.toISOString() : k === 'checklist' ? JSON.parse(v as string) : v,
    ]),
  );

const CHECKS: (keyof RegistryChecklist)[] = ['descriptionAccuracy', 'sourceCompliance', 'rightsClarity'];

/** 受理 and 审查: the operator accepts and assigns; the reviewer org (operator or certifier) decides. */
export class ReviewService {
  constructor(
    private readonly deps: RegistryDeps,
    private readonly applications: ApplicationsService,
  ) {}

  /** The reviewer may be the platform operator's org or a certifier org (第三方认证机构). */
  private async reviewerOrg(db: Executor, ctx: RequestContext, id: string | undefined) {
    const orgId = id ?? requirePrincipal(ctx).orgId;
    const org = orgId ? await orgById(db, orgId) : undefined;
    const ok =
      !!org &&
      org.status === 'active' &&
      (org.types.includes('operator') ||
        (org.types.includes('provider') && org.provider_kinds.includes('certifier')));
    if (!ok) throw BadReviewer(undefined, { field: 'reviewerOrgId' });
    return org;
  }

  /** Operators act on any application; a certifier's members act on those assigned to their org, in review. */
  private assertReviewer(ctx: RequestContext, a: ApplicationRow) {
    if (hasRole(ctx, 'operator')) return;
    if (requirePrincipal(ctx).orgId !== a.reviewer_org_id || a.status !== 'under_review') throw NotReviewer();
  }

  /** One step of the review side, on the locked application; `apply` returns the columns to set. */
  private async step(
    ctx: RequestContext,
    id: string,
    action: RegistrationAction,
    run: (
      tx: Executor,
      a: ApplicationRow,
      now: Date,
    ) => Promise<{ positive?: boolean; set: Record<string, unknown>; reason?: string }>,
  ): Promise<RegistrationDetail> {
    await this.deps.db.transaction().execute(async (tx) => {
      const a = await this.applications.load(tx, ctx, id, true);
      this.assertReviewer(ctx, a);
      const now = this.deps.now();
      const { positive, set, reason } = await run(tx, a, now);
      const { move, notice, decided } = await this.outcome(tx, a, action, positive, now, reason);
      await repo.updateApplication(tx, id, { ...set, ...notice, ...decided, status: move.to });
      await recordEvent(tx, ctx, {
        at: now,
        action: action === 'review' ? `review_${move.to}` : action,
        applicationId: id,
        reason,
      });
      await this.tellApplicant(tx, a, move.to, reason ?? null, notice.notice_ends_at);
      await recordAudit(tx, ctx, {
        action: `registry.application.${action}`,
        objectType: 'registry_application',
        objectId: id,
        orgId: a.applicant_org_id,
        // plain JSON only: the chain hashes the canonical form of exactly what is stored
        details: { from: a.status, to: move.to, reason: reason ?? null, ...auditable(set) },
      });
    });
    return this.applications.get(ctx, id);
  }

  /** Where the step leads: the next status, the public notice it opens, or the decision it makes. */
  private async outcome(
    tx: Executor,
    a: ApplicationRow,
    action: RegistrationAction,
    positive: boolean | undefined,
    now: Date,
    reason: string | undefined,
  ) {
    const s = await this.deps.settings.get(tx);
    const needsNotice = s.noticeTypes.includes(a.type as never);
    const move = nextRegistrationStatus(a.status as RegistrationStatus, action, { positive, needsNotice });
    if (!move.ok) throw MoveRefused(move.refusal, move.message, { status: a.status, action });
    const notice =
      move.to === 'publicizing'
        ? { notice_starts_at: now, notice_ends_at: await this.deps.settings.deadline(now, s.noticeDays, tx) }
        : {};
    const decided = move.to === 'rejected' ? { decided_at: now, decision_reason: reason ?? null } : {};
    return { move, notice, decided };
  }

  /** 受理: review is due in reviewDays working days, by the named reviewer org (by default the operator's). */
  accept(ctx: RequestContext, id: string, body: { reviewerOrgId?: string; note?: string }) {
    return this.step(ctx, id, 'accept', async (tx, a, now) => {
      const reviewer = await this.reviewerOrg(tx, ctx, body.reviewerOrgId);
      const due = await this.deps.settings.deadline(now, (await this.deps.settings.get(tx)).reviewDays, tx);
      await this.tellReviewer(tx, a, reviewer.id);
      return {
        set: { accepted_at: now, review_due_at: due, reviewer_org_id: reviewer.id },
        reason: body.note,
      };
    });
  }

  assign(ctx: RequestContext, id: string, body: { reviewerOrgId: string; note?: string }) {
    return this.step(ctx, id, 'assign', async (tx, a) => {
      const reviewer = await this.reviewerOrg(tx, ctx, body.reviewerOrgId);
      await this.tellReviewer(tx, a, reviewer.id);
      return { set: { reviewer_org_id: reviewer.id }, reason: body.note };
    });
  }

  /** 不予受理 (before acceptance) or 不予登记 (in review), with the reason. */
  reject(ctx: RequestContext, id: string, reason: string) {
    return this.step(ctx, id, 'reject', async () => ({ set: {}, reason }));
  }

  /** 形式 + 实质审查: all three points pass → 公示 (or approved, for types without notice); any fails → rejected. */
  review(ctx: RequestContext, id: string, body: { checklist: RegistryChecklist; opinion: string }) {
    return this.step(ctx, id, 'review', async (_tx, _a, now) => {
      const positive = CHECKS.every((k) => body.checklist[k].passed);
      const failed = CHECKS.filter((k) => !body.checklist[k].passed);
      return {
        positive,
        set: { checklist: JSON.stringify(body.checklist), review_opinion: body.opinion, reviewed_at: now },
        reason: positive ? body.opinion : `${body.opinion}（未通过：${failed.join('、')}）`,
      };
    });
  }

  private async tellReviewer(tx: Executor, a: ApplicationRow, reviewerOrgId: string) {
    await tell(
      tx,
      {
        kind: 'registry.assigned',
        title: '数据产权登记审查任务',
        body: `「${a.object_title}」的登记申请已分配给贵机构审查。`,
        params: { applicationId: a.id, type: a.type },
        link: `/registry/applications/${a.id}`,
      },
      { orgs: [reviewerOrgId] },
    );
  }

  private async tellApplicant(
    tx: Executor,
    a: ApplicationRow,
    to: RegistrationStatus,
    reason: string | null,
    noticeEndsAt: Date | undefined,
  ) {
    if (to === a.status) return;
    const words: Partial<Record<RegistrationStatus, string>> = {
      under_review: '已受理，进入审查',
      publicizing: `审查通过，进入公示（至 ${noticeEndsAt ? shanghaiDay(noticeEndsAt) : ''}）`,
      approved: '审查通过，待核发',
      rejected: `未予登记${reason ? `：${reason}` : ''}`,
    };
    await tell(
      tx,
      {
        kind: `registry.${to}`,
        title: '数据产权登记进度',
        body: `「${a.object_title}」的登记申请${words[to] ?? to}。`,
        params: { applicationId: a.id, status: to, reason },
        link: `/registry/applications/${a.id}`,
      },
      { users: [a.applicant_user_id], adminsOf: [a.applicant_org_id] },
    );
  }
}
