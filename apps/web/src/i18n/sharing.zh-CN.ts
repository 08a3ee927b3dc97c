/** 简体中文 — 政务共享, 省级数据回流 and 资源调查: page texts, merged into zh-CN. */
// prettier-ignore
export const sharingZhCN = {
  sharing: {
    title: '共享申请', incoming: '收到的申请', outgoing: '本部门的申请', all: '全部申请', resource: '资源', requester: '申请部门',
    provider: '提供部门', purpose: '履职用途', status: '状态', dueAt: '答复期限', createdAt: '申请时间', decidedAt: '审核时间',
    deliveredAt: '交付时间', note: '说明', reason: '驳回原因', overdueOnly: '只看超期', approve: '同意', reject: '驳回', deliver: '交付',
    withdraw: '撤回', approveTitle: '同意共享申请', rejectTitle: '驳回共享申请', deliverTitle: '登记共享交付',
    withdrawConfirm: '确认撤回该共享申请？', approveNote: '共享方式与限制（选填）', deliverNote: '交付说明（选填）',
    approved: '已同意共享申请', rejected: '已驳回共享申请', delivered: '已登记交付', withdrawn: '已撤回共享申请',
    request: '申请共享', requestTitle: '申请政务共享', purposeHelp: '说明数据用于哪项法定职责（履职依据），提供部门据此审核。',
    requested: '共享申请已提交', requestedNext: '提供部门须在规定的工作日内答复，逾期将在看板上标红。',
    viewRequests: '查看共享申请', hint: '在资源目录中找到已发布的资源，在资源详情页申请共享。', overdueDue: (d: string) => `已超过答复期限 ${d}`,
  },
  returnFlow: {
    title: '数据回流看板', board: '应返尽返看板', flows: '回流清单', org: '接收部门', level: '层级', owed: '应回流', pending: '待回流',
    overdue: '已超期', onTime: '按时回流', late: '逾期回流', rate: '按时率', rateHelp: '按时回流 ÷（已回流 + 已超期）；尚无到期时不计',
    resource: '资源', from: '回流部门', to: '接收部门', status: '状态', dueAt: '回流期限', deliveredAt: '回流时间', note: '说明',
    deliver: '登记回流', deliverTitle: '登记数据回流', delivered: '已登记回流', create: '登记回流义务', createTitle: '登记省级数据回流义务',
    toOrgId: '接收部门', toOrgHelp: '本省内的市级或县级公共数据主管部门', created: '已登记回流义务',
    total: '合计', rateChart: '各部门按时回流率', pendingStatus: '待回流', deliveredStatus: '已回流',
  },
  survey: {
    title: '资源调查', takenAt: (d: string) => `统计时间 ${d}`, snapshot: '生成快照', snapshotDone: '已生成调查快照',
    resources: '资源数', published: '已发布', files: '数据文件', rows: '数据行数', bytes: '数据量', orgs: '持有机构',
    bySector: '按行业分类', byRegion: '按行政层级', byGrade: '按数据分级', bySubject: '按数据主体', byOrg: '按机构（前 15）',
    trend: '资源数量趋势（快照）', metric: '统计口径', noHistory: '还没有快照。运营方可以生成快照以观察趋势。',
    sharingStats: '政务共享统计', requests: '申请数', approvedCount: '同意', rejectedCount: '驳回', deliveredCount: '交付',
    pendingCount: '待审', overdueCount: '超期', median: '答复时长中位数', p90: '答复时长 P90', hours: (h: number | null) => (h === null ? '—' : `${h.toFixed(1)} 小时`),
    levels: '申请层级 → 提供层级', returnOnTime: '回流按时率',
  },
};

export type SharingMessages = typeof sharingZhCN;
