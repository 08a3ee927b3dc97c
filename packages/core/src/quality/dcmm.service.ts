import type {
  DcmmAnswersBody,
  DcmmAssessment,
  DcmmAssessmentSummary,
  DcmmComparison,
  DcmmResult,
  DcmmStats,
  DcmmStatus,
  Paged,
} from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { iso } from '../shared/iso.js';
import { AssessmentIncomplete, AssessmentSubmitted, CompareOrgsDiffer } from './dcmm.errors.js';
import { dcmmRepository as repo, type AnswerRow, type AssessmentRow } from './dcmm.repository.js';
import { compareResults, distribution, scoreAssessment, unanswered } from './dcmm.rules.js';

type Executor = Kysely<DB>;
type Clock = () => Date;

const parsed = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const answerMap = (rows: AnswerRow[]) => new Map(rows.map((a) => [a.statement_id, a.answer]));

/** A submitted assessment keeps the result it was submitted with; a draft shows what its answers give now. */
function summary(r: AssessmentRow, answers: AnswerRow[] | null): DcmmAssessmentSummary {
  const result = r.result ? parsed<DcmmResult>(r.result) : scoreAssessment(answerMap(answers ?? []));
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    title: r.title,
    status: r.status,
    result,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    submittedAt: iso(r.submitted_at),
  };
}

/** DCMM self-assessments (GB/T 36073-2018): drafts an org answers, submissions that never change. */
export class DcmmService {
  constructor(
    private readonly db: Executor,
    private readonly now: Clock,
  ) {}

  async create(ctx: RequestContext, b: { title: string }): Promise<DcmmAssessment> {
    const p = requirePrincipal(ctx);
    if (!p.orgId) throw Forbidden('a self-assessment is made on behalf of an organization');
    const id = newId('dca');
    await this.db.transaction().execute(async (tx) => {
      await repo.insert(tx, {
        id,
        org_id: p.orgId!,
        title: b.title,
        status: 'draft',
        result: null,
        score: null,
        level: null,
        created_by: p.userId,
        submitted_by: null,
        submitted_at: null,
      });
      await recordAudit(tx, ctx, {
        action: 'dcmm.assessment.create',
        objectType: 'dcmm_assessment',
        objectId: id,
        details: { title: b.title },
      });
    });
    return this.get(ctx, id);
  }

  async answer(ctx: RequestContext, id: string, b: DcmmAnswersBody): Promise<DcmmAssessment> {
    const p = requirePrincipal(ctx);
    const at = this.now();
    await this.db.transaction().execute(async (tx) => {
      await this.draftOfMine(tx, ctx, id);
      await repo.saveAnswers(
        tx,
        b.answers.map((a) => ({
          assessment_id: id,
          statement_id: a.statementId,
          answer: a.answer,
          note: a.note?.trim() || null,
          answered_by: p.userId,
          answered_at: at,
        })),
      );
      await repo.update(tx, id, { updated_at: at });
      await recordAudit(tx, ctx, {
        action: 'dcmm.assessment.answer',
        objectType: 'dcmm_assessment',
        objectId: id,
        details: { statements: b.answers.map((a) => `${a.statementId}=${a.answer}`) },
      });
    });
    return this.get(ctx, id);
  }

  /** Fixes the result: every statement answered, then the assessment is immutable. */
  async submit(ctx: RequestContext, id: string): Promise<DcmmAssessment> {
    const p = requirePrincipal(ctx);
    const at = this.now();
    await this.db.transaction().execute(async (tx) => {
      await this.draftOfMine(tx, ctx, id);
      const answers = answerMap(await repo.answersOf(tx, id));
      const missing = unanswered(answers);
      if (missing.length)
        throw AssessmentIncomplete(
          `${missing.length} statement(s) are not answered yet: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`,
          { missing },
        );
      const result = scoreAssessment(answers);
      await repo.update(tx, id, {
        status: 'submitted',
        result: JSON.stringify(result),
        score: result.score,
        level: result.level,
        submitted_by: p.userId,
        submitted_at: at,
        updated_at: at,
      });
      await recordAudit(tx, ctx, {
        action: 'dcmm.assessment.submit',
        objectType: 'dcmm_assessment',
        objectId: id,
        details: { score: result.score, level: result.level },
      });
    });
    return this.get(ctx, id);
  }

  async get(ctx: RequestContext, id: string): Promise<DcmmAssessment> {
    const r = await this.visible(ctx, id);
    const answers = await repo.answersOf(this.db, id);
    return {
      ...summary(r, answers),
      answers: answers.map((a) => ({ statementId: a.statement_id, answer: a.answer, note: a.note })),
    };
  }

  async list(
    ctx: RequestContext,
    q: { page: number; pageSize: number; status?: DcmmStatus; orgId?: string },
  ): Promise<Paged<DcmmAssessmentSummary>> {
    const p = requirePrincipal(ctx);
    const oversight = hasRole(ctx, 'operator', 'regulator');
    if (!oversight && !p.orgId) throw Forbidden('only members of an organization have assessments');
    const orgId = oversight ? (q.orgId ?? null) : p.orgId!;
    const { rows, total } = await repo.list(this.db, { orgId, status: q.status }, q.page, q.pageSize);
    // a draft's result is computed from its answers; a page holds few drafts
    const items = await Promise.all(
      rows.map(async (r) => summary(r, r.result ? null : await repo.answersOf(this.db, r.id))),
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  async compare(ctx: RequestContext, fromId: string, toId: string): Promise<DcmmComparison> {
    const [from, to] = await Promise.all([this.get(ctx, fromId), this.get(ctx, toId)]);
    if (from.orgId !== to.orgId) throw CompareOrgsDiffer();
    const strip = ({ answers: _a, ...s }: DcmmAssessment) => s;
    return { from: strip(from), to: strip(to), ...compareResults(from.result, to.result) };
  }

  /** Each org with a submitted assessment counts once, with its latest. */
  async stats(): Promise<DcmmStats> {
    const rows = await repo.latestSubmitted(this.db);
    return distribution(rows.map((r) => parsed<DcmmResult>(r.result)));
  }

  private async visible(ctx: RequestContext, id: string) {
    const p = requirePrincipal(ctx);
    const r = await repo.find(this.db, id);
    if (!r) throw NotFound('assessment', id);
    if (r.org_id !== p.orgId && !hasRole(ctx, 'operator', 'regulator')) throw NotFound('assessment', id);
    return r;
  }

  private async draftOfMine(tx: Executor, ctx: RequestContext, id: string) {
    const p = requirePrincipal(ctx);
    const r = await repo.lock(tx, id);
    if (!r || (r.org_id !== p.orgId && !hasRole(ctx, 'operator', 'regulator')))
      throw NotFound('assessment', id);
    if (r.org_id !== p.orgId) throw Forbidden('only the assessed organization answers its assessment');
    if (r.status !== 'draft')
      throw AssessmentSubmitted(`the assessment is ${r.status}: it no longer changes`);
    return r;
  }
}
