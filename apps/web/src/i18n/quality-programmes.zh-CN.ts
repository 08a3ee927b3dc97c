/** 简体中文 — 高质量数据集认定与数据产品质量监督的错误。 */
export const qualityProgrammesApiErrorsZhCN = {
  HQD_STATE_CONFLICT: '该申请当前所处的状态不允许此操作',
  HQD_NOT_YOUR_RESOURCE: '只有数据资源的持有单位可以申请认定',
  HQD_ALREADY_APPLIED: '该数据资源在此级别已有申请或已获认定',
  HQD_REVIEWER_INVALID: '评审机构须为正常状态的第三方服务机构，且不能是申请单位',
  HQD_NOT_REVIEWER: '只有平台指派的评审机构可以评审该申请',
  HQD_BELOW_PASS_SCORE: '评审加权得分低于认定所需分数',
  COMPLAINT_STATE_CONFLICT: '该投诉当前所处的状态不允许此操作',
  COMPLAINT_NOT_YOUR_ORDER: '只有已付款订单的买方单位可以就该产品投诉',
  COMPLAINT_NOT_SELLER: '只有产品的卖方可以提交整改措施',
};

/** 简体中文 — 高质量数据集认定、数据产品质量监督。 */
// prettier-ignore
export const qualityProgrammesZhCN = {
  hqd: {
    programmes: '质量与能力', menu: '高质量数据集', list: '高质量数据集', designatedList: '认定名单', applications: '认定申请',
    intro: '数据持有单位提交质量报告、更新记录与应用案例申请认定，平台指派第三方评审机构按公开的评审标准打分，平台运营方据评审结果认定并公示。',
    apply: '申请认定', applied: '已提交申请', resource: '数据资源', pickResource: '选择本单位已发布的数据资源', level: '认定级别', year: '年度',
    levels: { provincial: '省级', municipal: '市级' },
    qualityReportRef: '质量报告编号', qualityReportHelp: '平台质量检查会自动附上该资源最新的 GB/T 36344 评分；如另有第三方质量报告，请填写其编号',
    latestQuality: '平台最新质量评分', updateRecord: '更新记录', useCases: '应用案例',
    status: { submitted: '待指派', in_review: '评审中', reviewed: '待认定', designated: '已认定', rejected: '未认定' }, statusTitle: '状态',
    box: { mine: '本单位申请', reviewing: '待我评审', all: '全部申请' },
    org: '申请单位', reviewer: '评审机构', assign: '指派评审机构', assigned: '已指派', pickReviewer: '选择第三方服务机构',
    review: '专家评审', criteria: '评审标准', criterion: '评审项', weight: '权重', score: '得分', comment: '评审意见（可选）', opinion: '综合意见', submitReview: '提交评审', reviewed: '评审已提交',
    weightedScore: '加权得分', passScore: '认定所需分数', designate: '认定', reject: '不予认定', decisionNote: '认定意见', decided: '已作出决定',
    createdAt: '申请时间', assignedAt: '指派时间', reviewedAt: '评审时间', decidedAt: '认定时间', designatedAt: '认定时间',
    settings: '认定设置', yearlyTarget: '年度省级认定目标', saveSettings: '保存', settingsSaved: '设置已保存',
    progress: '高质量数据集年度目标', progressOf: (n: number, target: number) => `省级 ${n} / ${target}`, municipal: '市级', inReview: '在审',
    steps: { apply: '申请', assign: '指派评审', review: '专家评审', decide: '认定' },
  },
  complaints: {
    menu: '质量投诉', list: '数据产品质量投诉', history: '质量投诉记录', none: '暂无质量投诉',
    intro: '买方单位就已购买的数据产品投诉质量问题；平台运营方受理调查后，或要求卖方整改并确认整改结果，或驳回投诉。处理全过程留痕、通知双方。',
    file: '投诉', filed: '投诉已提交', order: '订单', pickOrder: '选择本单位已付款的订单', category: '问题类型',
    categories: { quality: '数据质量问题', mismatch: '与描述不符', timeliness: '更新或交付不及时', delivery: '交付问题', compliance: '合规问题', other: '其他' },
    description: '问题描述', evidenceNote: '证据说明', product: '数据产品', buyer: '投诉方', seller: '被投诉方', investigator: '调查人',
    status: { filed: '待受理', investigating: '调查中', rectifying: '整改中', responded: '待确认整改', rectified: '已整改', dismissed: '已驳回' }, statusTitle: '状态',
    actions: { file: '提交投诉', investigate: '受理调查', note: '调查记录', requireRectification: '要求整改', respond: '提交整改措施', confirm: '确认整改', dismiss: '驳回投诉' },
    note: '说明', createdAt: '投诉时间', closedAt: '办结时间', hidden: '（仅当事方和监管可见）',
  },
};
