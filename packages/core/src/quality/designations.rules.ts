import { HQD_CRITERIA, type HqdCriterion, type HqdStatus } from '@shuliu/contracts';

const WEIGHTS = new Map<string, number>(HQD_CRITERIA.map((c) => [c.key, c.weight]));

/**
 * 高质量数据集 published criteria: the weighted score is Σ weightᵢ × scoreᵢ / Σ weightᵢ over the six criteria
 * (数据质量 25、规模与覆盖 15、更新时效 15、应用价值 20、合规与安全 15、标注与文档 10), two decimals.
 */
export function weightedScore(scores: readonly { criterion: HqdCriterion; score: number }[]): number {
  let sum = 0;
  let weights = 0;
  for (const s of scores) {
    const w = WEIGHTS.get(s.criterion) ?? 0;
    sum += w * s.score;
    weights += w;
  }
  return weights ? Math.round((sum / weights) * 100) / 100 : 0;
}

/** The designation steps and the state each needs: submitted → in_review → reviewed → designated | rejected. */
export const HQD_STEP_FROM: Record<'assign' | 'review' | 'designate' | 'reject', readonly HqdStatus[]> = {
  // the operator may assign another reviewer while the first has not scored yet
  assign: ['submitted', 'in_review'],
  review: ['in_review'],
  designate: ['reviewed'],
  reject: ['submitted', 'in_review', 'reviewed'],
};

/** Whether an application in `status` may take `step`. */
export const hqdMay = (step: keyof typeof HQD_STEP_FROM, status: HqdStatus) =>
  HQD_STEP_FROM[step].includes(status);

/** 高质量数据集 designation: a reviewed application is designated only at or above the published pass score. */
export const meetsPassScore = (score: number, passScore: number) => score >= passScore;
