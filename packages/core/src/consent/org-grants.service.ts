import {
  gradeRank,
  type Grade,
  type OrgGrant,
  type OrgGrantBody,
  type OrgGrantQuery,
  type Paged,
} from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { rawPersonalInfoReason, type ResourcesService } from '../catalog/index.js';
import { notifyOrg } from '../identity/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { ExpiryInvalid, IllegalTransition, NotYourOrg, ResourceRefused } from './consent.errors.js';
import { consentRepository as repo } from './consent.repository.js';
import { orgGrantsRepository as orgGrants, type OrgGrantRow } from './org-grants.repository.js';
import type { Clock } from './persons.service.js';
import { iso } from '../shared/iso.js';

type Executor = Kysely<DB>;

type Summaries = Awaited<ReturnType<ResourcesService['summaries']>>;

const toOrgGrant = (r: OrgGrantRow, at: Date, titles: Summaries): OrgGrant => ({
  id: r.id,
  grantorOrgId: r.grantor_org_id,
  grantorOrgName: r.grantor_name,
  granteeOrgId: r.grantee_org_id,
  granteeOrgName: r.grantee_name,
  resourceIds: r.resource_ids,
  resources: r.resource_ids.flatMap((id) => titles.get(id) ?? []),
  maxGrade: r.max_grade as Grade,
  purpose: r.purpose,
  expiresAt: iso(r.expires_at)!,
  status: r.status === 'active' && new Date(r.expires_at) <= at ? 'expired' : r.status,
  revokeReason: r.revoke_reason,
  revokedAt: iso(r.revoked_at),
  createdAt: iso(r.created_at)!,
});

/** 企业授权: an org authorizes another to use named resources (双向公平授权: both sides and the regulator see the same terms). */
export class OrgGrantsService {
  constructor(
    private readonly db: Executor,
    private readonly resources: ResourcesService,
    private readonly now: Clock,
  ) {}

  async createOrgGrant(ctx: RequestContext, b: z.output<typeof OrgGrantBody>): Promise<OrgGrant> {
    const p = requirePrincipal(ctx);
    if (!p.orgId) throw Forbidden('authorize on behalf of an organization');
    if (b.granteeOrgId === p.orgId)
      throw ResourceRefused('an organization does not authorize itself', { field: 'granteeOrgId' });
    if (new Date(b.expiresAt) <= this.now())
      throw ExpiryInvalid('the expiry must be in the future', { field: 'expiresAt' });
    const id = newId('eag');
    await this.db.transaction().execute(async (tx) => {
      const grantee = await repo.activeOrg(tx, b.granteeOrgId);
      for (const rid of new Set(b.resourceIds)) {
        const r = await this.resources.load(ctx, rid, tx);
        if (r.owner_org_id !== p.orgId)
          throw ResourceRefused(`${rid} is not your organization's resource`, {
            field: 'resourceIds',
            id: rid,
          });
        const personal = rawPersonalInfoReason(r);
        if (personal)
          throw ResourceRefused(
            `${rid}: ${personal}; another organization receives personal information only with each person's separate consent (PIPL Art. 23) — authorize its masked derivative instead`,
            { field: 'resourceIds', id: rid },
          );
        if (r.status === 'retired')
          throw ResourceRefused(`${rid} is retired`, { field: 'resourceIds', id: rid });
        if (gradeRank(r.grade as Grade) > gradeRank(b.maxGrade))
          throw ResourceRefused(`${rid} is graded ${r.grade}, above the authorized ${b.maxGrade}`, {
            field: 'maxGrade',
            id: rid,
          });
      }
      await orgGrants.insert(tx, {
        id,
        grantor_org_id: p.orgId!,
        grantee_org_id: grantee.id,
        resource_ids: [...new Set(b.resourceIds)],
        max_grade: b.maxGrade,
        purpose: b.purpose,
        expires_at: new Date(b.expiresAt),
        status: 'active',
        revoke_reason: null,
        revoked_at: null,
        created_by: p.userId,
      });
      await notifyOrg(tx, grantee.id, ['org_admin'], {
        kind: 'consent.org_grant.created',
        title: '收到企业数据授权',
        body: `获授权使用 ${b.resourceIds.length} 项数据资源：${b.purpose}`,
        params: { grantId: id },
        link: '/consent/org-grants',
      });
      await recordAudit(tx, ctx, {
        action: 'consent.org_grant.create',
        objectType: 'org_grant',
        objectId: id,
        details: { granteeOrgId: grantee.id, resourceIds: [...new Set(b.resourceIds)], maxGrade: b.maxGrade },
      });
    });
    return this.orgGrant(ctx, id);
  }

  /**
   * The live authorization under which `orgId` may use a resource now graded `grade`: one that names it, is
   * neither revoked nor expired, and whose highest grade the resource has not outgrown. Its id, or null.
   */
  async grantFor(db: Executor, orgId: string, resourceId: string, grade: Grade): Promise<string | null> {
    // a grantor suspended from the platform shares nothing meanwhile
    const rows = await orgGrants.liveNaming(db, orgId, resourceId, this.now());
    return rows.find((g) => gradeRank(grade) <= gradeRank(g.max_grade as Grade))?.id ?? null;
  }

  /**
   * The live authorization from the resource's owner under which `orgId` may use it now, with its purpose: for
   * compute-to-data, the use that reveals least of what any authorization allows. Null when there is none.
   */
  async usableBy(
    db: Executor,
    orgId: string,
    resourceId: string,
  ): Promise<{ id: string; purpose: string } | null> {
    const r = await this.resources.row(resourceId, db);
    if (!r) return null;
    const rows = await orgGrants.liveNaming(db, orgId, resourceId, this.now());
    const g = rows.find(
      (g) =>
        g.grantor_org_id === r.owner_org_id && gradeRank(r.grade as Grade) <= gradeRank(g.max_grade as Grade),
    );
    return g ? { id: g.id, purpose: g.purpose } : null;
  }

  async revokeOrgGrant(ctx: RequestContext, id: string, reason: string): Promise<OrgGrant> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      const g = await orgGrants.lock(tx, id);
      if (!g || (g.grantor_org_id !== p.orgId && g.grantee_org_id !== p.orgId))
        throw NotFound('org grant', id);
      if (g.grantor_org_id !== p.orgId) throw NotYourOrg('only the granting organization revokes');
      if (g.status !== 'active') throw IllegalTransition('the authorization is already revoked');
      // an authorization that ran its course ended as it did: a revocation now would rewrite its history
      if (new Date(g.expires_at) <= this.now())
        throw IllegalTransition(`the authorization expired at ${new Date(g.expires_at).toISOString()}`);
      await orgGrants.update(tx, id, { status: 'revoked', revoke_reason: reason, revoked_at: this.now() });
      await notifyOrg(tx, g.grantee_org_id, ['org_admin'], {
        kind: 'consent.org_grant.revoked',
        title: '企业数据授权已撤销',
        body: reason,
        params: { grantId: id },
        link: '/consent/org-grants',
      });
      await recordAudit(tx, ctx, {
        action: 'consent.org_grant.revoke',
        objectType: 'org_grant',
        objectId: id,
        details: { reason },
      });
    });
    return this.orgGrant(ctx, id);
  }

  async orgGrant(ctx: RequestContext, id: string): Promise<OrgGrant> {
    const r = await orgGrants.find(this.db, id);
    const org = ctx.principal?.orgId;
    if (
      !r ||
      (!hasRole(ctx, 'operator', 'regulator') && org !== r.grantor_org_id && org !== r.grantee_org_id)
    )
      throw NotFound('org grant', id);
    return toOrgGrant(r, this.now(), await this.resources.summaries(r.resource_ids));
  }

  async orgGrants(ctx: RequestContext, q: z.output<typeof OrgGrantQuery>): Promise<Paged<OrgGrant>> {
    const org = requirePrincipal(ctx).orgId ?? '-';
    const oversight = hasRole(ctx, 'operator', 'regulator') && q.box === 'all';
    const now = this.now();
    const { rows, total } = await orgGrants.search(
      this.db,
      { orgId: oversight ? null : org, box: q.box, status: q.status, now },
      q.page,
      q.pageSize,
    );
    const titles = await this.resources.summaries(rows.flatMap((r) => r.resource_ids));
    return {
      items: rows.map((r) => toOrgGrant(r, now, titles)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
