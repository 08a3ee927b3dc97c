import type { GradingSettings, SharingSettings, TradeSettings } from '@shuliu/contracts';
import { DEFAULT_GRADING_SETTINGS } from '../protect/index.js';

/**
 * RULES.md ⚠ values, as operator settings with these defaults: the GB/T 43697-2024 §6.5 party × harm table
 * (rows other than 国家安全 unverified) and the grade of each kind of personal information (Annex H with
 * PIPL Art. 28).
 */
export const DEFAULT_GRADING: GradingSettings = {
  impact: DEFAULT_GRADING_SETTINGS.impact,
  piiGrades: DEFAULT_GRADING_SETTINGS.piiGrades,
};

/** 政务数据共享 and 应返尽返 periods in working days (no figure verified in the official text). */
export const DEFAULT_SHARING: SharingSettings = {
  sharingResponseDays: 10,
  returnFlowDays: 20,
};

/** 平台服务费: no published figure binds an exchange's fee; 3 % is a placeholder the operator sets. */
export const DEFAULT_TRADE: TradeSettings = { platformFeeBp: 300 };
