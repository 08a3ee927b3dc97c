/** 简体中文 — 域内计算（计算节点、数据集与发布策略）的错误。 */
export const computeApiErrorsZhCN = {
  COMPUTE_AGENT_EXISTS: '本单位已有同名计算节点',
  COMPUTE_AGENT_KEY_TAKEN: '该公钥已登记给其他计算节点：每个节点须自行生成密钥对',
  COMPUTE_AGENT_REVOKED: '该计算节点已吊销',
  COMPUTE_AGENT_SIGNATURE_INVALID: '计算节点的请求签名无效、已过期或重复使用了随机数',
  COMPUTE_AGENT_SIGNATURE_REQUIRED:
    '这是计算节点自身的调用：须以节点登记的 SM2 密钥签名（不接受登录令牌或 API 令牌）',
  COMPUTE_DATASET_WITHDRAWN: '该数据集已撤下：其计算节点不再报告它',
  COMPUTE_ENROLMENT_INVALID: '注册码错误、已使用或已过期：请单位管理员重新生成',
  COMPUTE_POLICY_INVALID: '发布策略与数据集的字段不符',
};
