import {
  DCMM_AREAS,
  DCMM_QUESTIONNAIRE,
  type DcmmAnswerValue,
  type DcmmArea,
  type DcmmResult,
  type DcmmStatement,
} from '@shuliu/contracts';

type Answers = ReadonlyMap<string, DcmmAnswerValue>;

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * GB/T 36073-2018 §5 (levels are cumulative): an area is at the highest level L such that every statement
 * of levels 2…L is answered `yes`; `partly` and `no` do not meet a level. Level 1 (初始级) needs nothing.
 */
export function areaLevel(
  area: DcmmArea,
  answers: Answers,
  q: readonly DcmmStatement[] = DCMM_QUESTIONNAIRE,
) {
  let level = 1;
  for (const l of [2, 3, 4, 5] as const) {
    const of = q.filter((s) => s.area === area && s.level === l);
    if (!of.length || !of.every((s) => answers.get(s.id) === 'yes')) break;
    level = l;
  }
  return level;
}

/** GB/T 36073 improvement path: what is left to meet at the next level (the unmet statements of level + 1). */
export function suggestionsFor(
  area: DcmmArea,
  level: number,
  answers: Answers,
  q: readonly DcmmStatement[] = DCMM_QUESTIONNAIRE,
): string[] {
  return q
    .filter((s) => s.area === area && s.level === level + 1 && answers.get(s.id) !== 'yes')
    .map((s) => s.id);
}

/**
 * GB/T 36073 evaluation (RULES.md: score = mean over areas): the overall score is the mean of the eight area
 * levels, two decimals; the overall level is that score rounded down.
 */
export function scoreAssessment(
  answers: Answers,
  q: readonly DcmmStatement[] = DCMM_QUESTIONNAIRE,
): DcmmResult {
  const areas = DCMM_AREAS.map((area) => {
    const level = areaLevel(area, answers, q);
    return { area, level, suggestions: suggestionsFor(area, level, answers, q) };
  });
  const score = round2(areas.reduce((sum, a) => sum + a.level, 0) / areas.length);
  return {
    areas,
    score,
    level: Math.floor(score),
    answered: q.filter((s) => answers.has(s.id)).length,
    total: q.length,
  };
}

/** The statements a submission still lacks an answer to (a submission answers every one). */
export const unanswered = (answers: Answers, q: readonly DcmmStatement[] = DCMM_QUESTIONNAIRE) =>
  q.filter((s) => !answers.has(s.id)).map((s) => s.id);

/** Per-area change between two results (later − earlier), and of the score. */
export function compareResults(from: DcmmResult, to: DcmmResult) {
  const levelOf = (r: DcmmResult, area: DcmmArea) => r.areas.find((a) => a.area === area)?.level ?? 1;
  return {
    areas: DCMM_AREAS.map((area) => {
      const a = levelOf(from, area);
      const b = levelOf(to, area);
      return { area, from: a, to: b, delta: b - a };
    }),
    scoreDelta: round2(to.score - from.score),
  };
}

/** The operator's view (GB/T 36073 across the province): orgs per overall level and the mean per area. */
export function distribution(results: readonly DcmmResult[]) {
  const n = results.length;
  const mean = (f: (r: DcmmResult) => number) =>
    n ? round2(results.reduce((sum, r) => sum + f(r), 0) / n) : null;
  return {
    orgs: n,
    byLevel: [1, 2, 3, 4, 5].map((level) => ({
      level,
      orgs: results.filter((r) => r.level === level).length,
    })),
    areaMeans: DCMM_AREAS.map((area) => ({
      area,
      mean: mean((r) => r.areas.find((a) => a.area === area)?.level ?? 1),
    })),
    scoreMean: mean((r) => r.score),
  };
}
