import type { ErrorCode } from '@shuliu/contracts';

/** 简体中文 — the data resource catalog (数据资源目录): enum labels and page texts, merged into zh-CN. */
// prettier-ignore
export const catalogZhCN = {
  grade: {
    core: '核心数据', important: '重要数据', general_4: '一般数据(4级)', general_3: '一般数据(3级)', general_2: '一般数据(2级)',
    general_1: '一般数据(1级)',
  },
  subjectType: { public: '公共数据', organization: '组织数据', personal: '个人信息' },
  sourceKind: { collected: '自行采集', authorized: '授权', purchased: '购买' },
  openClass: { unconditional: '无条件开放', conditional: '有条件开放', closed: '不予开放' },
  processing: { raw: '原始', masked: '脱敏', labelled: '标签', statistical: '统计', fused: '融合' },
  updateFrequency: {
    realtime: '实时', daily: '每日', weekly: '每周', monthly: '每月', quarterly: '每季度', yearly: '每年', irregular: '不定期',
    once: '一次性',
  },
  piiKind: {
    idCard: '身份证号', mobile: '手机号', bankCard: '银行卡号', uscc: '统一社会信用代码', email: '电子邮箱', name: '姓名', address: '地址',
    plate: '车牌号', ip: 'IP 地址', biometric: '生物识别', health: '健康信息',
  } as Record<string, string>,
  fileRole: { data: '数据文件', evidence: '证明材料' },
  adminLevel: { province: '省级', city: '市级', county: '县级' },
  maskStrategy: {
    keep: '保留', mask: '遮盖', pseudonymize: '假名化 (HMAC-SM3)', hash: '哈希 (SM3)', generalize: '泛化', suppress: '抑制',
    round: '取整 / 分段', noise: '加噪',
  } as Record<string, string>,
  maskFormat: {
    name: '姓名', mobile: '手机号', idCard: '身份证号', bankCard: '银行卡号', address: '地址', email: '电子邮箱', plate: '车牌号',
    ip: 'IP 地址', partial: '自定义保留位数',
  } as Record<string, string>,
  catalog: {
    title: '资源目录', mineTitle: '我的资源', create: '新建资源', searchPlaceholder: '搜索资源名称、描述、关键词（支持中文全文检索）',
    sort: '排序', sortRelevance: '相关度', sortUpdated: '最近更新', sortTitle: '名称',
    facetSector: '行业分类', facetGrade: '数据分级', facetOpenClass: '开放属性', facetOrg: '提供机构', facetFormat: '数据格式',
    subjectType: '数据主体', status: '状态', clearFilters: '清除筛选', filters: '筛选', found: (n: number) => `找到 ${n} 个资源`,
    empty: '没有找到匹配的资源', emptyHint: '换个关键词，或清除筛选条件再试。', mineEmpty: '本机构还没有编目的资源',
    titleCol: '资源名称', sector: '行业分类', grade: '数据分级', openClass: '开放属性', docScore: '文档完整度', owner: '提供机构',
    updatedAt: '更新时间', format: '数据格式', version: '版本', processing: '加工程度', keywords: '关键词',
  },
  resource: {
    id: '资源 ID', title: '资源名称', titleEn: '英文名称', description: '资源描述', descriptionEn: '英文描述', sector: '行业分类',
    subjectType: '数据主体', sourceKind: '数据来源', sourceMethod: '采集方式', updateFrequency: '更新频率', format: '数据格式',
    spatialCoverage: '空间范围', temporal: '时间范围', temporalFrom: '起始日期', temporalTo: '截止日期', keywords: '关键词',
    openClass: '开放属性', grade: '数据分级', computedGrade: '计算分级', manualGrade: '人工分级', status: '状态', version: '版本',
    processing: '加工程度', derivedFrom: '来源资源', docScore: '文档完整度', owner: '提供机构', createdAt: '创建时间',
    updatedAt: '更新时间', publishedAt: '发布时间', retiredAt: '下架时间',
    tabs: { overview: '概况', schema: '字段与分级', files: '文件与画像', masking: '脱敏', versions: '版本', lineage: '血缘' },
    edit: '编辑', publish: '发布', publishTitle: '发布资源',
    publishDesc: '发布后，资源按其分级和开放属性在目录中对其他机构可见。核心数据不能发布。', published: '资源已发布',
    publishedNext: '资源已在目录中发布。公共数据可在开放数据门户查看；其他机构可以申请使用。', viewInCatalog: '在目录中查看',
    retire: '下架', retireTitle: '下架资源', retireReason: '下架原因', retired: '资源已下架',
    applyOpen: '申请使用（有条件开放）', notFound: '资源不存在，或您无权查看',
    draftHint: '草稿只有本机构可见。完善描述、上传数据文件并确认分级后即可发布。',
    derivedHint: '本资源是脱敏衍生资源，其数据文件正在后台脱敏、画像并重新分级，完成后这里会列出字段。',
  },
  schema: {
    column: '字段', type: '类型', pii: '个人信息', computedGrade: '计算分级', grade: '当前分级', raise: '调整分级',
    raiseTitle: '调整分级（只能调高）', datasetGrade: '数据集分级', reason: '调整原因',
    help: 'GB/T 43697-2024 就高从严：人工分级只能在计算分级的基础上调高，不能调低；数据集取其最敏感字段的分级。',
    graded: '分级已更新', empty: '还没有字段。上传数据文件并完成画像后，这里会列出字段、识别出的个人信息和建议分级。',
    raised: '已调高', unchanged: '未调整',
  },
  files: {
    upload: '上传文件', role: '文件用途', hint: '数据文件支持 CSV、TSV、JSON Lines、XLSX、Parquet；证明材料不限格式。',
    uploading: (name: string) => `正在上传 ${name}`, profiling: '正在画像：统计行数、字段类型、空值率、识别个人信息…',
    uploaded: '上传完成，开始画像', profiled: '画像完成', failed: '文件处理失败', name: '文件名', size: '大小', rows: '行数',
    sm3: 'SM3 摘要', status: '状态', progress: '进度', createdAt: '上传时间', download: '下载', profile: '查看画像',
    empty: '还没有文件', profileTitle: (name: string) => `数据画像 · ${name}`, encoding: '编码', datasetGrade: '建议数据集分级',
    columns: '字段画像', nullRate: '空值率', distinct: '不同值（估计）', min: '最小值', max: '最大值', sensitive: '敏感个人信息',
    suggestedGrade: '建议分级', defaultRule: '默认脱敏', sample: '脱敏样例（前几行，已按默认策略脱敏）', cancel: '取消上传',
    cancelled: '已取消上传', sampleHidden: '脱敏样例仅对数据提供方和监管方可见',
  },
  masking: {
    needFile: '需要一个画像完成的数据文件才能配置脱敏。请先在「文件与画像」中上传数据文件。', sourceFile: '源文件',
    column: '字段', detected: '识别结果', suggestedGrade: '建议分级', strategy: '脱敏策略', options: '参数', confidence: '置信度',
    preview: '实时预览', before: '脱敏前', after: '脱敏后', previewFailed: '预览失败', reset: '恢复默认策略', rows: '预览行数',
    deriveTitle: '衍生资源名称', derive: '生成脱敏衍生资源', derivedTitle: '已生成脱敏衍生资源',
    derivedSub: (title: string) => `「${title}」已作为草稿创建，其数据文件正在后台按所选策略脱敏并重新画像、重新分级。下一步：检查衍生资源的分级并发布。`,
    viewDerivative: '查看衍生资源', stay: '留在本页', titleSuffix: '（脱敏）', ownerOnly: '只有数据提供方可以配置脱敏。',
    keepsTitle: '将保留明文个人标识',
    keepsIdentifiers: (columns: string) => `字段 ${columns} 识别为个人标识，所选策略为「保留」。衍生资源仍含明文个人信息，将按原始个人信息分级和管理：不能授权给其他机构、不能开放、其他机构不能下载（个人信息保护法第二十三条）。`,
    deriveAnyway: '仍然生成',
    format: '格式', keep: '保留位', keepFirst: '保留前几位', keepLast: '保留后几位', maskChar: '遮盖字符', length: '长度',
    prefix: '前缀', salt: '盐值', method: '方法', width: '区间宽度', to: '粒度', year: '到年', month: '到月', fill: '填充字符',
    replacement: '替换为', step: '步长', buckets: '分段点（逗号分隔）', scale: '噪声尺度', distribution: '分布', decimals: '小数位',
    band: '数值分段', date: '日期', prefixMethod: '保留前缀', laplace: '拉普拉斯', uniform: '均匀', empty: '（空）',
  },
  versions: {
    version: (n: number) => `第 ${n} 版`, by: '修改人', noNote: '（未填写说明）', empty: '还没有版本记录',
  },
  lineage: {
    source: '来源资源', derivatives: '衍生资源', current: '本资源', none: '本资源不是衍生资源，也还没有衍生资源。',
    noDerivatives: '还没有衍生资源',
  },
  resourceForm: {
    createTitle: '新建资源', editTitle: '编辑资源', basic: '基本信息', source: '来源与更新', scope: '范围与开放',
    note: '变更说明', noteHelp: '说明本次修改的原因，记入版本历史', keywordsHelp: '输入后回车，最多 20 个',
    openClassHelp: '只有公共数据设置开放属性；无条件开放限一般数据(1级)，有条件开放限一般数据(3级)及以下。',
    sourceMethodHelp: '自行采集的数据须说明采集方式', sectorPlaceholder: '选择行业分类', created: '资源已创建',
    createdNext: '资源已作为草稿保存。下一步：上传数据文件，系统会自动识别个人信息并建议分级。', goUpload: '去上传数据文件',
    saved: '资源已更新，已生成新版本',
  },
  openData: {
    title: '开放数据门户', subtitle: '公共数据开放：无条件开放的数据可直接下载，有条件开放的数据登录后申请使用。',
    dcat: 'DCAT 3 元数据 (JSON-LD)', searchPlaceholder: '搜索开放数据', download: '下载', apply: '申请使用', applyLogin: '登录后申请使用',
    purpose: '用途说明', purposeHelp: '说明使用数据的目的、范围和期限，数据提供方据此审核。', applied: '申请已提交',
    appliedNext: '数据提供方审核通过后即可下载。审核结果会通过站内消息通知您。', viewRequests: '查看我的申请',
    approved: '您的申请已通过，可以下载数据文件。', pending: '您的申请正在审核中。', rejected: '您的申请未通过：',
    files: '数据文件', back: '返回开放数据门户', noFiles: '该资源还没有可下载的文件', count: (n: number) => `共 ${n} 个开放数据资源`,
    public: '公开访问，无需登录',
  },
  openReq: {
    title: '开放申请', incoming: '收到的申请', outgoing: '我的申请', resource: '资源', applicant: '申请机构', owner: '提供机构',
    purpose: '用途', status: '状态', createdAt: '申请时间', decidedAt: '审核时间', reason: '意见', approve: '同意', reject: '驳回',
    approveTitle: '同意该开放申请？', approveDesc: '同意后，申请机构可以下载该资源的数据文件。', rejectTitle: '驳回开放申请',
    rejectReason: '驳回原因', approveNote: '审核意见（选填）', approved: '已同意该申请', rejected: '已驳回该申请',
  },
  sectors: {
    title: '行业分类', create: '新增分类', edit: '编辑分类', code: '分类代码', parent: '上级分类', name: '名称', nameEn: '英文名称',
    sort: '排序', resources: '资源数', remove: '删除', removeConfirm: '确认删除该分类？', removed: '分类已删除', created: '分类已新增',
    updated: '分类已更新', codeHelp: '小写英文单词，以“.”分隔层级，如 transport.road', root: '（顶级分类）',
    inUse: '该分类下还有资源或子分类', addChild: '新增子类',
  },
};

export type CatalogMessages = typeof catalogZhCN;

/** Audit actions of the catalog, merged into the `action` section. */
// prettier-ignore
export const catalogActionsZhCN: Record<string, string> = {
    'catalog.sector.create': '新增行业分类', 'catalog.sector.update': '修改行业分类', 'catalog.sector.delete': '删除行业分类',
    'catalog.resource.create': '新建资源', 'catalog.resource.update': '修改资源', 'catalog.resource.grade': '调整资源分级',
    'catalog.resource.publish': '发布资源', 'catalog.resource.retire': '下架资源', 'catalog.resource.derive': '生成脱敏衍生资源',
    'catalog.resource.mask_preview': '脱敏预览', 'catalog.file.upload': '上传资源文件', 'catalog.open_request.create': '申请有条件开放数据',
    'catalog.open_request.decide': '审核开放申请', 'catalog.sharing.request': '申请政务共享', 'catalog.sharing.approve': '同意共享申请',
    'catalog.sharing.reject': '驳回共享申请', 'catalog.sharing.deliver': '共享交付', 'catalog.sharing.withdraw': '撤回共享申请',
    'catalog.return_flow.create': '登记数据回流', 'catalog.return_flow.deliver': '数据回流交付', 'catalog.survey.snapshot': '资源调查快照',
};

/** Error codes of the catalog and masking, merged into the `apiError` section. */
// prettier-ignore
export const catalogApiErrorsZhCN = {
    CATALOG_SECTOR_UNKNOWN: '行业分类不存在', CATALOG_SECTOR_EXISTS: '该分类代码已存在', CATALOG_SECTOR_IN_USE: '该分类下还有资源或子分类，请先移走',
    CATALOG_SECTOR_HELD: '有生效中的授权运营指定了该分类，授权终止前不能删除',
    CATALOG_GRADE_BELOW_COMPUTED: '人工分级只能调高，不能低于计算分级', CATALOG_CORE_NOT_PUBLISHABLE: '核心数据不予登记，也不得发布、挂牌或开放（GB/T 43697-2024 第 6.2 条）',
    CATALOG_OPEN_CLASS_REFUSED: '该资源的分级或数据主体不允许此开放属性', CATALOG_ILLEGAL_TRANSITION: '资源当前状态不允许此操作',
    CATALOG_NOT_OWNER: '只有资源所属机构可以修改该资源', CATALOG_FILE_REJECTED: '文件无法读取或格式不受支持',
    CATALOG_FILE_NOT_READY: '文件仍在处理中，请稍后再试', CATALOG_NOT_DOWNLOADABLE: '您无权下载该文件',
    CATALOG_RAW_PERSONAL_INFO: '该数据含明文个人信息，只能以脱敏后的衍生资源提供给其他机构（个人信息保护法第二十三条）',
    CATALOG_REQUEST_NOT_ALLOWED: '该资源不接受此申请', CATALOG_SHARING_NOT_GOVERNMENT: '只有政府部门（公共数据主管部门）可以办理政务共享',
    CATALOG_SHARING_NOT_ALLOWED: '该资源不能通过政务共享申请', CATALOG_SHARING_DUPLICATE: '本部门对该资源已有未办结的申请',
    CATALOG_SHARING_ILLEGAL_TRANSITION: '申请当前状态不允许此操作', CATALOG_SHARING_WRONG_SIDE: '此操作应由申请的另一方办理',
    CATALOG_RETURN_FLOW_REFUSED: '不允许登记该回流', CATALOG_RETURN_FLOW_NOT_PROVINCIAL: '只有省级部门承担数据回流义务',
    CATALOG_RETURN_FLOW_DUPLICATE: '该资源已登记回流到该部门', CATALOG_RETURN_FLOW_DELIVERED: '该回流已交付',
    PROTECT_RULES_INVALID: '脱敏规则不正确', PROTECT_RULES_UNKNOWN_COLUMN: '脱敏规则中有不存在的字段',
    PROTECT_KEY_REQUIRED: '假名化需要密钥', PROTECT_KEY_INVALID: '假名化密钥不正确',
    QUALITY_RULES_INVALID: '质量规则不正确', QUALITY_RULES_UNKNOWN_COLUMN: '质量规则中有不存在的字段',
    QUALITY_WEIGHTS_INVALID: '质量指标权重不正确',
    BLOB_TOO_LARGE: '文件超过大小上限', BODY_TOO_LARGE: '文件超过大小上限',
} satisfies Partial<Record<ErrorCode, string>>;
