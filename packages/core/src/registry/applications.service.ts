import type {
  RegistryNotice,
  Paged,
  Registration,
  RegistrationDetail,
  RegistrationInput,
  RegistrationQuery,
} from '@shuliu/contracts';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { certificatesRepository as certs } from './certificates.repository.js';
import { shanghaiDay } from './registry.calendar.js';
import {
  checkCertificate,
  checkCompleteness,
  checkInitial,
  readObject,
  type ObjectFacts,
} from './registry.checks.js';
import { Duplicate, IllegalTransition, MoveRefused, NotHolder } from './registry.errors.js';
import { toEvent, toFile, toNotice, toObjection, toRegistration } from './registry.mappers.js';
import { prepare, type Prepared } from './registry.prepare.js';
import { registryRepository as repo, type ApplicationRow } from './registry.repository.js';
import { nextRegistrationStatus } from './registry.rules.js';
import {
  activeOrgOf,
  isUniqueViolation,
  recordEvent,
  tellOperators,
  viewerOf,
  type Executor,
  type RegistryDeps,
} from './registry.support.js';

const columnsOf = (p: Prepared) => ({ ...p, terms: JSON.stringify(p.terms) });

/** 申请: drafts, submission (where the refusal rules run), withdrawal, the lists and the public notice board. */
export class ApplicationsService {
  constructor(private readonly deps: RegistryDeps) {}

  /** The application if the caller may see it (a party, its reviewer, or an overseer); else a 404. */
  async load(db: Executor, ctx: RequestContext, id: string, lock = false): Promise<ApplicationRow> {
    const a = lock ? await repo.lockApplication(db, id) : await repo.findApplication(db, id);
    const v = viewerOf(ctx);
    const party =
      !!v.orgId &&
      (a?.applicant_org_id === v.orgId ||
        (a?.status !== 'draft' &&
          [a?.counterparty_org_id, a?.reviewer_org_id, a?.holder_org_id].includes(v.orgId)));
    if (!a || !(party || (v.all && a.status !== 'draft'))) throw NotFound('application', id);
    return a;
  }

  async list(ctx: RequestContext, q: z.output<typeof RegistrationQuery>): Promise<Paged<Registration>> {
    requirePrincipal(ctx);
    const now = this.deps.now();
    const { rows, total } = await repo.searchApplications(this.deps.db, q, viewerOf(ctx), q.page, q.pageSize);
    return { items: rows.map((r) => toRegistration(r, now)), total, page: q.page, pageSize: q.pageSize };
  }

  async get(ctx: RequestContext, id: string): Promise<RegistrationDetail> {
    const a = await this.load(this.deps.db, ctx, id);
    return this.detail(a);
  }

  async detail(a: ApplicationRow): Promise<RegistrationDetail> {
    const db = this.deps.db;
    const objections = await repo.findObjections(db, a.id);
    const [files, objectionFiles, events] = await Promise.all([
      repo.findFiles(db, { applicationId: a.id }),
      repo.findFiles(db, { objectionIds: objections.map((o) => o.id) }),
      repo.findEvents(db, { applicationId: a.id }),
    ]);
    return {
      ...toRegistration(a, this.deps.now()),
      files: files.map(toFile),
      objections: objections.map((o) => toObjection(o, objectionFiles)),
      timeline: events.map(toEvent),
    };
  }

  async create(ctx: RequestContext, body: RegistrationInput): Promise<RegistrationDetail> {
    const p = requirePrincipal(ctx);
    const org = await activeOrgOf(this.deps.db, ctx);
    const content = await prepare(this.deps, ctx, org.id, body);
    const id = newId('rap');
    const now = this.deps.now();
    await this.deps.db.transaction().execute(async (tx) => {
      await repo.insertApplication(tx, {
        id,
        ...columnsOf(content),
        status: 'draft',
        applicant_org_id: org.id,
        applicant_user_id: p.userId,
        object_type: 'resource',
        created_at: now,
        updated_at: now,
      });
      await recordEvent(tx, ctx, { at: now, action: 'create', applicationId: id });
      await recordAudit(tx, ctx, {
        action: 'registry.application.create',
        objectType: 'registry_application',
        objectId: id,
        details: { type: body.type, objectId: content.object_id, certificateId: content.certificate_id },
      });
    });
    return this.get(ctx, id);
  }

  /** Replaces a draft's content; its type stays. */
  async update(ctx: RequestContext, id: string, body: RegistrationInput): Promise<RegistrationDetail> {
    const org = await activeOrgOf(this.deps.db, ctx);
    const content = await prepare(this.deps, ctx, org.id, body);
    await this.deps.db.transaction().execute(async (tx) => {
      const a = await this.ownDraft(tx, ctx, id, org.id);
      if (a.type !== body.type) throw IllegalTransition(`a ${a.type} draft stays a ${a.type} registration`);
      await repo.updateApplication(tx, id, columnsOf(content));
      await recordEvent(tx, ctx, { at: this.deps.now(), action: 'update', applicationId: id });
      await recordAudit(tx, ctx, {
        action: 'registry.application.update',
        objectType: 'registry_application',
        objectId: id,
      });
    });
    return this.get(ctx, id);
  }

  private async ownDraft(tx: Executor, ctx: RequestContext, id: string, orgId: string) {
    const a = await this.load(tx, ctx, id, true);
    if (a.applicant_org_id !== orgId) throw NotHolder('only the applicant changes its application');
    if (a.status !== 'draft') throw IllegalTransition(`a ${a.status} application can no longer be edited`);
    return a;
  }

  /** 申请: the draft is complete and passes the refusal rules; 受理 is due in acceptDays working days. */
  async submit(ctx: RequestContext, id: string): Promise<RegistrationDetail> {
    const org = await activeOrgOf(this.deps.db, ctx);
    const before = await this.load(this.deps.db, ctx, id);
    const facts = before.type === 'initial' ? await readObject(this.deps, ctx, before.object_id) : null;
    try {
      await this.deps.db.transaction().execute((tx) => this.submitIn(tx, ctx, id, org.id, facts));
    } catch (e) {
      if (isUniqueViolation(e)) throw Duplicate(undefined, { objectId: before.object_id, type: before.type });
      throw e;
    }
    return this.get(ctx, id);
  }

  private async submitIn(
    tx: Executor,
    ctx: RequestContext,
    id: string,
    orgId: string,
    facts: ObjectFacts | null,
  ) {
    const a = await this.load(tx, ctx, id, true);
    if (a.applicant_org_id !== orgId) throw NotHolder('only the applicant submits its application');
    const move = nextRegistrationStatus(a.status as never, 'submit');
    if (!move.ok) throw MoveRefused(move.refusal, move.message, { status: a.status });
    const evidence = (await repo.findFiles(tx, { applicationId: id })).map((f) => f.kind);
    checkCompleteness(a, evidence);
    const now = this.deps.now();
    const s = await this.deps.settings.get(tx);
    if (facts) await checkInitial(tx, a, facts, evidence, now);
    else {
      const c = await certs.lockCertificate(tx, a.certificate_id!, shanghaiDay(now));
      checkCertificate(c!, a.type as never, now, s.renewWindowDays);
    }
    const acceptDue = await this.deps.settings.deadline(now, s.acceptDays, tx);
    await repo.updateApplication(tx, id, { status: move.to, submitted_at: now, accept_due_at: acceptDue });
    await recordEvent(tx, ctx, { at: now, action: 'submit', applicationId: id });
    await tellOperators(tx, {
      kind: 'registry.submitted',
      title: '收到数据产权登记申请',
      body: `「${a.object_title}」的登记申请已提交，请于 ${shanghaiDay(acceptDue)} 前受理。`,
      params: { applicationId: id, type: a.type, acceptDueAt: acceptDue.toISOString() },
      link: `/registry/applications/${id}`,
    });
    await recordAudit(tx, ctx, {
      action: 'registry.application.submit',
      objectType: 'registry_application',
      objectId: id,
      details: { type: a.type, objectId: a.object_id, acceptDueAt: acceptDue.toISOString() },
    });
  }

  /** The applicant withdraws before the public notice starts. */
  async withdraw(ctx: RequestContext, id: string): Promise<RegistrationDetail> {
    const org = await activeOrgOf(this.deps.db, ctx);
    await this.deps.db.transaction().execute(async (tx) => {
      const a = await this.load(tx, ctx, id, true);
      if (a.applicant_org_id !== org.id) throw NotHolder('only the applicant withdraws its application');
      const move = nextRegistrationStatus(a.status as never, 'withdraw');
      if (!move.ok) throw MoveRefused(move.refusal, move.message, { status: a.status });
      const now = this.deps.now();
      await repo.updateApplication(tx, id, {
        status: move.to,
        decided_at: now,
        decision_reason: '申请人撤回',
      });
      await recordEvent(tx, ctx, { at: now, action: 'withdraw', applicationId: id });
      await recordAudit(tx, ctx, {
        action: 'registry.application.withdraw',
        objectType: 'registry_application',
        objectId: id,
        details: { from: a.status },
      });
    });
    return this.get(ctx, id);
  }

  /** 公示栏: applications in public notice (or, with `active` false, every one ever announced). */
  async notices(q: {
    page: number;
    pageSize: number;
    q?: string;
    active: 'true' | 'false';
  }): Promise<Paged<RegistryNotice>> {
    const now = this.deps.now();
    const { rows, total } = await repo.searchNotices(
      this.deps.db,
      q.active === 'true',
      q.q,
      q.page,
      q.pageSize,
    );
    return { items: rows.map((r) => toNotice(r, now)), total, page: q.page, pageSize: q.pageSize };
  }

  async notice(id: string): Promise<RegistryNotice> {
    const a = await repo.findApplication(this.deps.db, id);
    if (!a?.notice_starts_at) throw NotFound('notice', id);
    return toNotice(a, this.deps.now());
  }
}
