import { DEFAULT_NAME_HINTS, type NameHint } from './protect.hints.js';
import type { ColumnRule } from './protect.schema.js';
import type { AffectedParty, Grade, Harm, PiiKind, ProcessingDegree } from './protect.types.js';

/** What the detector looks at and how it weighs it. Operators may tune every value. */
export interface DetectionSettings {
  /** The first non-null values of each column kept for detection. */
  sampleHead: number;
  /** Plus a uniform reservoir sample of this many from the rest of the column. */
  sampleReservoir: number;
  /** Share of sampled values that must match a kind's validator when the name gives no hint. */
  minMatchRatio: number;
  /** The same share when the column name hints at the kind. */
  hintedMatchRatio: number;
  /** Below this confidence a column is not reported as personal information. */
  minConfidence: number;
  /** Added to the confidence when the column name hints at the kind. */
  nameHintBonus: number;
  /** How much a full match of a kind's value check is worth (a check digit is worth more than a shape). */
  strength: Record<PiiKind, number>;
  /** Column-name words that hint at each kind. */
  nameHints: Record<PiiKind, NameHint>;
}

export const DEFAULT_DETECTION_SETTINGS: DetectionSettings = {
  sampleHead: 1000,
  sampleReservoir: 1000,
  minMatchRatio: 0.6,
  hintedMatchRatio: 0.3,
  minConfidence: 0.5,
  nameHintBonus: 0.15,
  strength: {
    idCard: 0.98,
    uscc: 0.98,
    email: 0.95,
    mobile: 0.9,
    ip: 0.9,
    plate: 0.9,
    bankCard: 0.8,
    address: 0.8,
    name: 0.75,
    health: 0.7,
    biometric: 0.7,
  },
  nameHints: DEFAULT_NAME_HINTS,
};

/** Grading values an operator may edit; the defaults follow RULES.md and are marked where unverified. */
export interface GradingSettings {
  /** Grade of a field holding each kind (PIPL Art. 28 sensitive PI → 一般数据(4级) by default). */
  piiGrades: Record<PiiKind, Grade>;
  /** Grade of a field with no personal-information evidence: the floor a manual grade may raise. */
  unmatchedGrade: Grade;
  /** PIPL Art. 28: kinds that are sensitive personal information (separate consent, impact assessment). */
  sensitiveKinds: PiiKind[];
  /** GB/T 43697-2024 §6.5 table (⚠ rows other than national security unverified). */
  impact: Record<AffectedParty, Record<Harm, Grade>>;
  /** Annex I: sub-levels a 一般数据 grade moves by processing degree (negative lowers), and its floor. */
  derived: Record<ProcessingDegree, { shift: number; floor: Grade; review: boolean }>;
}

const partyRow = (extreme: Grade, severe: Grade, general: Grade) => ({
  'severe-extreme': extreme,
  severe,
  general,
});

export const DEFAULT_GRADING_SETTINGS: GradingSettings = {
  piiGrades: {
    idCard: 'general_4',
    bankCard: 'general_4',
    biometric: 'general_4',
    health: 'general_4',
    mobile: 'general_3',
    address: 'general_3',
    plate: 'general_3',
    name: 'general_2',
    email: 'general_2',
    ip: 'general_2',
    uscc: 'general_1',
  },
  unmatchedGrade: 'general_1',
  sensitiveKinds: ['idCard', 'bankCard', 'biometric', 'health'],
  impact: {
    national: partyRow('core', 'core', 'important'),
    economic: partyRow('core', 'important', 'general_4'),
    social: partyRow('core', 'important', 'general_4'),
    public: partyRow('core', 'important', 'general_4'),
    organization: partyRow('general_4', 'general_3', 'general_2'),
    individual: partyRow('general_4', 'general_3', 'general_2'),
  },
  derived: {
    raw: { shift: 0, floor: 'general_1', review: false },
    masked: { shift: -1, floor: 'general_2', review: false },
    labelled: { shift: -1, floor: 'general_2', review: false },
    statistical: { shift: -2, floor: 'general_1', review: false },
    fused: { shift: 1, floor: 'general_1', review: true },
  },
};

/** The strategy applied to a column of each kind when the rules say nothing about it (RULES.md, Masking). */
export const DEFAULT_MASK_STRATEGIES: Record<PiiKind, ColumnRule> = {
  idCard: { strategy: 'mask', format: 'idCard', keep: '1+2' },
  mobile: { strategy: 'mask', format: 'mobile' },
  bankCard: { strategy: 'mask', format: 'bankCard' },
  uscc: { strategy: 'keep' },
  email: { strategy: 'mask', format: 'email' },
  name: { strategy: 'mask', format: 'name' },
  address: { strategy: 'mask', format: 'address' },
  plate: { strategy: 'mask', format: 'plate' },
  ip: { strategy: 'mask', format: 'ip' },
  biometric: { strategy: 'suppress' },
  health: { strategy: 'suppress' },
};

export interface ProtectSettings {
  detection: DetectionSettings;
  grading: GradingSettings;
  masking: Record<PiiKind, ColumnRule>;
}

export const DEFAULT_PROTECT_SETTINGS: ProtectSettings = {
  detection: DEFAULT_DETECTION_SETTINGS,
  grading: DEFAULT_GRADING_SETTINGS,
  masking: DEFAULT_MASK_STRATEGIES,
};
