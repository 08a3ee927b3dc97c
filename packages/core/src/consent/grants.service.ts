import type {
  CheckBody,
  CheckDecision,
  ConsentGrant,
  ConsentUse,
  GrantBody,
  GrantQuery,
  Paged,
  ReceiptBundle,
  UseQuery,
} from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { notifyOrg } from '../identity/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import {
  AlreadyGranted,
  CheckAtPast,
  ExpiryInvalid,
  FieldsInvalid,
  IllegalTransition,
  SeparateConsentRequired,
} from './consent.errors.js';
import { parseFields, toGrant, toUse } from './consent.mappers.js';
import {
  buildReceipt,
  issueReceipt,
  newReceiptId,
  receiptBundle,
  type ReceiptDeps,
} from './consent.receipts.js';
import { CheckLog } from './check-log.js';
import { consentRepository as repo, type GrantRow } from './consent.repository.js';
import { scenariosRepository } from './scenarios.repository.js';
import { decideConsent, grantFieldsProblem, type ConsentSettings } from './consent.rules.js';
import type { Clock, PersonsService } from './persons.service.js';

type Executor = Kysely<DB>;

/** Personal consent grants (一场景一授权), their receipts, and consent.check. */
export class GrantsService {
  constructor(
    private readonly db: Executor,
    private readonly persons: PersonsService,
    private readonly deps: ReceiptDeps,
    private readonly settings: ConsentSettings,
    private readonly now: Clock,
    readonly log: CheckLog = new CheckLog(db),
  ) {}

  async give(ctx: RequestContext, b: z.output<typeof GrantBody>): Promise<ConsentGrant> {
    const p = requirePrincipal(ctx);
    await this.deps.keys.ensureSigningKey();
    const id = newId('cgr');
    await this.db.transaction().execute(async (tx) => {
      const subject = await this.persons.subjectFor(tx, ctx, b.onBehalfOf);
      const v = await repo.findVersion(tx, b.versionId);
      const s = v && (await repo.findScenario(tx, v.scenario_id, true));
      if (!v || !s || !s.current_version_id) throw NotFound('scenario version', b.versionId);
      if (s.current_version_id !== v.id)
        throw IllegalTransition('this version is no longer the one in force: reload the scenario', {
          field: 'versionId',
        });
      const problem = grantFieldsProblem(parseFields(v.fields), b.fields);
      if (problem) throw FieldsInvalid(problem, { field: 'fields' });
      // all personal information of a child under 14 is sensitive (PIPL Art. 28, 31): the guardian ticks it apart
      if ((v.separate_consent || subject !== p.userId) && !b.separateConsent)
        throw SeparateConsentRequired(undefined, { field: 'separateConsent' });
      const expires = new Date(b.expiresAt);
      const now = this.now();
      if (expires <= now || expires.getTime() > now.getTime() + this.settings.maxGrantDays * 86_400_000)
        throw ExpiryInvalid(
          `the expiry must be in the future and within ${this.settings.maxGrantDays} days`,
          { field: 'expiresAt' },
        );
      // One open grant per person and scenario: a live one must be revoked first; one that has expired
      // or whose version was superseded is replaced by this one, and keeps its own history.
      const open = await repo.lockOpenGrant(tx, subject, s.id);
      if (open && open.version_id === v.id && new Date(open.expires_at) > now)
        throw AlreadyGranted('revoke the live grant of this scenario first', { id: open.id });
      if (open) await repo.updateGrant(tx, open.id, { replaced_by: id });
      await repo.insertGrant(tx, {
        id,
        subject_user_id: subject,
        scenario_id: s.id,
        version_id: v.id,
        fields: [...new Set(b.fields)],
        expires_at: expires,
        granted_by: p.userId,
        granted_at: now,
        revoked_at: null,
        revoked_by: null,
        separate_consent: b.separateConsent,
      });
      await scenariosRepository.clearRefusal(tx, subject, s.id);
      await recordAudit(tx, ctx, {
        action: 'consent.grant.create',
        objectType: 'consent_grant',
        objectId: id,
        orgId: null,
        details: {
          scenarioId: s.id,
          versionId: v.id,
          fields: b.fields,
          subjectId: subject,
          replaces: open?.id ?? null,
        },
      });
      const g = (await repo.findGrant(tx, id))!;
      await issueReceipt(tx, this.deps, buildReceipt(newReceiptId(), 'granted', now, g, v), id);
      await notifyOrg(tx, s.org_id, [], {
        kind: 'consent.granted',
        title: '收到个人授权',
        body: `「${s.title}」新增一项个人授权`,
        params: { grantId: id, scenarioId: s.id },
        link: `/consent/scenarios/${s.id}`,
      });
    });
    return this.get(ctx, id);
  }

  /**
   * PIPL Art. 15: withdrawal as easy as granting, effective from the next check in every process — by whoever
   * may grant it: the person, or the confirmed guardian of a ward under 14 (Art. 31), not the child alone.
   */
  async revoke(ctx: RequestContext, id: string): Promise<ConsentGrant> {
    const p = requirePrincipal(ctx);
    await this.deps.keys.ensureSigningKey();
    await this.db.transaction().execute(async (tx) => {
      const g = await repo.findGrant(tx, id, true);
      const mine = await this.persons.actingFor(ctx, tx);
      if (!g || !mine.includes(g.subject_user_id)) throw NotFound('consent grant', id);
      // PIPL Art. 31: for a ward under 14 only the guardian decides, withdrawing as much as granting
      await this.persons.subjectFor(tx, ctx, g.subject_user_id);
      if (g.revoked_at) throw IllegalTransition('the grant is already revoked');
      // a replaced grant authorizes nothing any more; the withdrawal belongs on the grant that replaced it
      if (g.replaced_by)
        throw IllegalTransition(`the grant was replaced by ${g.replaced_by}: revoke that one`, {
          replacedBy: g.replaced_by,
        });
      const now = this.now();
      await repo.updateGrant(tx, id, { revoked_at: now, revoked_by: p.userId });
      await recordAudit(tx, ctx, {
        action: 'consent.grant.revoke',
        objectType: 'consent_grant',
        objectId: id,
        orgId: null,
        details: { scenarioId: g.scenario_id, subjectId: g.subject_user_id },
      });
      const v = (await repo.findVersion(tx, g.version_id))!;
      await issueReceipt(
        tx,
        this.deps,
        buildReceipt(newReceiptId(), 'revoked', now, { ...g, revoked_at: now }, v),
        id,
      );
      await notifyOrg(tx, g.org_id, [], {
        kind: 'consent.revoked',
        title: '个人授权已撤回',
        body: `「${g.scenario_title}」一项个人授权已撤回，自即刻起不得再处理`,
        params: { grantId: id, scenarioId: g.scenario_id },
        link: `/consent/scenarios/${g.scenario_id}`,
      });
    });
    return this.get(ctx, id);
  }

  async get(ctx: RequestContext, id: string): Promise<ConsentGrant> {
    const g = await repo.findGrant(this.db, id);
    if (!g || !(await this.canSee(ctx, g))) throw NotFound('consent grant', id);
    return toGrant(g, await repo.receiptsOf(this.db, [id]), this.now());
  }

  async list(ctx: RequestContext, q: z.output<typeof GrantQuery>): Promise<Paged<ConsentGrant>> {
    const p = requirePrincipal(ctx);
    const who =
      q.box === 'received'
        ? { receivedBy: hasRole(ctx, 'operator', 'regulator') ? null : (p.orgId ?? '-') }
        : { subjects: await this.persons.actingFor(ctx) };
    const { rows, total } = await repo.searchGrants(
      this.db,
      { ...who, scenarioId: q.scenarioId, status: q.status, now: this.now() },
      q.page,
      q.pageSize,
    );
    const receipts = await repo.receiptsOf(
      this.db,
      rows.map((r) => r.id),
    );
    const now = this.now();
    return {
      items: rows.map((r) =>
        toGrant(
          r,
          receipts.filter((x) => x.grant_id === r.id),
          now,
        ),
      ),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async receipt(ctx: RequestContext, id: string): Promise<ReceiptBundle> {
    const grantId = await repo.receiptGrantId(this.db, id);
    const g = grantId && (await repo.findGrant(this.db, grantId));
    if (!g || !(await this.canSee(ctx, g))) throw NotFound('receipt', id);
    return receiptBundle(this.db, this.deps, id);
  }

  /**
   * consent.check(subject, scenarioVersion, fields, at): allow or deny with the reason, for every domain that
   * touches personal data. Reads the database each time (no cache), so a revocation counts from the next
   * check in every process; every decision is logged in consent_checks.
   */
  async check(
    subjectId: string,
    versionId: string,
    fields: string[],
    at: Date = this.now(),
    callerOrgId: string | null = null,
    db: Executor = this.db,
  ): Promise<CheckDecision> {
    const past = at.getTime() < this.now().getTime() - CLOCK_SKEW_MS;
    const f = await repo.checkFacts(db, subjectId, versionId, past ? at : undefined);
    const d = decideConsent(
      {
        grantId: f?.id ?? null,
        // at "now" any withdrawal counts, whatever the two clocks say; in the past, only one made by then
        revoked: !!f?.revoked_at && (!past || new Date(f.revoked_at).getTime() <= at.getTime()),
        versionCurrent: !!f?.current,
        expiresAt: f ? new Date(f.expires_at) : null,
        grantedFields: f?.fields ?? [],
      },
      fields,
      at,
    );
    const row = {
      subject_user_id: subjectId,
      version_id: versionId,
      grant_id: f?.id ?? null,
      fields,
      allowed: d.allow,
      reason: d.reason,
      caller_org_id: callerOrgId,
    };
    await this.log.write(row, db.isTransaction ? db : undefined);
    return { ...d, grantId: f?.id ?? null };
  }

  /** The API's check: the decision also goes into the hash-chained audit log. */
  /** Who checked the caller's consent, or a ward's: newest first, with the org, scenario and decision. */
  async uses(ctx: RequestContext, q: z.output<typeof UseQuery>): Promise<Paged<ConsentUse>> {
    const mine = await this.persons.actingFor(ctx);
    if (q.subjectId && !mine.includes(q.subjectId)) throw NotFound('person', q.subjectId);
    const subjects = q.subjectId ? [q.subjectId] : mine;
    const { rows, total } = await repo.searchUses(this.db, subjects, q.grantId ?? null, q.page, q.pageSize);
    return { items: rows.map(toUse), total, page: q.page, pageSize: q.pageSize };
  }

  async checkAudited(ctx: RequestContext, b: z.output<typeof CheckBody>): Promise<CheckDecision> {
    const p = requirePrincipal(ctx);
    const now = this.now();
    const asked = b.at ? new Date(b.at) : now;
    const overseer = hasRole(ctx, 'operator');
    // only the platform reconstructs a past decision; a data user could otherwise step round a withdrawal
    if (!overseer && asked.getTime() < now.getTime() - CLOCK_SKEW_MS)
      throw CheckAtPast(undefined, { field: 'at' });
    // a data user's slightly slow clock is read as now, so a withdrawal made a moment ago already counts
    const at = overseer || asked > now ? asked : now;
    return this.db.transaction().execute(async (tx) => {
      // a data user asks only about its own scenarios: whether a person consented to another org's is not its
      // business (and would reveal it)
      const v = await repo.findVersion(tx, b.versionId);
      const s = v && (await repo.findScenario(tx, v.scenario_id));
      if (!s || (!overseer && s.org_id !== p.orgId)) throw NotFound('scenario version', b.versionId);
      const d = await this.check(b.subjectId, b.versionId, b.fields, at, p.orgId, tx);
      await recordAudit(tx, ctx, {
        action: 'consent.check',
        objectType: 'consent_grant',
        objectId: d.grantId,
        outcome: d.allow ? 'success' : 'denied',
        details: {
          subjectId: b.subjectId,
          versionId: b.versionId,
          fields: b.fields,
          reason: d.reason,
          at: at.toISOString(),
        },
      });
      return d;
    });
  }

  private async canSee(ctx: RequestContext, g: GrantRow): Promise<boolean> {
    if (hasRole(ctx, 'operator', 'regulator')) return true;
    if (ctx.principal?.orgId && ctx.principal.orgId === g.org_id) return true;
    return (await this.persons.actingFor(ctx)).includes(g.subject_user_id);
  }
}

/** How far behind the server's clock a caller's "now" may be. */
const CLOCK_SKEW_MS = 60_000;
