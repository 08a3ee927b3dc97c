import {
  evaluationYears,
  gradeRank,
  type EvaluationBody,
  type Grade,
  type OperationAccess,
  type OperationAccessReason,
  type OperationGrant,
  type OperationGrantBody,
  type OperationGrantQuery,
  type Paged,
  type Resource,
} from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { ResourcesService, SectorsService } from '../catalog/index.js';
import { notifyOrg } from '../identity/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import {
  EvaluationYearInvalid,
  ExpiryInvalid,
  IllegalTransition,
  NotYourOrg,
  SectorUnknown,
} from './consent.errors.js';
import { operationStatus } from './consent.rules.js';
import { consentRepository as repo } from './consent.repository.js';
import { operationGrantsRepository as grants, type OpRow } from './operation-grants.repository.js';
import type { Clock } from './persons.service.js';
import { iso } from '../shared/iso.js';

type Executor = Kysely<DB>;
/** 公共数据授权运营: an authority authorizes an operator org, with conditions; suspension, revocation, evaluations. */
export class OperationGrantsService {
  constructor(
    private readonly db: Executor,
    private readonly catalog: { resources: ResourcesService; sectors: SectorsService },
    private readonly now: Clock,
  ) {}

  /** The authorized-operation grant, not revoked and not ended, that names a sector (分领域授权), if any. */
  async namingSector(db: Executor, code: string): Promise<string | null> {
    return grants.namingSector(db, code, this.now());
  }

  async createOperationGrant(
    ctx: RequestContext,
    b: z.output<typeof OperationGrantBody>,
  ): Promise<OperationGrant> {
    const p = requirePrincipal(ctx);
    const id = newId('aog');
    await this.db.transaction().execute(async (tx) => {
      const own = p.orgId ? await repo.orgName(tx, p.orgId) : null;
      if (!own?.types.includes('authority'))
        throw Forbidden('only a public-data authority (公共数据主管部门) grants authorized operation');
      const op = await repo.activeOrg(tx, b.operatorOrgId);
      if (op.id === p.orgId)
        throw Forbidden('an authority does not authorize itself to operate its own public data');
      if (new Date(b.endsAt) <= this.now())
        throw ExpiryInvalid('the term must end in the future', { field: 'endsAt' });
      const unknown = b.scope === 'sectoral' ? await this.catalog.sectors.unknown(b.sectors, tx) : [];
      if (unknown.length)
        throw SectorUnknown(`no such sector in the catalog: ${unknown.join(', ')}`, { field: 'sectors' });
      await grants.insert(tx, {
        id,
        authority_org_id: p.orgId!,
        operator_org_id: op.id,
        scope: b.scope,
        sectors: b.scope === 'comprehensive' ? [] : [...new Set(b.sectors)],
        delivery: 'compute_to_data',
        max_grade: b.maxGrade,
        starts_at: new Date(b.startsAt),
        ends_at: new Date(b.endsAt),
        price_guidance_fen: b.priceGuidanceFen,
        price_note: b.priceNote ?? null,
        authority_share_bp: b.authorityShareBp,
        status: 'active',
        status_reason: null,
        created_by: p.userId,
      });
      await this.event(tx, id, 'create', null, p.userId);
      await notifyOrg(tx, op.id, ['org_admin'], {
        kind: 'consent.operation_grant.created',
        title: '获公共数据授权运营',
        body: b.scope === 'comprehensive' ? '综合授权' : `分领域授权：${b.sectors.join('、')}`,
        params: { grantId: id },
        link: '/consent/operation-grants',
      });
      await recordAudit(tx, ctx, {
        action: 'consent.operation_grant.create',
        objectType: 'operation_grant',
        objectId: id,
        details: {
          operatorOrgId: op.id,
          scope: b.scope,
          sectors: b.scope === 'comprehensive' ? [] : b.sectors,
        },
      });
    });
    return this.operationGrant(ctx, id);
  }

  /** Suspension, reinstatement and revocation: active ⇄ suspended → revoked (revoked is final). */
  async setOperationStatus(
    ctx: RequestContext,
    id: string,
    to: 'active' | 'suspended' | 'revoked',
    reason: string | null,
  ): Promise<OperationGrant> {
    const allowed: Record<string, string[]> = {
      suspended: ['active'],
      active: ['suspended'],
      revoked: ['active', 'suspended'],
    };
    const action = to === 'active' ? 'reinstate' : to === 'suspended' ? 'suspend' : 'revoke';
    await this.db.transaction().execute(async (tx) => {
      const g = await this.ownedOperation(tx, ctx, id);
      if (!allowed[to]!.includes(g.status))
        throw IllegalTransition(`an authorization that is ${g.status} cannot be ${action}d`);
      // a term that has run out ended the authorization: nothing is left to suspend, reinstate or revoke
      if (new Date(g.ends_at) <= this.now())
        throw IllegalTransition(`the authorization's term ended at ${new Date(g.ends_at).toISOString()}`);
      await grants.update(tx, id, { status: to, status_reason: reason, updated_at: this.now() });
      await this.event(tx, id, action, reason, requirePrincipal(ctx).userId);
      await notifyOrg(tx, g.operator_org_id, ['org_admin'], {
        kind: `consent.operation_grant.${action}`,
        title: { reinstate: '授权运营已恢复', suspend: '授权运营已暂停', revoke: '授权运营已撤销' }[action],
        body: reason ?? '',
        params: { grantId: id },
        link: '/consent/operation-grants',
      });
      await recordAudit(tx, ctx, {
        action: `consent.operation_grant.${action}`,
        objectType: 'operation_grant',
        objectId: id,
        details: { from: g.status, to, reason },
      });
    });
    return this.operationGrant(ctx, id);
  }

  async evaluate(
    ctx: RequestContext,
    id: string,
    b: z.output<typeof EvaluationBody>,
  ): Promise<OperationGrant> {
    await this.db.transaction().execute(async (tx) => {
      const g = await this.ownedOperation(tx, ctx, id);
      if (g.status === 'revoked')
        throw IllegalTransition('a revoked authorization is not evaluated any more', { field: 'year' });
      const years = evaluationYears(g.starts_at, g.ends_at, this.now());
      if (!years || b.year < years.from || b.year > years.to)
        throw EvaluationYearInvalid(
          years
            ? `the year must be within the term and not in the future: ${years.from}–${years.to}`
            : 'the term has not begun: there is no year to evaluate yet',
          { field: 'year' },
        );
      if (await grants.evaluationExists(tx, id, b.year))
        throw IllegalTransition(`the ${b.year} evaluation is already recorded`, { field: 'year' });
      await grants.insertEvaluation(tx, {
        id: newId('aev'),
        grant_id: id,
        year: b.year,
        score: b.score,
        conclusion: b.conclusion,
        evaluated_by: requirePrincipal(ctx).userId,
      });
      await recordAudit(tx, ctx, {
        action: 'consent.operation_grant.evaluate',
        objectType: 'operation_grant',
        objectId: id,
        details: { year: b.year, score: b.score },
      });
    });
    return this.operationGrant(ctx, id);
  }

  async operationGrant(ctx: RequestContext, id: string): Promise<OperationGrant> {
    const r = await grants.find(this.db, id);
    const org = ctx.principal?.orgId;
    if (
      !r ||
      (!hasRole(ctx, 'operator', 'regulator') && org !== r.authority_org_id && org !== r.operator_org_id)
    )
      throw NotFound('operation grant', id);
    return (await this.withEvaluations([r]))[0]!;
  }

  async operationGrants(
    ctx: RequestContext,
    q: z.output<typeof OperationGrantQuery>,
  ): Promise<Paged<OperationGrant>> {
    const org = requirePrincipal(ctx).orgId ?? '-';
    const { rows, total } = await grants.search(
      this.db,
      { orgId: hasRole(ctx, 'operator', 'regulator') ? null : org, status: q.status, now: this.now() },
      q.page,
      q.pageSize,
    );
    return { items: await this.withEvaluations(rows), total, page: q.page, pageSize: q.pageSize };
  }

  /** The authority's published public data a grant covers: its sectors and those below them, up to its grade. */
  async coveredResources(
    ctx: RequestContext,
    id: string,
    q: { page: number; pageSize: number },
  ): Promise<Paged<Resource>> {
    const g = await this.operationGrant(ctx, id);
    // the operator sees what it may operate while the grant is in force; the authority and overseers always
    const overseer = hasRole(ctx, 'operator', 'regulator') || ctx.principal?.orgId === g.authorityOrgId;
    if (!overseer && (g.status !== 'active' || new Date(g.startsAt) > this.now()))
      throw Forbidden('the authorization is not in force: the resources it covers are shown while it is');
    return this.catalog.resources.publicData(
      {
        ownerOrgId: g.authorityOrgId,
        sectors: g.scope === 'comprehensive' ? null : g.sectors,
        maxGrade: g.maxGrade,
      },
      q.page,
      q.pageSize,
    );
  }

  /**
   * May the caller's org operate this resource under authorized operation at `at`? Only the granting
   * authority's published public data qualifies, in a granted sector (or one below it), within the grant's
   * grade, term and status. An allowed use is delivered through compute-to-data only (原始数据不出域).
   */
  async access(ctx: RequestContext, resourceId: string, at = this.now()): Promise<OperationAccess> {
    const d = await this.decideAccess(ctx, resourceId, at);
    if (d.allow || d.reason === 'no_grant') return d;
    // why a resource is out of reach is told only about resources the caller may see at all: otherwise the
    // reason would tell a draft, a non-public resource and its grade apart
    const visible = await this.catalog.resources.load(ctx, resourceId).then(
      () => true,
      () => false,
    );
    return visible ? d : { allow: false, reason: 'no_grant', grantId: null, delivery: null };
  }

  /**
   * The market's question when an org lists public data: the grant under which `orgId` may operate the
   * resource at `at`, with its price guidance (政府指导定价), or null. Reads through `db` (the caller's
   * transaction if any).
   */
  async operationOf(
    db: Executor,
    orgId: string,
    resourceId: string,
    at = this.now(),
  ): Promise<{ grantId: string; priceGuidanceFen: number } | null> {
    const d = await this.decideFor(orgId, resourceId, at, db);
    const g = d.allow && d.grantId ? await grants.find(db, d.grantId) : undefined;
    return g ? { grantId: g.id, priceGuidanceFen: Number(g.price_guidance_fen) } : null;
  }

  private decideAccess(ctx: RequestContext, resourceId: string, at: Date): Promise<OperationAccess> {
    return this.decideFor(requirePrincipal(ctx).orgId, resourceId, at);
  }

  private async decideFor(
    org: string | null,
    resourceId: string,
    at: Date,
    db: Executor = this.db,
  ): Promise<OperationAccess> {
    const r = await this.catalog.resources.row(resourceId, db);
    const deny = (reason: OperationAccessReason, grantId: string | null = null): OperationAccess => ({
      allow: false,
      reason,
      grantId,
      delivery: null,
    });
    if (!org || !r) return deny('no_grant');
    const held = await grants.between(db, org, r.owner_org_id);
    if (held.length === 0) return deny('no_grant');
    if (r.subject_type !== 'public') return deny('not_public_data');
    if (r.status !== 'published') return deny('not_published');
    const path = await this.catalog.sectors.path(r.sector_code, db);
    // the most permissive answer wins; otherwise the reason of the grant that came closest
    const order: OperationAccessReason[] = [
      'revoked',
      'sector_not_granted',
      'grade_exceeded',
      'expired',
      'not_started',
      'suspended',
    ];
    let best: OperationAccess | null = null;
    for (const g of held) {
      const reason: OperationAccessReason =
        g.scope === 'sectoral' && !g.sectors.some((s) => path.includes(s))
          ? 'sector_not_granted'
          : gradeRank(r.grade as Grade) > gradeRank(g.max_grade as Grade)
            ? 'grade_exceeded'
            : g.status === 'revoked'
              ? 'revoked'
              : new Date(g.starts_at) > at
                ? 'not_started'
                : new Date(g.ends_at) <= at
                  ? 'expired'
                  : g.status === 'suspended'
                    ? 'suspended'
                    : 'authorized';
      if (reason === 'authorized') return { allow: true, reason, grantId: g.id, delivery: 'compute_to_data' };
      if (!best || order.indexOf(reason) > order.indexOf(best.reason)) best = deny(reason, g.id);
    }
    return best!;
  }

  /** The public list of authorized operators (授权运营主体): active and within their term today. */
  async authorizedOperators() {
    const rows = await grants.inForce(this.db, this.now());
    return rows.map((r) => ({
      orgId: r.operator_org_id,
      orgName: r.operator_name ?? r.operator_org_id,
      authorityOrgName: r.authority_name ?? r.authority_org_id,
      scope: r.scope,
      sectors: r.sectors,
      maxGrade: r.max_grade as Grade,
      endsAt: iso(r.ends_at)!,
      priceGuidanceFen: Number(r.price_guidance_fen),
    }));
  }

  private async ownedOperation(tx: Executor, ctx: RequestContext, id: string) {
    const g = await grants.lock(tx, id);
    const org = requirePrincipal(ctx).orgId;
    if (!g || (g.authority_org_id !== org && g.operator_org_id !== org))
      throw NotFound('operation grant', id);
    if (g.authority_org_id !== org) throw NotYourOrg('only the granting authority does this');
    return g;
  }

  private async event(
    tx: Executor,
    grantId: string,
    action: 'create' | 'suspend' | 'reinstate' | 'revoke',
    reason: string | null,
    actorId: string,
  ) {
    await grants.insertEvent(tx, {
      grant_id: grantId,
      action,
      reason,
      actor_id: actorId,
      created_at: this.now(),
    });
  }

  private async withEvaluations(rows: OpRow[]): Promise<OperationGrant[]> {
    const ids = rows.map((r) => r.id);
    const { evaluations: evals, events } = await grants.evaluationsAndEvents(this.db, ids);
    const now = this.now();
    return rows.map((r) => ({
      id: r.id,
      authorityOrgId: r.authority_org_id,
      authorityOrgName: r.authority_name,
      operatorOrgId: r.operator_org_id,
      operatorOrgName: r.operator_name,
      scope: r.scope,
      sectors: r.sectors,
      delivery: 'compute_to_data' as const,
      maxGrade: r.max_grade as Grade,
      startsAt: iso(r.starts_at)!,
      endsAt: iso(r.ends_at)!,
      priceGuidanceFen: Number(r.price_guidance_fen),
      priceNote: r.price_note,
      authorityShareBp: r.authority_share_bp,
      status: operationStatus(r.status, new Date(r.ends_at), now),
      statusReason: r.status_reason,
      evaluations: evals
        .filter((e) => e.grant_id === r.id)
        .map((e) => ({
          id: e.id,
          year: e.year,
          score: e.score,
          conclusion: e.conclusion,
          createdAt: iso(e.created_at)!,
        })),
      history: events
        .filter((e) => e.grant_id === r.id)
        .map((e) => ({
          action: e.action,
          reason: e.reason,
          actorName: e.display_name,
          at: iso(e.created_at)!,
        })),
      createdAt: iso(r.created_at)!,
    }));
  }
}
