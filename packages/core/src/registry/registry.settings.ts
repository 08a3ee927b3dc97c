import type { RegistrySettings } from '@shuliu/contracts';

export type { RegistrySettings };

/**
 * The registration rules' values (RULES.md, Rights registration). Lines marked ⚠ there could not be checked
 * against the official text, so they are settings the operator edits, with these defaults.
 */
export const DEFAULT_REGISTRY_SETTINGS: RegistrySettings = {
  // ⚠ 受理 within 3 working days
  acceptDays: 3,
  // 形式 + 实质审查: no figure in RULES.md; 10 working days as the pilots' practice
  reviewDays: 10,
  // ⚠ 公示 10 working days (some pilots 5)
  noticeDays: 10,
  // ⚠ 异议处理 within 10 working days
  objectionDays: 10,
  // validity = min(announcement + 3 years, end of the source authorization)
  validityYears: 3,
  renewalYears: 3,
  renewWindowDays: 90,
  // registrations that change who holds what, or what is held, are announced; the others are not
  noticeTypes: ['initial', 'transfer', 'change'],
  certNoPrefix: 'SD-DR',
  issuerName: '山东省数据产权登记平台',
  financialOrgIds: [],
  financialNamePattern: '银行|金融|信托|保险|证券|融资担保|小额贷款|融资租赁|期货|基金',
};
