import type { Application, OrgType, Paged, SubmitApplicationBody } from '@shuliu/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { notifyUsers } from '../notifications/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import {
  ApplicationNotPending,
  ApplicationNotRejected,
  UsccTaken,
  UsernameTaken,
} from './identity.errors.js';
import { toApplication } from './identity.mappers.js';
import { applicationsRepository as applications } from './applications.repository.js';
import { identityRepository as repo } from './identity.repository.js';
import { initialAdminRoles } from './identity.rules.js';
import type { ApplicationHistoryEntry, OrgApplicationsTable, OrgsTable } from './identity.tables.js';
import { hashPassword } from './passwords.js';

type Executor = Kysely<DB>;
type Submit = z.output<typeof SubmitApplicationBody>;
type OrgInput = Submit['org'];

const orgColumns = (o: OrgInput) => ({
  name: o.name,
  name_en: o.nameEn ?? null,
  uscc: o.uscc,
  types: [...new Set(o.types)],
  merchant_kinds: o.types.includes('merchant') ? [...new Set(o.merchantKinds)] : [],
  provider_kinds: o.types.includes('provider') ? [...new Set(o.providerKinds)] : [],
  region: o.region ?? null,
  contact_name: o.contactName,
  contact_phone: o.contactPhone,
  contact_email: o.contactEmail ?? null,
});

const historyEntry = (
  action: string,
  actor: string | null,
  reason: string | null = null,
): ApplicationHistoryEntry => ({
  at: new Date().toISOString(),
  action,
  actor,
  reason,
});

/** 入驻: an organization applies with its 统一社会信用代码 and first administrator; an operator reviews. */
export class OnboardingService {
  constructor(private readonly db: Executor) {}

  async submit(ctx: RequestContext, body: Submit): Promise<Application> {
    const passwordHash = await hashPassword(body.admin.password);
    const id = await this.db.transaction().execute(async (tx) => {
      if (await repo.findOrgByUscc(tx, body.org.uscc)) throw UsccTaken(undefined, { field: 'org.uscc' });
      if (await repo.findUserByUsername(tx, body.admin.username))
        throw UsernameTaken(undefined, { field: 'admin.username' });
      const orgId = newId('org');
      const userId = newId('usr');
      const appId = newId('app');
      await repo.insertOrg(tx, { id: orgId, ...orgColumns(body.org), status: 'pending' });
      await repo.insertUser(tx, {
        id: userId,
        username: body.admin.username.toLowerCase(),
        display_name: body.admin.displayName,
        email: body.admin.email ?? null,
        phone: body.admin.phone ?? null,
        org_id: orgId,
        roles: [],
        status: 'pending',
        password_hash: passwordHash,
        locked_until: null,
        last_login_at: null,
      });
      await applications.insert(tx, {
        id: appId,
        org_id: orgId,
        admin_user_id: userId,
        status: 'pending',
        declarations: body.declarations,
        submitted_at: new Date(),
        decided_at: null,
        decided_by: null,
        reason: null,
        history: JSON.stringify([historyEntry('submitted', body.admin.username)]),
      });
      await this.notifyReviewers(tx, body.org.name, appId);
      await recordAudit(tx, ctx, {
        action: 'identity.application.submit',
        objectType: 'org_application',
        objectId: appId,
        orgId,
        details: { orgName: body.org.name, uscc: body.org.uscc, admin: body.admin.username },
      });
      return appId;
    });
    return this.get(id);
  }

  private async notifyReviewers(tx: Executor, orgName: string, appId: string) {
    const reviewers = await repo.findActiveUserIdsWithRole(tx, 'operator');
    await notifyUsers(tx, reviewers, {
      kind: 'onboarding.submitted',
      title: '新的入驻申请待审核',
      body: `${orgName} 提交了入驻申请，请审核。`,
      params: { orgName, applicationId: appId },
      link: `/review/applications/${appId}`,
    });
  }

  async get(id: string, db: Executor = this.db): Promise<Application> {
    const app = await applications.find(db, id);
    if (!app) throw NotFound('application', id);
    const [org, admin] = await Promise.all([
      repo.findOrgById(db, app.org_id),
      repo.findUserById(db, app.admin_user_id),
    ]);
    return toApplication(app, org!, admin!.username);
  }

  async mine(ctx: RequestContext): Promise<Application> {
    const p = requirePrincipal(ctx);
    const app = await applications.findByAdmin(this.db, p.userId);
    if (!app) throw NotFound('application of user', p.username);
    return this.get(app.id);
  }

  async list(
    f: { status?: string; q?: string },
    page: number,
    pageSize: number,
  ): Promise<Paged<Application>> {
    const { ids, total } = await applications.search(this.db, f, page, pageSize);
    return { items: await Promise.all(ids.map((id) => this.get(id))), total, page, pageSize };
  }

  async approve(ctx: RequestContext, id: string, note?: string): Promise<Application> {
    return this.decide(ctx, id, 'approved', note ?? null, async (tx, app, org, now) => {
      await repo.updateOrg(tx, org.id, { status: 'active', updated_at: now });
      await repo.updateUser(tx, app.admin_user_id, {
        status: 'active',
        roles: initialAdminRoles(org.types as OrgType[]),
        updated_at: now,
      });
      await notifyUsers(tx, [app.admin_user_id], {
        kind: 'onboarding.approved',
        title: '入驻申请已通过',
        body: `${org.name} 的入驻申请已通过审核，欢迎使用数流平台。`,
        params: { orgName: org.name, applicationId: id },
        link: '/',
      });
    });
  }

  async reject(ctx: RequestContext, id: string, reason: string): Promise<Application> {
    return this.decide(ctx, id, 'rejected', reason, async (tx, app, org, now) => {
      await repo.updateOrg(tx, org.id, { status: 'rejected', updated_at: now });
      await notifyUsers(tx, [app.admin_user_id], {
        kind: 'onboarding.rejected',
        title: '入驻申请未通过',
        body: `${org.name} 的入驻申请未通过：${reason}。可修改后重新提交。`,
        params: { orgName: org.name, applicationId: id, reason },
        link: '/my-application',
      });
    });
  }

  /** Records a reviewer's decision on a pending application, applies its effects, audits it, in one transaction. */
  private async decide(
    ctx: RequestContext,
    id: string,
    decision: 'approved' | 'rejected',
    reason: string | null,
    effects: (
      tx: Executor,
      app: Selectable<OrgApplicationsTable>,
      org: Selectable<OrgsTable>,
      now: Date,
    ) => Promise<void>,
  ): Promise<Application> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      const app = await this.lockPending(tx, id);
      const org = (await repo.findOrgById(tx, app.org_id))!;
      const now = new Date();
      await applications.update(tx, id, {
        status: decision,
        decided_at: now,
        decided_by: p.username,
        reason,
        history: JSON.stringify([...app.history, historyEntry(decision, p.username, reason)]),
      });
      await effects(tx, app, org, now);
      await recordAudit(tx, ctx, {
        action: decision === 'approved' ? 'identity.application.approve' : 'identity.application.reject',
        objectType: 'org_application',
        objectId: id,
        details: { orgId: org.id, orgName: org.name, reason },
      });
    });
    return this.get(id);
  }

  async resubmit(ctx: RequestContext, body: Pick<Submit, 'org' | 'declarations'>): Promise<Application> {
    const p = requirePrincipal(ctx);
    const id = await this.db.transaction().execute(async (tx) => {
      const app = await applications.lockByAdmin(tx, p.userId);
      if (!app) throw NotFound('application of user', p.username);
      if (app.status !== 'rejected') throw ApplicationNotRejected(undefined, { status: app.status });
      const other = await repo.findOrgByUscc(tx, body.org.uscc);
      if (other && other.id !== app.org_id) throw UsccTaken(undefined, { field: 'org.uscc' });
      await repo.updateOrg(tx, app.org_id, {
        ...orgColumns(body.org),
        status: 'pending',
        updated_at: new Date(),
      });
      await applications.update(tx, app.id, {
        status: 'pending',
        declarations: body.declarations,
        submitted_at: new Date(),
        decided_at: null,
        decided_by: null,
        reason: null,
        history: JSON.stringify([...app.history, historyEntry('resubmitted', p.username)]),
      });
      await this.notifyReviewers(tx, body.org.name, app.id);
      await recordAudit(tx, ctx, {
        action: 'identity.application.resubmit',
        objectType: 'org_application',
        objectId: app.id,
        orgId: app.org_id,
      });
      return app.id;
    });
    return this.get(id);
  }

  private async lockPending(tx: Executor, id: string) {
    const app = await applications.lock(tx, id);
    if (!app) throw NotFound('application', id);
    if (app.status !== 'pending') throw ApplicationNotPending(undefined, { status: app.status });
    return app;
  }
}
