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

/** 简体中文 — 域内计算：计算工作台、任务与回执、计算节点。 */
// prettier-ignore
export const computeZhCN = {
  compute: {
    menu: '域内计算', workbench: '计算工作台', agents: '计算节点', jobs: '计算任务',
    intro: '原始数据不出域、数据可用不可见：查询在数据持有方域内的计算节点上执行，只返回满足发布策略（最小分组 k、差分隐私噪声）的聚合结果，并附节点签名回执。',
    dataset: '数据集', pickDataset: '选择可计算的数据集', noDatasets: '暂无可计算的数据集', table: 'SQL 表名', columns: '字段', rows: '行数',
    holder: '持有方', k: '最小分组 k', epsilonLeft: '本单位剩余预算 ε', perQuery: '每次查询 ε 上限', noPolicy: '持有方尚未设置发布策略',
    sql: 'SQL', sqlHelp: '仅允许一条 SELECT 聚合查询（count、sum、avg、var、stddev），可 GROUP BY 字段；不得返回行级数据。',
    epsilon: '本次消耗 ε', epsilonHelp: '留空则按策略的每次上限', contract: '合同编号', contractHelp: '在其他单位的数据集上计算，须依据已成立、交付方式为计算服务的合同',
    purpose: '用途', submit: '提交计算', submitted: (id: string) => `已提交任务 ${id}`,
    history: '任务记录', statusTitle: '状态', side: { consumer: '本单位提交的', owner: '在本单位数据上运行的' }, allStatuses: '全部状态',
    status: { queued: '排队中', running: '计算中', review: '待审核放行', done: '已完成', refused: '已拒绝', failed: '失败', withheld: '未放行' },
    basis: { owner: '持有方自有分析', contract: '依合同' },
    id: '任务编号', submittedAt: '提交时间', finishedAt: '完成时间', consumer: '提交方', attempts: '尝试次数', queryHash: '查询摘要（SM3）',
    reason: '原因', rule: '规则', result: '结果', suppressed: (n: number) => `${n} 个分组不足 k 个隐私单位，未予显示`, mechanism: '噪声机制',
    privacySpent: '隐私消耗', receipt: '签名回执', ledgerIndex: '账本序号', resultHash: '结果摘要（SM3）', signature: '节点签名', keyId: '节点密钥标识',
    receiptVerified: '回执签名已在浏览器中核验', receiptUnverified: '回执签名核验失败', resultPending: '结果产生后显示于此', resultHidden: '结果待持有方审核后放行',
    release: '放行', withhold: '不予放行', withholdReason: '不予放行的原因', reviewHelp: '重要数据的计算结果须经持有方审核后才交给提交方。', reviewed: '已处理',
    agent: '计算节点', health: { never_seen: '未连接', healthy: '在线', silent: '失联', revoked: '已吊销' }, lastSeen: '最近在线', datasets: '数据集数',
    agentStatus: { pending: '待注册', active: '已注册', revoked: '已吊销' }, newAgent: '登记计算节点', agentName: '节点名称', agentNameHelp: '小写字母开头，仅含 a–z、0–9 与下划线',
    description: '说明', created: '已登记', enrolmentCode: '一次性注册码', enrolmentOnce: '注册码只显示这一次，24 小时内有效：在节点所在机器上运行下列命令完成注册。',
    revoke: '吊销', revokeConfirm: '吊销后该节点的签名立即失效，其数据集全部撤下。确定吊销？', reenrol: '重新注册', agentsIntro: '计算节点运行在数据持有方域内，只主动连接平台、不开放端口；每个请求以其 SM2 密钥签名。',
    policy: {
      title: '发布策略', edit: '设置发布策略', help: '决定哪些结果可以离开计算节点：每个隐私单位最多贡献的行数、最小分组 k、数值字段的声明范围（超出即截断），以及差分隐私预算（ε、δ）和每个使用方可用的份额。',
      privacyUnit: '隐私单位字段', privacyUnitHelp: '代表被保护的个人或企业的字段，如患者号、企业标识', maxContributions: '每单位最多行数',
      epsilonTotal: '总预算 ε', deltaTotal: '总预算 δ', consumerShare: '单个使用方份额', consumerShareHelp: '占总预算的比例，0–1',
      mechanism: '噪声机制', joinKeys: '允许关联的字段', manualRelease: '结果人工审核放行', bounds: '数值字段的声明范围', boundsHelp: '求和、平均、方差只对声明了范围的字段开放；值先截断到范围内再聚合。',
      lower: '下限', upper: '上限',
    },
    org: '单位', software: '软件版本', noAgents: '暂无计算节点', noJobs: '暂无计算任务', viewJob: '查看',
  },
};
