/** The zh-CN headings of the disclosure workbook (财会〔2023〕11号 §四: amounts in yuan). */
export const DISCLOSURE_LABELS = {
  columns: [
    '类别',
    '来源',
    '期初账面价值（元）',
    '本期增加（元）',
    '本期摊销（元）',
    '本期减值（元）',
    '期末账面价值（元）',
  ],
  classification: { intangible: '无形资产', inventory: '存货', expensed: '费用化' },
  source: { purchased: '外购', self_developed: '自行开发', other: '其他' },
} as const;
