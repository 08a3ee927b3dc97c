/** 简体中文 — 文件交付 (an order's fingerprinted files) and 泄露溯源 (tracing a leaked file). */
// prettier-ignore
export const tradeDeliveryZhCN = {
  delivery: {
    filesTitle: '交付文件',
    filesIntro: '每份文件是脱敏衍生数据为本订单买方单独制作的副本，嵌入了可追溯到本订单的数字指纹；请勿对外提供。下载次数受合同与使用策略约束，每次下载均留存审计记录。',
    resource: '数据资源', name: '文件名', rows: '行数', size: '大小', sm3: 'SM3 摘要',
    downloads: '已下载', left: '剩余次数', unlimited: '不限', lastDownload: '最近下载',
    consentFiltered: '按个人同意过滤',
    consentHint: (v: string) => `涉及个人的数据：每次下载只含对买方场景版本 ${v} 的同意仍有效的个人，撤回同意者自下一次下载起不再包含`,
    withheld: (n: number) => `当前副本剔除 ${n} 行`,
    notPrepared: '首次下载时生成', download: '下载', downloadCsv: 'CSV', downloadXlsx: 'Excel (XLSX)',
    downloading: '正在下载…', downloaded: (name: string) => `已下载 ${name}`,
    exhausted: '下载次数已用完',
    noFiles: '暂无交付文件', noFilesHint: '卖方交付文件类订单后，这里会列出为您单独制作的数据副本。',
    notYetDelivered: '订单交付后方可下载',
    onlyBuyer: '交付文件仅供买方单位成员下载',
    // 泄露溯源
    traceMenu: '泄露溯源', traceTitle: '泄露溯源',
    traceIntro: '上传在外部发现的疑似泄露数据文件（CSV 或 XLSX），平台将与所有已交付副本的数字指纹比对，定位其来源订单与买方。文件经过重新排序、删减列或格式转换仍可识别。每次溯源均记录审计日志。',
    dropHint: '点击或将文件拖到此处', dropTypes: '支持 CSV、TSV、XLSX，单个文件不超过 64 MB',
    uploading: (name: string) => `正在上传并比对 ${name}…`, again: '再溯源一个文件',
    matched: '已溯源到交付订单', matchedSub: (order: string) => `该文件与订单 ${order} 的交付副本指纹一致`,
    noMatch: '未匹配到任何交付副本', noMatchSub: '该文件不携带本平台任何交付副本的指纹，或保留的列不足以读出指纹。',
    order: '订单', contract: '合同编号', buyer: '买方', seller: '卖方', product: '数据产品', copy: '交付副本',
    deliveredAt: '交付时间', copyDownloads: '副本下载次数',
    statistics: '检测统计', marks: '指纹位匹配', pValue: 'p 值', cellsRead: '读取的标记单元格', candidates: '比对的副本数',
    alpha: '判定阈值 α', fileSm3: '上传文件 SM3', fileShape: '文件规模',
    shape: (rows: number, cols: number) => `${rows} 行 × ${cols} 列`,
    marksOf: (m: number, n: number) => `${m} / ${n}`,
    statsNote: 'p 值为一个并非为该订单制作的文件偶然达到同等匹配程度的概率；仅当 p 值乘以比对副本数低于 α 时才判定匹配。',
  },
};
