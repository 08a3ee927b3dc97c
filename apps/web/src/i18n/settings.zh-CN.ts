import type { ErrorCode } from '@shuliu/contracts';

/** 简体中文 — 平台规则 (the operator's rule settings and the working-day calendar), merged into zh-CN. */
// prettier-ignore
export const settingsZhCN = {
  platformSettings: {
    title: '平台规则', menu: '平台规则',
    intro: '以下取值为 RULES.md 中标注 ⚠ 的规则：官方文本未能核实，由运营方维护，默认值即规则文件中的取值。每次修改都记入审计日志（修改前后的取值）。',
    gradingTab: '分级规则', sharingTab: '共享与回流时限', calendarTab: '工作日历', registryTab: '登记规则',
    impactTitle: '影响对象 × 危害程度（GB/T 43697-2024 §6.5）',
    impactHelp: '国家安全一行由标准确定，不可修改；同一行中危害越重，分级不得越低。',
    party: '影响对象', piiTitle: '个人信息字段分级（附录 H，PIPL 第 28 条）', piiKind: '信息类型', grade: '分级',
    sharingTitle: '政务共享与省级回流时限', sharingResponseDays: '共享申请答复时限（工作日）', returnFlowDays: '省级数据回流时限（工作日）',
    sharingHelp: '时限按平台工作日历计算（北京时间，含法定节假日与调休上班日）。',
    calendarHelp: '登记、共享与回流的所有期限都按这一份日历计算。已预置国务院办公厅公布的 2026 年节假日安排。',
    empty: '该年度尚未设置节假日或调休上班日', saved: '规则已保存',
  },
  affectedParty: {
    national: '国家安全', economic: '经济运行', social: '社会秩序', public: '公共利益', organization: '组织权益', individual: '个人权益',
  } as Record<string, string>,
  harm: { 'severe-extreme': '特别严重危害', severe: '严重危害', general: '一般危害' } as Record<string, string>,
  impactAssessment: {
    title: '影响评估', add: '记录影响评估', party: '影响对象', harm: '危害程度', reason: '评估依据', assessedGrade: '评估分级',
    gradeBefore: '评估前分级', gradeAfter: '评估后分级', assessedBy: '评估人', createdAt: '评估时间', empty: '尚无影响评估记录',
    help: '分级随评估结果调整，但不会低于字段计算的分级；评估记录作为分级依据留存。', done: '已记录影响评估',
  },
};

// prettier-ignore
export const settingsActionsZhCN: Record<string, string> = {
  'settings.grading.update': '修改分级规则', 'settings.sharing.update': '修改共享与回流时限',
  'settings.holiday.set': '设置节假日', 'settings.holiday.import': '导入节假日安排', 'settings.holiday.delete': '删除节假日',
  'catalog.resource.impact_assess': '记录影响评估',
};

// prettier-ignore
export const settingsApiErrorsZhCN = {
  CATALOG_GRADE_BELOW_ASSESSED: '分级不得低于最近一次影响评估给出的分级',
} satisfies Partial<Record<ErrorCode, string>>;
