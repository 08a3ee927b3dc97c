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
  COMPUTE_BASIS_MISSING:
    '没有合同或授权允许本单位在该数据集上计算：需已成立、交付方式为计算服务且涵盖该数据资源的合同',
  COMPUTE_BUDGET_EXHAUSTED: '隐私预算不足以支付本次查询',
  COMPUTE_JOB_NOT_IN_REVIEW: '该任务的结果不在待审核状态',
  COMPUTE_JOB_NOT_RUNNING: '该任务不在运行中',
  COMPUTE_POLICY_MISSING: '数据集的发布策略尚不允许此任务',
  COMPUTE_QUERY_REFUSED: '该查询超出了允许在数据集上执行的范围',
  COMPUTE_RESULT_INVALID: '计算节点返回的结果未通过校验：哈希、隐私消耗或签名不符',
};
