import {
  isThirdParty,
  type Paged,
  type ReviewBody,
  type Scenario,
  type ScenarioBody,
  type ScenarioQuery,
} from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { memberIds, notifyOrg } from '../identity/index.js';
import { notifyUsers } from '../notifications/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import {
  CoolDown,
  FieldsInvalid,
  IllegalTransition,
  JustificationLocked,
  NothingToReview,
  NotYourOrg,
  PipiaRequired,
} from './consent.errors.js';
import { toScenario } from './consent.mappers.js';
import type { PersonsService } from './persons.service.js';
import { consentRepository as repo } from './consent.repository.js';
import { personsRepository } from './persons.repository.js';
import { scenariosRepository as scenarios } from './scenarios.repository.js';
import {
  isMaterialChange,
  isNewSubmission,
  isSensitive,
  needsPipia,
  needsSeparateConsent,
  reviewFields,
  type ConsentSettings,
} from './consent.rules.js';
import type { StoredField } from './consent.tables.js';
import type { Clock } from './persons.service.js';

type Executor = Kysely<DB>;
type Body = z.output<typeof ScenarioBody>;

const storedFields = (b: Body): StoredField[] =>
  b.fields.map((f) => ({ ...f, sensitive: isSensitive(f.category), struck: false, strikeReason: null }));

const versionValues = (b: Body, scenarioId: string, version: number, by: string) => ({
  id: newId('scv'),
  scenario_id: scenarioId,
  version,
  purpose: b.purpose,
  legal_basis: b.legalBasis,
  recipient: b.recipient,
  processing_method: b.processingMethod,
  retention_days: b.retentionDays,
  cross_border: b.crossBorder,
  automated_decision: b.automatedDecision,
  fields: JSON.stringify(storedFields(b)),
  status: 'in_review' as const,
  separate_consent: false,
  biometric_approved: false,
  pipia_ref: null,
  review_note: null,
  reviewed_by: null,
  reviewed_at: null,
  created_by: by,
});

/** Scenarios (场景) a data user registers, the operator's minimal-necessity review, and their versions. */
export class ScenariosService {
  constructor(
    private readonly db: Executor,
    private readonly persons: PersonsService,
    private readonly settings: ConsentSettings,
    private readonly now: Clock,
  ) {}

  async register(ctx: RequestContext, b: Body): Promise<Scenario> {
    const p = requirePrincipal(ctx);
    if (!p.orgId) throw Forbidden('register a scenario on behalf of an organization');
    const id = newId('scn');
    await this.db.transaction().execute(async (tx) => {
      await scenarios.insertScenario(tx, {
        id,
        org_id: p.orgId!,
        title: b.title,
        current_version_id: null,
        latest_version: 1,
        created_by: p.userId,
      });
      const v = versionValues(b, id, 1, p.userId);
      await scenarios.insertVersion(tx, v);
      await this.submitted(tx, ctx, id, v.id, b.title, 'consent.scenario.register');
    });
    return this.get(ctx, id);
  }

  /**
   * PIPL Art. 14: a material change makes a new version to review; grants on the old one stop authorizing.
   * A version in review takes any new wording as a fresh submission, and a rejected one may be resubmitted
   * as it is; an approved one keeps its version when only the title changes, and its justifications stay.
   */
  async revise(ctx: RequestContext, id: string, b: Body): Promise<Scenario> {
    await this.db.transaction().execute(async (tx) => {
      const s = await this.owned(tx, ctx, id);
      const [latest] = await repo.versionsOf(tx, [id]);
      const prev = {
        ...latest!,
        legalBasis: latest!.legal_basis,
        processingMethod: latest!.processing_method,
        retentionDays: latest!.retention_days,
        crossBorder: latest!.cross_border,
        automatedDecision: latest!.automated_decision,
        fields: (typeof latest!.fields === 'string'
          ? JSON.parse(latest!.fields)
          : latest!.fields) as StoredField[],
      };
      const newVersion =
        latest!.status === 'rejected' ||
        (latest!.status === 'in_review' ? isNewSubmission(prev, b) : isMaterialChange(prev, b));
      if (!newVersion) {
        // the approved justifications are what the review judged: they change only with a reviewed version
        const reworded = b.fields.findIndex(
          (f) => prev.fields.find((x) => x.name === f.name)?.justification !== f.justification,
        );
        if (latest!.status === 'approved' && reworded >= 0)
          throw JustificationLocked(undefined, { field: `fields.${reworded}.justification` });
        await scenarios.updateScenario(tx, id, { title: b.title, updated_at: this.now() });
        await recordAudit(tx, ctx, {
          action: 'consent.scenario.revise',
          objectType: 'scenario',
          objectId: id,
          details: { newVersion: false },
        });
        return;
      }
      if (latest!.status === 'in_review')
        await scenarios.updateVersion(tx, latest!.id, { status: 'superseded' });
      const v = versionValues(b, id, s.latest_version + 1, requirePrincipal(ctx).userId);
      await scenarios.insertVersion(tx, v);
      await scenarios.updateScenario(tx, id, {
        title: b.title,
        latest_version: v.version,
        updated_at: this.now(),
      });
      await this.submitted(tx, ctx, id, v.id, b.title, 'consent.scenario.revise');
    });
    return this.get(ctx, id);
  }

  async review(ctx: RequestContext, id: string, b: z.output<typeof ReviewBody>): Promise<Scenario> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      const s = await repo.findScenario(tx, id, true);
      if (!s) throw NotFound('scenario', id);
      const v = await repo.findVersion(tx, b.versionId);
      if (!v || v.scenario_id !== id) throw NotFound('scenario version', b.versionId);
      if (v.status !== 'in_review') throw NothingToReview(`version ${v.version} is ${v.status}`);
      const raw = (typeof v.fields === 'string' ? JSON.parse(v.fields) : v.fields) as StoredField[];
      const unknown = b.strike.findIndex((x) => !raw.some((f) => f.name === x.field));
      if (unknown >= 0)
        throw FieldsInvalid(`version ${v.version} has no field ${b.strike[unknown]!.field} to strike`, {
          field: `strike.${unknown}.field`,
        });
      const fields = reviewFields(raw, b.strike, b.biometricApproved, this.settings);
      const org = await repo.orgName(tx, s.org_id);
      const thirdParty = isThirdParty(org?.name, v.recipient);
      const terms = { crossBorder: v.cross_border, automatedDecision: v.automated_decision, thirdParty };
      if (b.approve && !fields.some((f) => !f.struck))
        throw IllegalTransition('every field was struck: nothing is left to consent to');
      if (b.approve && needsPipia(fields, terms) && !b.pipiaRef)
        throw PipiaRequired(undefined, { field: 'pipiaRef' });
      await scenarios.updateVersion(tx, v.id, {
        status: b.approve ? 'approved' : 'rejected',
        fields: JSON.stringify(fields),
        separate_consent: needsSeparateConsent(fields, v.cross_border, thirdParty),
        biometric_approved: b.biometricApproved,
        pipia_ref: b.pipiaRef ?? null,
        review_note: b.note ?? null,
        reviewed_by: p.userId,
        reviewed_at: this.now(),
      });
      if (b.approve) {
        // the old approved version stops authorizing: its grants now answer version_superseded
        if (s.current_version_id)
          await scenarios.updateVersion(tx, s.current_version_id, { status: 'superseded' });
        await scenarios.updateScenario(tx, id, { current_version_id: v.id, updated_at: this.now() });
        if (s.current_version_id) await this.tellHolders(tx, s.id, s.title, s.current_version_id, v.version);
      }
      const struck = fields.filter((f) => f.struck).map((f) => f.name);
      await notifyOrg(tx, s.org_id, [], {
        kind: `consent.scenario.${b.approve ? 'approved' : 'rejected'}`,
        title: b.approve ? '场景已通过最小必要审查' : '场景未通过最小必要审查',
        body: `「${s.title}」第 ${v.version} 版${b.approve ? '已通过' : '未通过'}${struck.length ? `，删除字段：${struck.join('、')}` : ''}`,
        params: { scenarioId: id, versionId: v.id, struck },
        link: `/consent/scenarios/${id}`,
      });
      await recordAudit(tx, ctx, {
        action: 'consent.scenario.review',
        objectType: 'scenario',
        objectId: id,
        orgId: s.org_id,
        details: { versionId: v.id, approve: b.approve, struck, pipiaRef: b.pipiaRef ?? null },
      });
    });
    return this.get(ctx, id);
  }

  /** 网络数据安全管理条例 Art. 22: no asking again within the cool-down after a refusal. */
  async ask(ctx: RequestContext, id: string, subjectId: string): Promise<{ ok: true }> {
    await this.db.transaction().execute(async (tx) => {
      const s = await this.owned(tx, ctx, id);
      if (!s.current_version_id) throw IllegalTransition('the scenario has no approved version yet');
      const subject = await personsRepository.findPerson(tx, subjectId);
      if (!subject) throw NotFound('person', subjectId);
      const refusedAt = await scenarios.refusedAt(tx, subjectId, id);
      const until =
        refusedAt && new Date(new Date(refusedAt).getTime() + this.settings.refusalCoolDownDays * 86_400_000);
      if (until && until > this.now()) throw CoolDown(undefined, { until: until.toISOString() });
      // a child under 14 is asked through the guardian; from 14 on, the person alone hears of it
      const to = this.persons.decider(subject);
      await notifyUsers(tx, [to], {
        kind: 'consent.asked',
        title: '授权请求',
        body: `「${s.title}」请求您的授权`,
        params: { scenarioId: id, versionId: s.current_version_id, subjectId },
        // the person's own hub, on this scenario; a guardian sees it on behalf of the ward
        link: `/consent/mine?tab=scenarios&scenario=${id}${to === subjectId ? '' : `&for=${subjectId}`}`,
      });
      await recordAudit(tx, ctx, {
        action: 'consent.scenario.ask',
        objectType: 'scenario',
        objectId: id,
        details: { subjectId },
      });
    });
    return { ok: true };
  }

  /** A person declines, or a guardian for a ward under 14; either starts the cool-down for that person. */
  async refuse(ctx: RequestContext, id: string, onBehalfOf?: string): Promise<{ ok: true }> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      // a scenario with no approved version has asked nobody: to a person it does not exist
      if (!(await repo.findScenario(tx, id))?.current_version_id) throw NotFound('scenario', id);
      // declining needs no guardian: only a refusal for someone else goes through the guardianship check
      const subjectId =
        onBehalfOf && onBehalfOf !== p.userId ? await this.persons.subjectFor(tx, ctx, onBehalfOf) : p.userId;
      await scenarios.refuse(tx, subjectId, id, this.now());
      await recordAudit(tx, ctx, {
        action: 'consent.scenario.refuse',
        objectType: 'scenario',
        objectId: id,
        orgId: null,
        details: { subjectId },
      });
    });
    return { ok: true };
  }

  async get(ctx: RequestContext, id: string): Promise<Scenario> {
    const s = await repo.findScenario(this.db, id);
    if (!s) throw NotFound('scenario', id);
    const mine = ctx.principal?.orgId === s.org_id || hasRole(ctx, 'operator', 'regulator');
    if (!mine && !s.current_version_id) throw NotFound('scenario', id);
    const versions = await repo.versionsOf(this.db, [id]);
    const org = await repo.orgName(this.db, s.org_id);
    // outsiders (persons) see only what they would consent to: the approved version
    return toScenario(
      s,
      org?.name ?? null,
      mine ? versions : versions.filter((v) => v.id === s.current_version_id),
    );
  }

  async list(ctx: RequestContext, q: z.output<typeof ScenarioQuery>): Promise<Paged<Scenario>> {
    const p = requirePrincipal(ctx);
    const all = hasRole(ctx, 'operator', 'regulator');
    const { rows, total } = await scenarios.search(
      this.db,
      { orgId: p.orgId, all, mine: q.mine === 'true', status: q.status },
      q.page,
      q.pageSize,
    );
    const versions = await repo.versionsOf(
      this.db,
      rows.map((r) => r.id),
    );
    // outsiders (persons, other orgs) see only what they would consent to: the approved version
    const items = rows.map((sc) => {
      const mine = p.orgId === sc.org_id || all;
      const own = versions.filter((v) => v.scenario_id === sc.id && (mine || v.id === sc.current_version_id));
      return toScenario(sc, sc.org_name, own);
    });
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * PIPL Art. 14: a changed purpose, method or categories needs new consent. Everyone whose open grant the new
   * version superseded hears of it (a guardian for their ward), with a link to consent again.
   */
  private async tellHolders(tx: Executor, id: string, title: string, oldVersionId: string, version: number) {
    const grants = await scenarios.openGrantHolders(tx, oldVersionId, this.now());
    // whoever decides for the person now hears of it: a guardian granted for a ward who may since have turned 14
    const holders = grants.map((g) => ({ subject_user_id: g.user_id, decider: this.persons.decider(g) }));
    const note = (link: string) => ({
      kind: 'consent.superseded',
      title: '授权场景已变更',
      body: `「${title}」已变更为第 ${version} 版，原授权不再有效；如仍愿意，可重新授权`,
      params: { scenarioId: id },
      link,
    });
    const own = holders.filter((h) => h.decider === h.subject_user_id).map((h) => h.subject_user_id);
    await notifyUsers(tx, own, note(`/consent/mine?tab=scenarios&scenario=${id}`));
    for (const h of holders.filter((x) => x.decider !== x.subject_user_id))
      await notifyUsers(
        tx,
        [h.decider],
        note(`/consent/mine?tab=scenarios&scenario=${id}&for=${h.subject_user_id}`),
      );
  }

  private async owned(tx: Executor, ctx: RequestContext, id: string) {
    const s = await repo.findScenario(tx, id, true);
    if (!s) throw NotFound('scenario', id);
    if (s.org_id !== requirePrincipal(ctx).orgId) throw NotYourOrg();
    return s;
  }

  private async submitted(
    tx: Executor,
    ctx: RequestContext,
    id: string,
    versionId: string,
    title: string,
    action: string,
  ) {
    await notifyUsers(tx, await memberIds(tx, null, ['operator']), {
      kind: 'consent.scenario.submitted',
      title: '场景待最小必要审查',
      body: `「${title}」提交审查`,
      params: { scenarioId: id, versionId },
      link: `/consent/scenarios/${id}`,
    });
    await recordAudit(tx, ctx, { action, objectType: 'scenario', objectId: id, details: { versionId } });
  }
}
