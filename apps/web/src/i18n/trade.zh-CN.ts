import type { ErrorCode } from '@shuliu/contracts';

/** 简体中文 — 交易磋商 (contract negotiation) errors. */
export const tradeApiErrorsZhCN = {
  TRADE_NOT_YOUR_MOVE: '当前磋商状态下不由您执行此步骤',
  TRADE_NEGOTIATION_CLOSED: '磋商已成交或已终止，不再接受新的步骤',
  TRADE_PRODUCT_NOT_OFFERED: '该产品未在市场挂牌，不能发起磋商',
  TRADE_OWN_PRODUCT: '不能购买本单位自己的产品',
  TRADE_POLICY_REFUSED: '交易条件超出该产品的使用策略（ODRL）',
  TRADE_TERMS_INVALID: '交易条件与产品不符',
  TRADE_CONSENT_SCENARIO_REQUIRED: '一场景一授权：涉及个人的数据须关联个人已同意的、经审核的买方场景',
  TRADE_IDEMPOTENCY_MISMATCH: '该幂等键已用于另一个不同的请求',
  TRADE_CONTRACT_OUT_OF_ORDER: '合同签署顺序不符：须买方先签署、卖方后签署，且每方只签一次',
  TRADE_CONTRACT_SIGNATURE_INVALID: '签名无效：与合同文本或本单位签名密钥不符',
  TRADE_ORDER_OUT_OF_ORDER: '订单当前状态下不能执行此操作',
  TRADE_CONTRACT_NOT_CONCLUDED: '合同尚未由双方签署成立，不能下单',
  TRADE_SOLD_OUT: '该产品的许可席位已售罄（或为独占许可且已售出）',
  TRADE_ACCEPTANCE_PERIOD_OVER: '验收期已过，交付已视为验收合格',
  TRADE_CONSENT_UNMATCHED:
    '一场景一授权：涉及个人的文件只含同意仍有效的个人，而该文件的行无法对应到个人（请从含身份证号列的源数据重新脱敏衍生）',
  TRADE_DEIDENTIFIED_FILE_MISSING: '文件只以去标识化形式交付：该产品有数据资源尚无已就绪的脱敏衍生文件',
  TRADE_DOWNLOADS_EXHAUSTED: '已达合同约定的使用次数上限，该文件不能再下载',
} satisfies Partial<Record<ErrorCode, string>>;

/** 简体中文 — 交易磋商 pages: the deal request, 我的磋商 and the negotiation room. */
// prettier-ignore
export const tradeZhCN = {
  trade: {
    menu: '交易', negotiations: '我的磋商', listIntro: '作为买方或卖方参与的交易磋商，按最近动态排序。',
    asBuyer: '我购买的', asSeller: '我出售的', allStates: '全部状态', stateFilter: '状态',
    state: {
      requested: '已请求', offered: '已报价', accepted: '已接受', agreed: '已成交', verified: '已验证', finalized: '已生效',
      terminated: '已终止',
    } as Record<string, string>,
    stepTitle: {
      requested: '请求', offered: '报价', accepted: '接受', agreed: '成交', verified: '合同验证', finalized: '合同生效',
    } as Record<string, string>,
    awaiting: '待谁操作', awaitingYou: '待您操作', awaitingOther: '待对方操作', awaitingNone: '—',
    counterpart: '对方', product: '数据产品', latestPrice: '最新价格', round: '轮次', updatedAt: '最近动态', noNegotiations: '暂无磋商',
    noNegotiationsHint: '在数据产品页点击“发起磋商”，即可向卖方提出交易条件。', open: '进入磋商',
    side: { buyer: '买方', seller: '卖方', platform: '平台' } as Record<string, string>,
    kind: { request: '提出请求', offer: '报价', accept: '接受报价', agree: '同意成交', terminate: '终止磋商' } as Record<string, string>,
    // the terms form
    request: '发起磋商', requestTitle: '发起磋商：提出交易条件', requestIntro: '交易条件发送前先按产品的使用策略自查；最终以平台校验为准。',
    template: '合同示范文本',
    templates: { provision: '数据提供', entrusted_processing: '数据委托处理', fusion_development: '数据融合开发', intermediary: '数据中介' } as Record<string, string>,
    deliveryMode: '交付方式', purpose: '使用目的', purposeHelp: '须为产品使用策略允许的用途', region: '使用地区', regionHelp: 'GB/T 2260 行政区划代码，如 370200（青岛市）',
    scope: '使用范围', scopeHelp: '以双方的话写明可对数据做什么', term: '使用期限', startsOn: '起始日', endsOn: '截止日', endsBeforeStart: '截止日不得早于起始日',
    price: '价格（元）', priceHelp: '整个期限的价格；按次计费的接口为每次价格', maxUses: '最多使用次数', maxUsesHelp: '留空表示不限次数',
    scenario: '个人信息授权场景版本', scenarioHelp: '涉及个人的数据须关联经审核、个人已同意的本单位场景版本（scv_…）',
    message: '附言', send: '发送请求', sent: '磋商请求已发送', checkTitle: '使用策略自查', checkAllowed: '交易条件在产品的使用策略之内',
    checkRefused: '交易条件超出产品的使用策略', checkNone: '该产品未设使用策略', checkNotRun: '填写条件后自动自查',
    refusedAt: (path: string) => `未满足的约束：${path}`, retryNote: '网络中断后重试会沿用同一请求编号，不会重复提交。',
    // the room
    roomTitle: '交易磋商', parties: '双方', buyer: '买方', seller: '卖方', terms: '当前条件', timeline: '磋商记录', changed: '本轮变更',
    firstRound: '首轮条件', noMessage: '（无附言）', terminationReason: '终止原因',
    counter: '还价', counterTitle: '还价：提出新的交易条件', counterSent: '新条件已发送', accept: '接受报价', acceptConfirm: '接受当前报价？接受后由卖方确认成交。',
    accepted: '已接受报价', agree: '同意成交', agreeConfirm: '按当前条件成交？成交后进入合同签署。', agreedDone: '已同意成交',
    terminate: '终止磋商', terminateTitle: '终止磋商', terminateHelp: '终止后双方都不能再继续此次磋商。', reason: '终止原因',
    reasonRequired: '请填写终止原因', terminated: '磋商已终止', stepMessage: '附言（可选）',
    contract: '合同签署', contractPending: '待签署', contractNext: '双方已就条件达成一致，合同已按示范文本起草：买方先签，卖方后签（机构 SM2 密钥，可用平台托管密钥或 `shuliu trade sign-contract` 离线签署）。',
    contractDone: '双方均已签署，合同成立；签署与成立均已写入透明账本，可用 `shuliu verify-contract` 离线核验。',
    viewContract: '查看合同',
    contractStates: { agreed: '待买方签署', verified: '买方已签署，待卖方签署', finalized: '合同成立' },
    autoAccept: '自动成交', autoAcceptHelp: '开启后，按挂牌价格且符合使用策略的请求由平台自动同意成交。', autoAcceptOn: '已开启自动成交',
    autoAcceptOff: '已关闭自动成交', yourTurn: '轮到您了', waitOther: '等待对方回应', closed: '磋商已结束', viewProduct: '查看产品',
    createdAt: '发起时间', notParty: '您不是此次磋商的一方，仅可查看。', unlimited: '不限',
  },
};
