/** 简体中文 — DCMM 自评估的错误。 */
export const dcmmApiErrorsZhCN = {
  DCMM_ASSESSMENT_SUBMITTED: '该评估已提交，提交后不能再修改；如需更新请新建一次评估',
  DCMM_ASSESSMENT_INCOMPLETE: '还有题目没有作答：提交前须回答问卷中的全部题目',
  DCMM_COMPARE_ORGS_DIFFER: '只能对比同一单位的两次评估',
};

/** 简体中文 — 数据管理能力成熟度评估（DCMM，GB/T 36073-2018）。 */
// prettier-ignore
export const dcmmZhCN = {
  dcmm: {
    menu: 'DCMM 自评估', history: '评估记录', stats: 'DCMM 分布',
    intro: '按 GB/T 36073-2018《数据管理能力成熟度评估模型》的 8 个能力域自评：逐题作答“已满足 / 部分满足 / 未满足”并可附证明材料说明；某能力域达到某一等级，须该等级及以下各级的题目全部“已满足”（部分满足不计）；总分为 8 个能力域等级的平均值，总体等级为总分向下取整。',
    create: '新建自评估', title: '评估名称', titlePlaceholder: '例如：2026 年度 DCMM 自评估', created: '已创建评估草稿',
    status: { draft: '草稿', submitted: '已提交' }, statusTitle: '状态',
    areas: {
      strategy: '数据战略', governance: '数据治理', architecture: '数据架构', application: '数据应用',
      security: '数据安全', quality: '数据质量', standards: '数据标准', lifecycle: '数据生存周期',
    },
    levels: { 1: '初始级', 2: '受管理级', 3: '稳健级', 4: '量化管理级', 5: '优化级' } as Record<number, string>,
    levelN: (n: number) => `${n} 级`,
    answers: { yes: '已满足', partly: '部分满足', no: '未满足' },
    area: '能力域', domain: '能力项', level: '等级', evidences: '对应等级', score: '总分', overall: '总体等级',
    answered: (a: number, n: number) => `已答 ${a} / ${n} 题`, note: '证明材料说明', notePlaceholder: '制度文件、会议纪要、系统截图等（可选）',
    save: '保存本能力域', saved: '已保存', submit: '提交评估', submitConfirm: '提交后评估结果固定，不能再修改。确定提交？', submitted: '评估已提交',
    result: '评估结果', levelByArea: '各能力域等级', suggestions: '改进建议', suggestionsHelp: '达到下一等级尚未满足的题目',
    noSuggestions: '已达到最高等级', questionnaire: '问卷', open: '查看', org: '单位', createdAt: '创建时间', submittedAt: '提交时间', updatedAt: '更新时间',
    compare: '对比', compareHelp: '在列表中勾选同一单位的两次评估进行对比', compareTitle: '评估对比', from: '较早', to: '较晚', delta: '变化', scoreDelta: '总分变化',
    readOnly: '该评估已提交，以下为提交时的答案与结果', draftHint: '草稿：结果随答案实时计算，提交后固定',
    orgs: '已提交评估的单位', byLevel: '各总体等级的单位数', areaMeans: '各能力域平均等级', scoreMean: '平均总分', orgCount: '单位数', mean: '平均等级',
    allOrgs: '全部单位',
  },
};
