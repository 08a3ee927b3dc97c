/** 中文 — settlement and revenue-sharing errors. */
export const settlementApiErrorsZhCN = {
  TRADE_CONTRIBUTOR_UNKNOWN: '贡献方须为平台上已生效的机构',
  TRADE_REVENUE_SHARE_INVALID: '声明的效用与贡献方不符（如缺少某个子集的取值）',
  TRADE_SETTLEMENT_PERIOD_CLOSED: '该结算期已关账，每期只关账一次',
  TRADE_SETTLEMENT_PERIOD_OPEN: '该结算期尚未结束（北京时间），期末之后方可关账',
};

/** 中文 — settlement statements and revenue shares. */
// prettier-ignore
export const settlementZhCN = {
  settlement: {
    feeTab: '交易结算', feeTitle: '平台服务费', feeHelp: '结算时每笔订单总额按此比例计收平台服务费（0–30%）；已关账的结算期保留关账时的费率。',
    menu: '结算对账', title: '结算对账单', intro: '按自然月（北京时间）结算：每笔订单的总额拆分为平台服务费、公共数据主管部门分成、授权运营方/卖方及按贡献分配的各贡献方，以分为单位、合计严格等于总额。',
    period: '结算期', state: { open: '未关账', closed: '已关账' }, startsAt: '开始', endsAt: '结束', closedAt: '关账时间', closedBy: '关账人',
    fee: '平台服务费率', gross: '订单总额', orders: '订单数', ownFen: '本机构应收', close: '关账', closeTitle: '关账确认',
    closeConfirm: (p: string) => `关账 ${p} 后将生成各方结算单，且不可再次关账。确认关账？`, closedDone: (p: string) => `${p} 已关账`,
    notEnded: '该结算期尚未结束', parties: '各方汇总', party: '收款方', role: '角色',
    roles: { seller: '卖方', operator: '授权运营方', authority: '公共数据主管部门', processor: '数据处理方', platform: '平台服务费', contributor: '贡献方' },
    fen: '金额', total: '合计', sumCheck: (sum: string, gross: string) => `各方合计 ${sum}，订单总额 ${gross}`, sumOk: '合计与总额相符', sumMismatch: '合计与总额不符',
    partySum: '本机构所涉订单的总额（他方所得不在此列）',
    lines: '结算明细', order: '订单', product: '产品', billingTitle: '计费方式', billing: { fixed: '固定价格', per_call: '按次计费' }, calls: '调用次数', orderGross: '订单总额',
    exportCsv: '导出 CSV', remainderRule: '余数分配规则', orgFilter: '按机构筛选', noPeriods: '暂无结算期', openHint: '该结算期尚未关账，关账后生成结算单。',
    explain: '拆分说明', explainTitle: (o: string) => `订单 ${o} 的拆分`, viewShare: '收益分配', bp: (bp: number) => `${(bp / 100).toFixed(2)}%`,
  },
  revenue: {
    title: '收益分配（按贡献）', intro: '多方数据共同形成的产品，卖方部分按各贡献方的沙普利值（Shapley value）分配：12 方以内精确计算，超过时以置换抽样估计并给出误差上界；同一种子可复算。',
    product: '产品', contributors: '贡献方', utilityLabel: '效用（度量）', method: '计算方法', methods: { exact: '精确计算', sampled: '置换抽样' },
    seed: '随机种子', samples: '抽样次数', confidence: '置信度', errorBound: '误差上界', maxErrorBound: '最大误差上界', inputsHash: '输入摘要（SM3）',
    runBy: '计算人', computedAt: '计算时间', shareRule: '份额规则', value: '沙普利值', share: '份额', ppb: '十亿分之', clamped: '负值按零计',
    subsets: '子集数', grand: '全体效用 v(N)', noDeclaration: '该产品尚无收益分配声明', declare: '声明收益分配', edit: '修改声明', declareTitle: '收益分配声明',
    contributorsHelp: '参与形成该产品数据的机构（含本机构），1–200 个', utilityJson: '效用（JSON）',
    utilityJsonHelp: '例如 {"kind":"table","values":{"":0,"org_a":10,"org_b":20,"org_a,org_b":40}}；也可用 additive / coverage / weighted_voting',
    invalidJson: '不是有效的 JSON', saved: '已保存并重新计算', chartTitle: '各贡献方份额', utilityTable: '声明的效用', subset: '子集', utilityValue: '效用值',
    empty: '（空集）', exactNote: '精确值：遍历全部子集', sampledNote: (c: string) => `抽样估计：在 ${c} 置信度下，每个估计与真值之差不超过其误差上界（Hoeffding 不等式）`,
    open: '查看', productId: '产品编号', go: '打开',
  },
};
