/** 中文 — data-quality errors. */
export const qualityApiErrorsZhCN = {
  QUALITY_NO_DATA_FILE: '该资源还没有就绪的数据文件，也没有域内计算节点持有其数据，请先上传数据文件再检测',
  QUALITY_CHECK_NOT_LEASED: '该质量检测不在本计算节点名下进行',
  QUALITY_REPORT_INVALID: '计算节点返回的质量报告未通过校验',
  QUALITY_RUN_ACTIVE: '该资源已有排队或进行中的质量检测，请等它完成',
  QUALITY_BELOW_MINIMUM: '产品所含资源的数据质量评分低于平台设定的挂牌最低分',
};

/** 中文 — data quality (GB/T 36344-2018): rules, runs, reports and the trend. */
// prettier-ignore
export const qualityZhCN = {
  quality: {
    tab: '数据质量', title: '数据质量（GB/T 36344-2018）', overall: '综合评分', noScore: '暂无评分', rows: '检测行数',
    indicators: {
      conformance: '规范性', completeness: '完整性', accuracy: '准确性', consistency: '一致性', timeliness: '时效性', accessibility: '可访问性',
    },
    notApplicable: '无适用规则', latest: '最新质量报告', runAt: '检测时间', noReport: '尚未检测：上传数据文件后自动检测，或点击“运行检测”。',
    run: '运行检测', running: '检测中…', queued: '排队中', runStarted: '已开始检测', runDone: '质量检测已完成', runFailed: '质量检测失败',
    trigger: { upload: '上传触发', schedule: '定期检测', manual: '手动检测' },
    status: { queued: '排队中', running: '检测中', done: '已完成', failed: '失败' },
    rule: '规则', indicator: '指标', kind: '类型', columns: '字段', checked: '检查数', failed: '不合格数', score: '得分', examples: '不合格示例（已脱敏）',
    row: '行', noExamples: '无不合格记录',
    trend: '质量趋势', trendRun: '检测', trendEmpty: '至少完成一次检测后显示趋势',
    runs: '检测记录', error: '失败原因', triggerTitle: '触发方式', statusTitle: '状态',
    rules: '质量规则', rulesSuggested: '尚未保存规则：以下是根据最新数据文件画像建议的规则（身份证号列建议校验位规则，主键列建议唯一性规则），保存后生效。',
    rulesSaved: (v: number, by: string) => `第 ${v} 版，由 ${by} 保存`, rulesHelp: '规则为 JSON 数组，每条规则含 kind（类型）与 columns（字段），保存时由服务器校验并指出出错的位置。与本单位另一资源的字段比对（关联一致性）可写 {"kind": "reference", "columns": ["status"], "resource": "res_…", "column": "code"}。',
    rulesJsonInvalid: '不是有效的 JSON 数组', saveRules: '保存规则', rulesSavedDone: '质量规则已保存', noFileForRules: '没有就绪的数据文件，暂无法建议规则', rulesSuggestedInDomain: '以下规则由持有数据的域内计算节点根据数据建议，保存后生效',
    inDomain: '域内检查', inDomainHelp: '数据留在持有方的计算节点内检测，离开其域的只有这份质量报告（计数与脱敏示例），并经节点 SM2 签名',
    badge: (s: string) => `质量 ${s}`, badgeTip: '最新数据质量综合评分（GB/T 36344）',
    settings: '质量设置', weights: '指标权重', minListingScore: '挂牌最低分',
    settingsHelp: '综合评分为六项指标得分的加权平均（无适用规则的指标不计入），权重为 0 的指标不影响综合评分。',
    minListingHelp: '设定后，产品所含资源的最新综合评分低于此分（或尚未检测）时不得挂牌；留空表示不设门槛。',
  },
};

/** 中文 — the audit log's names of quality actions. */
export const qualityActionsZhCN: Record<string, string> = {
  'quality.rules.save': '保存质量规则',
  'quality.run.start': '开始质量检测',
  'quality.run.finish': '质量检测结束',
  'quality.settings.update': '修改质量设置',
};
