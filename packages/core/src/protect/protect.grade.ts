import { gradeRank, highestGrade, isBelow } from '@shuliu/contracts';
import { CoreDataRefused, GradeBelowComputed } from './protect.errors.js';
import { DEFAULT_GRADING_SETTINGS, type GradingSettings } from './protect.settings.js';
import {
  GRADE_LABELS,
  type AffectedParty,
  type Grade,
  type Harm,
  type PiiDetection,
  type ProcessingDegree,
} from './protect.types.js';

/** GB/T 43697-2024 §6.5: the grade of data whose compromise harms `party` to degree `harm` (operator table). */
export function gradeByImpact(
  party: AffectedParty,
  harm: Harm,
  settings: GradingSettings = DEFAULT_GRADING_SETTINGS,
): Grade {
  return settings.impact[party][harm];
}

/** GB/T 43697-2024 Annex H with PIPL Art. 28: a field's suggested grade from the personal information it holds. */
export function gradeField(
  pii: PiiDetection | null,
  settings: GradingSettings = DEFAULT_GRADING_SETTINGS,
): Grade {
  return pii
    ? highestGrade([settings.piiGrades[pii.kind]], settings.unmatchedGrade)
    : settings.unmatchedGrade;
}

/** GB/T 43697-2024 §4 (就高从严) and §6.6: a dataset takes the highest grade of any of its fields. */
export function gradeDataset(
  fieldGrades: Iterable<Grade>,
  settings: GradingSettings = DEFAULT_GRADING_SETTINGS,
): Grade {
  return highestGrade(fieldGrades, settings.unmatchedGrade);
}

/** PIPL Art. 28: whether a detected kind is sensitive personal information (separate consent, PIPIA). */
export function isSensitive(
  pii: PiiDetection | null,
  settings: GradingSettings = DEFAULT_GRADING_SETTINGS,
): boolean {
  return !!pii && settings.sensitiveKinds.includes(pii.kind);
}

/** GB/T 43697-2024 §6.6: a manual grade may raise the computed grade, never lower it. */
export function applyManualGrade(computed: Grade, manual: Grade | undefined): Grade {
  if (manual === undefined) return computed;
  if (isBelow(manual, computed))
    throw GradeBelowComputed(
      `the manual grade ${GRADE_LABELS[manual]} is below the computed ${GRADE_LABELS[computed]}`,
      { computed, manual },
    );
  return manual;
}

/** GB/T 43697-2024 §6.2 and RULES.md: core data is never registered, listed or opened. */
export function mayPublish(grade: Grade): boolean {
  return grade !== 'core';
}

/** Throws unless data of this grade may be registered, listed or opened. */
export function assertPublishable(grade: Grade): void {
  if (!mayPublish(grade)) throw CoreDataRefused();
}

export interface DerivedGrade {
  grade: Grade;
  /** True when an expert must confirm: fusion may create important data; core/important are never lowered here. */
  reviewRequired: boolean;
}

const GENERAL: Grade[] = ['general_1', 'general_2', 'general_3', 'general_4'];

/**
 * GB/T 43697-2024 Annex I: re-grades derived data by processing degree (原始、脱敏、标签、统计、融合). Only
 * 一般数据 sub-levels move automatically (within 1级–4级, never below the degree's floor unless the source was
 * already lower); 核心/重要数据 keep their grade, and any lowering of them, or any fusion, needs review.
 */
export function regradeDerived(
  source: Grade,
  degree: ProcessingDegree,
  settings: GradingSettings = DEFAULT_GRADING_SETTINGS,
): DerivedGrade {
  const rule = settings.derived[degree];
  const rank = gradeRank(source);
  if (rank >= GENERAL.length) return { grade: source, reviewRequired: rule.shift !== 0 || rule.review };
  const shifted = Math.min(GENERAL.length - 1, Math.max(0, rank + rule.shift));
  const floored = Math.max(shifted, Math.min(rank, gradeRank(rule.floor)));
  return { grade: GENERAL[floored]!, reviewRequired: rule.review };
}
