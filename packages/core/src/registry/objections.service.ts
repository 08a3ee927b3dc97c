import type { RegistryObjection, RegistryObjectionQuery, Paged, RegistrationStatus } from '@shuliu/contracts';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { shanghaiDay } from './registry.calendar.js';
import { IllegalTransition, MoveRefused, OwnObjection } from './registry.errors.js';
import { toObjection } from './registry.mappers.js';
import { registryRepository as repo, type ApplicationRow } from './registry.repository.js';
import { nextRegistrationStatus } from './registry.rules.js';
import {
  activeOrgOf,
  recordEvent,
  tell,
  tellOperators,
  viewerOf,
  type Executor,
  type RegistryDeps,
} from './registry.support.js';

/** 公示异议 and 异议处理: anyone logged in objects during the notice; the operator decides within objectionDays. */
export class ObjectionsService {
  constructor(private readonly deps: RegistryDeps) {}

  /** An application in (or past) public notice is public; others are seen only by their parties. */
  private async noticed(db: Executor, id: string, lock: boolean): Promise<ApplicationRow> {
    const a = lock ? await repo.lockApplication(db, id) : await repo.findApplication(db, id);
    if (!a?.notice_starts_at) throw NotFound('notice', id);
    return a;
  }

  async object(ctx: RequestContext, applicationId: string, reason: string): Promise<RegistryObjection> {
    const p = requirePrincipal(ctx);
    const org = await activeOrgOf(this.deps.db, ctx);
    const id = newId('obj');
    await this.deps.db.transaction().execute(async (tx) => {
      const a = await this.noticed(tx, applicationId, true);
      if (a.applicant_org_id === org.id) throw OwnObjection();
      const now = this.deps.now();
      const noticeOver = !!a.notice_ends_at && new Date(a.notice_ends_at).getTime() <= now.getTime();
      const move = nextRegistrationStatus(a.status as RegistrationStatus, 'object', { noticeOver });
      if (!move.ok) throw MoveRefused(move.refusal, move.message, { status: a.status });
      const s = await this.deps.settings.get(tx);
      const due = await this.deps.settings.deadline(now, s.objectionDays, tx);
      const row = { id, application_id: a.id, objector_org_id: org.id, objector_user_id: p.userId, reason };
      await repo.insertObjection(tx, { ...row, status: 'open', due_at: due, created_at: now });
      await repo.updateApplication(tx, a.id, { status: move.to });
      await recordEvent(tx, ctx, {
        at: now,
        action: 'objection',
        applicationId: a.id,
        reason,
        details: { objectionId: id },
      });
      await this.tellObjected(tx, a, org.name, id, due);
      await recordAudit(tx, ctx, {
        action: 'registry.objection.create',
        objectType: 'registry_objection',
        objectId: id,
        details: { applicationId: a.id, dueAt: due.toISOString() },
      });
    });
    return this.get(ctx, id);
  }

  private async tellObjected(tx: Executor, a: ApplicationRow, by: string, id: string, due: Date) {
    const n = {
      kind: 'registry.objected',
      title: '登记公示收到异议',
      body: `${by} 对「${a.object_title}」的登记公示提出异议，处理期限至 ${shanghaiDay(due)}。`,
      params: { applicationId: a.id, objectionId: id, dueAt: due.toISOString() },
      link: `/registry/applications/${a.id}`,
    };
    await tell(tx, n, { users: [a.applicant_user_id], adminsOf: [a.applicant_org_id] });
    await tellOperators(tx, n);
  }

  /** 异议处理: upheld → the application is rejected; dismissed → it goes on (to issuance once the notice ends). */
  async decide(
    ctx: RequestContext,
    id: string,
    body: { upheld: boolean; reason: string },
  ): Promise<RegistryObjection> {
    const p = requirePrincipal(ctx);
    const found = await repo.findObjection(this.deps.db, id);
    if (!found) throw NotFound('objection', id);
    await this.deps.db.transaction().execute(async (tx) => {
      const { a, o, to } = await this.lockForDecision(tx, found.application_id, id, body.upheld);
      const now = this.deps.now();
      const status = body.upheld ? 'upheld' : 'dismissed';
      await repo.updateObjection(tx, id, {
        status,
        decision_reason: body.reason,
        decided_by: p.username,
        decided_at: now,
      });
      const rejected =
        to === 'rejected' ? { decided_at: now, decision_reason: `异议成立：${body.reason}` } : {};
      await repo.updateApplication(tx, a.id, { status: to, ...rejected });
      await recordEvent(tx, ctx, {
        at: now,
        action: `objection_${status}`,
        applicationId: a.id,
        reason: body.reason,
        details: { objectionId: id },
      });
      await this.tellDecision(tx, a, o.objector_user_id, o.objector_org_id, status, body.reason);
      await recordAudit(tx, ctx, {
        action: 'registry.objection.decide',
        objectType: 'registry_objection',
        objectId: id,
        orgId: a.applicant_org_id,
        details: { applicationId: a.id, decision: status, reason: body.reason, to },
      });
    });
    return this.get(ctx, id);
  }

  /** The application first, then the objection: the lock order of every registry write. */
  private async lockForDecision(tx: Executor, applicationId: string, id: string, upheld: boolean) {
    const a = await this.noticed(tx, applicationId, true);
    const o = (await repo.findObjection(tx, id, true))!;
    if (o.status !== 'open')
      throw IllegalTransition(`this objection was already ${o.status}`, { status: o.status });
    const others = (await repo.findObjections(tx, a.id)).filter((x) => x.status === 'open' && x.id !== id);
    const move = nextRegistrationStatus(a.status as RegistrationStatus, 'decide_objection', {
      positive: upheld,
      otherOpenObjections: others.length,
    });
    if (!move.ok) throw MoveRefused(move.refusal, move.message, { status: a.status });
    return { a, o, to: move.to };
  }

  private async tellDecision(
    tx: Executor,
    a: ApplicationRow,
    objectorUserId: string,
    objectorOrgId: string,
    status: 'upheld' | 'dismissed',
    reason: string,
  ) {
    await tell(
      tx,
      {
        kind: `registry.objection_${status}`,
        title: status === 'upheld' ? '异议成立' : '异议不成立',
        body: `对「${a.object_title}」登记公示的异议${status === 'upheld' ? '成立，申请不予登记' : '不成立，登记继续'}：${reason}`,
        params: { applicationId: a.id, decision: status, reason },
        link: `/registry/applications/${a.id}`,
      },
      { users: [a.applicant_user_id, objectorUserId], adminsOf: [a.applicant_org_id, objectorOrgId] },
    );
  }

  /** The objection if the caller objected, applied, or oversees; otherwise a 404. */
  async get(ctx: RequestContext, id: string): Promise<RegistryObjection> {
    const o = await repo.findObjection(this.deps.db, id);
    const v = viewerOf(ctx);
    const a = o ? await repo.findApplication(this.deps.db, o.application_id) : undefined;
    if (!o || !a || !(v.all || o.objector_org_id === v.orgId || a.applicant_org_id === v.orgId))
      throw NotFound('objection', id);
    return toObjection(o, await repo.findFiles(this.deps.db, { objectionIds: [id] }));
  }

  async list(
    ctx: RequestContext,
    q: z.output<typeof RegistryObjectionQuery>,
  ): Promise<Paged<RegistryObjection>> {
    requirePrincipal(ctx);
    const { rows, total } = await repo.searchObjections(this.deps.db, q, viewerOf(ctx), q.page, q.pageSize);
    const files = await repo.findFiles(this.deps.db, { objectionIds: rows.map((r) => r.id) });
    return { items: rows.map((r) => toObjection(r, files)), total, page: q.page, pageSize: q.pageSize };
  }
}
