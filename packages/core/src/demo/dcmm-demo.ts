import { DCMM_QUESTIONNAIRE, type DcmmAnswerValue } from '@shuliu/contracts';
import type { Services } from '../services.js';
import { loginAs } from './demo-login.js';

/** The answers of an org at `levels` per area, with one statement of the next level partly met. */
function answersAt(levels: Record<string, number>, notes: Record<string, string> = {}) {
  return DCMM_QUESTIONNAIRE.map((s) => {
    const top = levels[s.area] ?? 1;
    const answer: DcmmAnswerValue = s.level <= top ? 'yes' : s.level === top + 1 ? 'partly' : 'no';
    return { statementId: s.id, answer, note: notes[s.id] ?? null };
  });
}

const QILU_2025 = {
  strategy: 2,
  governance: 3,
  architecture: 2,
  application: 3,
  security: 3,
  quality: 2,
  standards: 2,
  lifecycle: 2,
};
// a year on: 数据质量 and 数据标准 climbed after the quality checks and the data-element standard were rolled out
const QILU_2026 = { ...QILU_2025, quality: 3, standards: 3, architecture: 3 };

/**
 * DCMM self-assessments (GB/T 36073): 齐鲁数据 submitted last year's and is drafting this year's, which shows
 * the improvement; 泉城数智 and 鲁信普惠 have submitted one each, so the operator's distribution has a spread.
 */
export async function seedDcmmDemo(s: Services) {
  const { dcmm } = s.quality;
  const merchant = await loginAs(s, 'merchant');
  const first = await dcmm.create(merchant, { title: '2025 年度 DCMM 自评估' });
  await dcmm.answer(merchant, first.id, {
    answers: answersAt(QILU_2025, {
      'governance.l3a': '2024 年成立数据管理委员会，总经理任主任',
      'security.l3a': '按 GB/T 43697 完成数据分类分级，见《数据安全管理办法》',
    }),
  });
  await dcmm.submit(merchant, first.id);
  const second = await dcmm.create(merchant, { title: '2026 年度 DCMM 自评估（草稿）' });
  await dcmm.answer(merchant, second.id, {
    answers: answersAt(QILU_2026, {
      'quality.l3a': '平台质量检查按 GB/T 36344 六项指标每日运行',
      'standards.l3b': '发布《企业数据元标准 V1.0》',
    }),
  });
  for (const [user, levels] of [
    ['quancheng', { ...QILU_2025, governance: 2, application: 2 }],
    ['buyer', { ...QILU_2026, security: 4, quality: 4 }],
  ] as const) {
    const ctx = await loginAs(s, user);
    const a = await dcmm.create(ctx, { title: '2026 年度 DCMM 自评估' });
    await dcmm.answer(ctx, a.id, { answers: answersAt(levels) });
    await dcmm.submit(ctx, a.id);
  }
}
