import type { ErrorCode } from '@shuliu/contracts';

/** 简体中文 — 数据需求 (demands), matching, answers and the 市场需求调查 page. */
// prettier-ignore
export const marketDemandsZhCN = {
  demands: {
    menu: '数据需求', board: '需求大厅', mine: '我的需求', answers: '我的应答', survey: '市场需求调查',
    boardSub: '需求方发布的数据需求，数据商可用已挂牌产品应答', searchPlaceholder: '搜索需求标题、描述与用途，如“普惠金融”',
    count: (n: number) => `共 ${n} 条征集中的需求`, empty: '暂无符合条件的需求', sector: '行业', region: '地区（省级）', anyRegion: '不限地区',
    clear: '清除筛选', sort: '排序', sortBy: { relevance: '相关度', newest: '最新发布', deadline: '截止日期', budget_desc: '预算从高到低' } as Record<string, string>,
    title: '需求标题', description: '需求描述', purpose: '用途 / 应用场景', grades: '可接受分级', budget: '预算', budgetMin: '预算下限（元）',
    budgetMax: '预算上限（元）', deadline: '截止日期', state: '状态', buyer: '需求方', postedAt: '发布时间', matches: '匹配', answersCount: '应答',
    budgetOpen: '面议', budgetUpTo: (x: string) => `不超过 ${x}`, budgetFrom: (x: string) => `${x} 起`,
    stateLabel: { open: '征集中', closed: '已关闭', expired: '已过期' } as Record<string, string>,
    post: '发布需求', edit: '修改需求', close: '关闭需求', closeReason: '关闭原因（可选）', closeConfirm: '关闭后不再接受应答，确定关闭？',
    posted: '需求已发布，已为您匹配挂牌产品', saved: '需求已保存，已重新匹配', closed: '需求已关闭', regionHelp: 'GB/T 2260 行政区划代码，如 370100（济南市）；留空表示不限地区',
    budgetOrder: '预算下限不能高于上限', deadlineHelp: '截止日（北京时间）当天仍可应答',
    myEmpty: '还没有发布需求', myEmptyHint: '发布需求后，平台将按文本、行业、分级、地区与价格为您匹配已挂牌的数据产品。',
    matchesTitle: '匹配的挂牌产品', merchantsTitle: '匹配的数据商', noMatches: '暂无匹配的挂牌产品；有新产品挂牌时会自动匹配并通知您',
    score: '匹配度', good: '高匹配', product: '数据产品', seller: '数据商', bestScore: '最高匹配度', productsCount: '匹配产品数',
    parts: '得分构成', notified: '已通知双方', answersTitle: '收到的应答', noAnswers: '暂无应答',
    part: { text: '文本相关度', sector: '行业', grade: '分级兼容', region: '地区', price: '价格与预算', credit: '信用' } as Record<string, string>,
    reason: {
      words: '命中需求关键词', same_sector: '行业相同', sub_sector: '属于所需行业的下级', related_sector: '同一大类行业', other_sector: '行业不同',
      grade_accepted: '分级在可接受范围内', grade_not_accepted: '分级不在可接受范围内', region_any: '需求不限地区', region_within: '在所需地区内',
      region_covers: '覆盖范围更大，包含所需地区', region_same_province: '同省其他地区', region_elsewhere: '地区不符', no_budget: '需求未设预算',
      price_within: '价格在预算内', price_near: '价格略超预算（20% 以内）', price_over: '价格超出预算', price_metered: '按量计价，总价取决于用量',
      no_price: '未设定价', credit_not_rated: '暂未评级（信用评价上线后计入）',
    } as Record<string, string>,
    words: (m: number, of: number) => `命中 ${m}/${of} 个词`, priceVs: (p: string, b: string) => `价格 ${p}，预算上限 ${b}`,
    answer: '应答', answerTitle: '应答需求', answerProduct: '以哪个已挂牌产品应答', answerMessage: '应答说明', answerPrice: '报价（元，可选）',
    answerPriceHelp: '留空表示按产品挂牌的定价', answered: '已提交应答，需求方将收到通知', noProducts: '本机构还没有已挂牌的数据产品，挂牌后才能应答需求',
    answerDemand: '应答的需求', answeredAt: '应答时间', answerState: { open: '有效', withdrawn: '已撤回' } as Record<string, string>,
    myAnswersEmpty: '还没有应答过需求', viewBoard: '去需求大厅', loginToAnswer: '登录后应答',
    surveySub: '需求方发布的数据需求按行业、地区、月份与预算区间统计', total: '需求总数', open: '征集中', answeredCount: '已获应答', matched: '有高匹配产品',
    bySector: '按行业', byRegion: '按地区（省级）', byMonth: '按月份', byBudget: '按预算区间', months: '统计月数', demandsCount: '需求数', budgetSum: '预算合计（元）',
    band: { none: '面议', lt_10k: '1 万元以下', '10k_100k': '1–10 万元', '100k_500k': '10–50 万元', '500k_1m': '50–100 万元', ge_1m: '100 万元以上' } as Record<string, string>,
  },
};

export const marketDemandsActionsZhCN: Record<string, string> = {
  'market.demand.create': '发布数据需求',
  'market.demand.update': '修改数据需求',
  'market.demand.close': '关闭数据需求',
  'market.demand.expire': '数据需求到期',
  'market.demand.answer': '应答数据需求',
};

export const marketDemandsApiErrorsZhCN = {
  MARKET_DEMAND_NOT_OPEN: '该需求已关闭或已过截止日期，不能再修改或应答',
  MARKET_DEMAND_NOT_YOURS: '只有发布该需求的机构可以修改、关闭或查看其匹配与应答',
  MARKET_DEMAND_BUDGET_INVALID: '预算下限不能高于预算上限',
  MARKET_DEMAND_DEADLINE_PAST: '截止日期不能早于今天（北京时间）',
  MARKET_ANSWER_NOT_OWN_PRODUCT: '只能用本机构的数据产品应答需求',
  MARKET_ANSWER_PRODUCT_NOT_LISTED: '只能用已挂牌的数据产品应答需求',
  MARKET_ANSWER_OWN_DEMAND: '不能应答本机构发布的需求',
  MARKET_ANSWER_EXISTS: '该产品已应答过这条需求',
} satisfies Partial<Record<ErrorCode, string>>;
