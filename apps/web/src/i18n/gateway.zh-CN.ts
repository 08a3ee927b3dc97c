/** 简体中文 — 接口交付（计量网关）的错误。 */
export const gatewayApiErrorsZhCN = {
  TRADE_GATEWAY_KEY_INVALID: 'API 密钥无效：缺失、已吊销或不属于该订单（平台登录令牌不能用于网关）',
  TRADE_GATEWAY_NOT_SERVING: '该订单当前不提供接口服务：仅在已交付或已验收且处于合同期限内时可调用',
  TRADE_GATEWAY_PATH_INVALID: '调用路径无效：不得包含 . 或 .. 路径段，且长度有限',
  TRADE_GATEWAY_POLICY_REFUSED: '本次调用不符合合同约定的使用策略（ODRL），例如用途与约定不一致',
  TRADE_GATEWAY_QUOTA_EXHAUSTED: '该订单预付的调用次数已用完',
  TRADE_GATEWAY_RATE_LIMITED: '调用过于频繁，超过该订单每秒调用上限，请稍后重试',
  TRADE_GATEWAY_UPSTREAM_FAILED: '卖方上游接口未应答或超时，本次调用不计费、不计次',
  TRADE_NOT_API_DELIVERY: '该产品或订单不是以 API 方式交付',
  TRADE_UPSTREAM_NOT_CONFIGURED: '该产品尚未配置上游接口：请卖方先配置，再交付 API 订单',
  TRADE_UPSTREAM_URL_REFUSED: '网关不访问该地址（链路本地、云元数据或未经平台允许的内网地址）',
};
