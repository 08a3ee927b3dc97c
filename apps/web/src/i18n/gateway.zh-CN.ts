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

/** 简体中文 — 接口交付：卖方的上游配置，买方的密钥、额度与用量。 */
// prettier-ignore
export const gatewayZhCN = {
  gateway: {
    panel: '接口交付（API 网关）', endpoint: '调用地址', keyTitle: 'API 密钥', noKey: '尚未签发密钥',
    issue: '签发密钥', rotate: '轮换密钥', revoke: '吊销', revoked: '已吊销', live: '有效',
    rotateConfirm: '轮换后旧密钥立即失效，确定继续？', revokeConfirm: '吊销后该密钥立即失效，确定继续？',
    secretOnce: '请立即复制并妥善保存：密钥只显示这一次，平台只保存其摘要。',
    howToCall: '调用时以请求头 X-Api-Key 携带密钥，并以 X-Purpose 携带约定用途（UTF-8 百分号编码）。',
    quota: '预付调用次数', used: '已用', left: '剩余', unlimited: '不限',
    usage: '用量', callsPerDay: '每日调用次数', refusedPerDay: '每日拒绝次数', latency: '延迟（毫秒）',
    calls: '调用', billable: '计费调用', refused: '被拒绝', p50: 'p50 延迟', p99: 'p99 延迟', charge: '按次费用',
    reason: { policy: '不符合使用策略', rate_limited: '超过频率上限', quota_exhausted: '额度用尽', not_serving: '订单不在服务期' },
    day: '日期',
    upstream: '上游接口配置', upstreamHelp: '买方经平台网关调用；网关附加下方凭证，且从不转发买方的凭证。凭证加密保存，保存后不再显示。',
    url: '上游地址', credentialHeader: '凭证请求头', credential: '凭证值', credentialKept: '已保存凭证（留空则保持不变）',
    clearCredential: '清除已保存的凭证', ratePerSecond: '每订单每秒调用上限', timeoutMs: '超时（毫秒）',
    save: '保存', saved: '上游配置已保存', notConfigured: '尚未配置上游：API 订单交付前须先配置。',
  },
};
