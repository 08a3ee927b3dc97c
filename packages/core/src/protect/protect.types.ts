import type { Grade, PII_KIND_NAMES, Processing } from '@shuliu/contracts';

export type { Grade } from '@shuliu/contracts';

/** Kinds of personal (and organization) identifiers the detector recognises: one list, in contracts. */
export { PII_KIND_NAMES as PII_KINDS } from '@shuliu/contracts';
export type PiiKind = (typeof PII_KIND_NAMES)[number];

export interface PiiDetection {
  kind: PiiKind;
  /** 0..1: how sure the detector is, from the share of matching values and the column name. */
  confidence: number;
}

export const GRADE_LABELS: Record<Grade, string> = {
  core: '核心数据',
  important: '重要数据',
  general_4: '一般数据(4级)',
  general_3: '一般数据(3级)',
  general_2: '一般数据(2级)',
  general_1: '一般数据(1级)',
};

/** GB/T 43697-2024 Annex I: how far derived data is processed from the original (the catalog's `Processing`). */
export type ProcessingDegree = Processing;

export const PROCESSING_DEGREE_LABELS: Record<ProcessingDegree, string> = {
  raw: '原始数据',
  masked: '脱敏数据',
  labelled: '标签数据',
  statistical: '统计数据',
  fused: '融合数据',
};

/** GB/T 43697-2024 §6.4: who is affected if the data is tampered with, leaked or destroyed. */
export type AffectedParty = 'national' | 'economic' | 'social' | 'public' | 'organization' | 'individual';
/** GB/T 43697-2024 §6.4: how badly. */
export type Harm = 'severe-extreme' | 'severe' | 'general';
