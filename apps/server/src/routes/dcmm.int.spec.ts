import {
  DCMM_QUESTIONNAIRE,
  type DcmmAssessment,
  type DcmmAssessmentSummary,
  type DcmmComparison,
  type DcmmStats,
  type Paged,
} from '@shuliu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';

type Err = { error: { code: string; message: string; details?: { missing?: string[] } } };

let t: TestServer;
const call = <T = unknown>(method: string, url: string, as?: string, payload?: unknown) =>
  t.call<T & Err>(method, url, as, payload);

/** Every statement `yes` up to `top` in each area (one level for all, or per area), `no` above. */
const answersUpTo = (top: number, per: Record<string, number> = {}) =>
  DCMM_QUESTIONNAIRE.map((s) => ({
    statementId: s.id,
    answer: s.level <= (per[s.area] ?? top) ? 'yes' : 'no',
  }));

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

async function draft(as: string, title = '自评估') {
  const r = await call<DcmmAssessment>('POST', '/api/dcmm/assessments', as, { title });
  expect(r.status).toBe(201);
  return r.body;
}

describe('a DCMM self-assessment: draft → answers → submit', () => {
  it('scores the answers as they come, submits once and then never changes', async () => {
    const a = await draft('quancheng', '2026 年度');
    expect(a.status).toBe('draft');
    expect(a.result.level).toBe(1);
    expect(a.result.answered).toBe(0);

    const half = await call<DcmmAssessment>('PUT', `/api/dcmm/assessments/${a.id}/answers`, 'quancheng', {
      answers: answersUpTo(3).slice(0, 20),
    });
    expect(half.status).toBe(200);
    expect(half.body.result.answered).toBe(20);

    const early = await call('POST', `/api/dcmm/assessments/${a.id}/submit`, 'quancheng');
    expect(early.status).toBe(400);
    expect(early.body.error.code).toBe('DCMM_ASSESSMENT_INCOMPLETE');
    expect(early.body.error.details?.missing).toHaveLength(20);

    const all = await call<DcmmAssessment>('PUT', `/api/dcmm/assessments/${a.id}/answers`, 'quancheng', {
      answers: [...answersUpTo(3, { quality: 2 })].map((x) =>
        x.statementId === 'quality.l3a' ? { ...x, note: '已按 GB/T 36344 开展质量检查' } : x,
      ),
    });
    expect(all.status).toBe(200);
    const q = all.body.result.areas.find((x) => x.area === 'quality')!;
    expect(q.level).toBe(2);
    expect(q.suggestions).toEqual(['quality.l3a', 'quality.l3b']);
    expect(all.body.answers.find((x) => x.statementId === 'quality.l3a')?.note).toBe(
      '已按 GB/T 36344 开展质量检查',
    );
    // seven areas at 3 and one at 2
    expect(all.body.result.score).toBe(2.88);

    const done = await call<DcmmAssessment>('POST', `/api/dcmm/assessments/${a.id}/submit`, 'quancheng');
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('submitted');
    expect(done.body.result.level).toBe(2);
    expect(done.body.submittedAt).toBeTruthy();

    const again = await call('PUT', `/api/dcmm/assessments/${a.id}/answers`, 'quancheng', {
      answers: [{ statementId: 'quality.l3a', answer: 'yes' }],
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DCMM_ASSESSMENT_SUBMITTED');
    expect(again.body.error.message).toContain('submitted');
    expect((await call('POST', `/api/dcmm/assessments/${a.id}/submit`, 'quancheng')).status).toBe(409);

    const audit = await call<Paged<{ action: string }>>(
      'GET',
      `/api/audit/events?objectId=${a.id}`,
      'operator',
    );
    expect(audit.body.items.map((e) => e.action).sort()).toEqual([
      'dcmm.assessment.answer',
      'dcmm.assessment.answer',
      'dcmm.assessment.create',
      'dcmm.assessment.submit',
    ]);
  });

  it('refuses unknown statements, repeated statements and bad answers, naming the field', async () => {
    const a = await draft('merchant');
    const url = `/api/dcmm/assessments/${a.id}/answers`;
    const unknown = await call('PUT', url, 'merchant', {
      answers: [{ statementId: 'nope.l9', answer: 'yes' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('VALIDATION_FAILED');
    const twice = await call('PUT', url, 'merchant', {
      answers: [
        { statementId: 'strategy.l2', answer: 'yes' },
        { statementId: 'strategy.l2', answer: 'no' },
      ],
    });
    expect(twice.status).toBe(400);
    const maybe = await call('PUT', url, 'merchant', {
      answers: [{ statementId: 'strategy.l2', answer: 'maybe' }],
    });
    expect(maybe.status).toBe(400);
    expect((await call('POST', '/api/dcmm/assessments', 'merchant', { title: '' })).status).toBe(400);
  });
});

describe('history, comparison and the distribution', () => {
  it('compares two assessments of one org per area', async () => {
    const before = await draft('certifier', '2025');
    await call('PUT', `/api/dcmm/assessments/${before.id}/answers`, 'certifier', { answers: answersUpTo(2) });
    await call('POST', `/api/dcmm/assessments/${before.id}/submit`, 'certifier');
    const after = await draft('certifier', '2026');
    await call('PUT', `/api/dcmm/assessments/${after.id}/answers`, 'certifier', {
      answers: answersUpTo(2, { security: 4 }),
    });
    const c = await call<DcmmComparison>(
      'GET',
      `/api/dcmm/compare?from=${before.id}&to=${after.id}`,
      'certifier',
    );
    expect(c.status).toBe(200);
    expect(c.body.areas.find((x) => x.area === 'security')).toEqual({
      area: 'security',
      from: 2,
      to: 4,
      delta: 2,
    });
    expect(c.body.scoreDelta).toBe(0.25);

    const history = await call<Paged<DcmmAssessmentSummary>>('GET', '/api/dcmm/assessments', 'certifier');
    expect(history.body.items.map((x) => x.title)).toEqual(['2026', '2025']);

    const other = await call(
      'GET',
      `/api/dcmm/compare?from=${before.id}&to=${(await draft('merchant')).id}`,
      'operator',
    );
    expect(other.status).toBe(400);
    expect(other.body.error.code).toBe('DCMM_COMPARE_ORGS_DIFFER');
  });

  it('shows the operator each org once, with its latest submission', async () => {
    const s = await call<DcmmStats>('GET', '/api/dcmm/stats', 'operator');
    expect(s.status).toBe(200);
    expect(s.body.orgs).toBe(s.body.byLevel.reduce((n, l) => n + l.orgs, 0));
    expect(s.body.areaMeans).toHaveLength(8);
    // the demo's 齐鲁数据 (submitted, plus a draft that does not count), 泉城数智 (demo + this file), 鲁信普惠, 衡信评估
    expect(s.body.orgs).toBe(4);
  });
});

describe('who may see and change an assessment', () => {
  it('keeps an org’s assessments to the org and to oversight', async () => {
    const a = await draft('merchant');
    expect((await call('GET', `/api/dcmm/assessments/${a.id}`, 'quancheng')).status).toBe(404);
    expect((await call('GET', `/api/dcmm/assessments/${a.id}`, 'merchant2')).status).toBe(200);
    expect((await call('GET', `/api/dcmm/assessments/${a.id}`, 'regulator')).status).toBe(200);
    const mine = await call<Paged<DcmmAssessmentSummary>>('GET', '/api/dcmm/assessments', 'quancheng');
    expect(mine.body.items.every((x) => x.orgName === '泉城数智信息服务有限公司')).toBe(true);
    const answer = { answers: [{ statementId: 'strategy.l2', answer: 'yes' }] };
    expect((await call('PUT', `/api/dcmm/assessments/${a.id}/answers`, 'quancheng', answer)).status).toBe(
      404,
    );
    expect((await call('PUT', `/api/dcmm/assessments/${a.id}/answers`, 'merchant2', answer)).status).toBe(
      200,
    );
    expect((await call('POST', '/api/dcmm/assessments', 'reviewer', { title: 'x' })).status).toBe(403);
    expect((await call('GET', '/api/dcmm/stats', 'merchant')).status).toBe(403);
    expect((await call('GET', '/api/dcmm/stats')).status).toBe(401);
  });
});
