import type { ErrorCode } from '@shuliu/contracts';

/** 简体中文 — 授权中心 (consent hub): menu, audit actions and API errors; each page area keeps its own texts below. */
// prettier-ignore
export const consentZhCN = {
  consent: {
    menu: '授权中心', mine: '我的授权', scenarios: '授权场景', review: '场景审查', received: '收到的个人授权',
    orgGrants: '企业授权', operationGrants: '授权运营', operators: '授权运营主体', signUp: '个人注册',
  },
};

export const consentActionsZhCN: Record<string, string> = {
  'consent.person.sign_up': '个人注册',
  'consent.guardian.confirm': '确认监护关系',
  'consent.scenario.register': '登记授权场景',
  'consent.scenario.revise': '变更授权场景',
  'consent.scenario.review': '审查授权场景',
  'consent.scenario.ask': '请求个人授权',
  'consent.scenario.refuse': '拒绝授权场景',
  'consent.grant.create': '个人授权',
  'consent.grant.revoke': '撤回个人授权',
  'consent.check': '授权核验',
  'consent.org_grant.create': '企业授权',
  'consent.org_grant.revoke': '撤销企业授权',
  'consent.operation_grant.create': '授权运营',
  'consent.operation_grant.suspend': '暂停授权运营',
  'consent.operation_grant.reinstate': '恢复授权运营',
  'consent.operation_grant.revoke': '撤销授权运营',
  'consent.operation_grant.evaluate': '授权运营年度评估',
};

export const consentApiErrorsZhCN = {
  CONSENT_ILLEGAL_TRANSITION: '当前状态不允许此操作',
  CONSENT_NOT_A_PERSON: '只有自然人可以进行此操作',
  CONSENT_JUSTIFICATION_LOCKED:
    '已生效版本的必要性说明是审查的依据，只能随目的、方式或字段等实质变更一起修改（生成新版本重新审查）',
  CONSENT_EVALUATION_YEAR_INVALID: '评估年度须在授权期限内，且不能是将来的年度',
  CONSENT_CHECK_AT_PAST: '使用方只能核验当前或将来时点的授权，不能按过去的时点核验',
  CONSENT_NOT_YOUR_ORG: '贵机构不是此操作的当事方',
  CONSENT_ID_CARD_TAKEN: '该身份证号已注册',
  CONSENT_GUARDIAN_REQUIRED: '不满十四周岁的未成年人须由已确认的监护人代为授权',
  CONSENT_GUARDIAN_INVALID: '监护人须为已成年的自然人账号',
  CONSENT_NOTHING_TO_REVIEW: '该场景没有待审查的版本',
  CONSENT_PIPIA_REQUIRED: '须提供个人信息保护影响评估（PIPIA）记录',
  CONSENT_FIELDS_INVALID: '所选字段与场景不符',
  CONSENT_SEPARATE_CONSENT_REQUIRED: '该场景须取得单独同意',
  CONSENT_COOL_DOWN: '该个人近期拒绝过此场景，冷静期内不得再次请求',
  CONSENT_ALREADY_GRANTED: '该场景已有生效中的授权',
  CONSENT_EXPIRY_INVALID: '授权期限不符合要求',
  CONSENT_RESOURCE_REFUSED: '该资源不能授权',
  CONSENT_SECTOR_UNKNOWN: '所列行业分类不在资源目录的行业分类中',
} satisfies Partial<Record<ErrorCode, string>>;

export type ConsentMessages = typeof consentZhCN;
