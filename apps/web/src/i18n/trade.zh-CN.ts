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
} satisfies Partial<Record<ErrorCode, string>>;
