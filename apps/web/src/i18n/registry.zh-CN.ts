import type { ErrorCode } from '@shuliu/contracts';

/** 简体中文 — data property-rights registration (数据产权登记) and certificates, merged into zh-CN. */
// prettier-ignore
export const registryZhCN = {
  dataRight: { holding: '数据资源持有权', processing: '数据加工使用权', operating: '数据产品经营权' } as Record<string, string>,
  regCategory: { data_property: '数据产权登记', data_ip: '数据知识产权登记' } as Record<string, string>,
  regType: {
    initial: '首次登记', license: '许可登记', transfer: '转移登记', change: '变更登记', cancel: '注销登记', objection: '异议登记',
    renew: '续展登记', pledge: '质押登记', release: '解押登记',
  } as Record<string, string>,
  regStatus: {
    draft: '草稿', submitted: '待受理', under_review: '审查中', publicizing: '公示中', objected: '异议处理中', approved: '待核发',
    issued: '已发证', rejected: '不予登记', withdrawn: '已撤回',
  } as Record<string, string>,
  certStatus: {
    valid: '有效', licensed: '已许可', pledged: '质押', disputed: '异议', frozen: '冻结', expired: '过期', cancelled: '注销',
  } as Record<string, string>,
  objStatus: { open: '待处理', upheld: '异议成立', dismissed: '异议不成立' } as Record<string, string>,
  evidenceKind: {
    authorization: '数据来源授权书', purchase_contract: '采购合同', collection_method: '采集方式说明', transfer_contract: '转让合同',
    license_agreement: '许可协议', pledge_contract: '质押合同', release_agreement: '解押协议', inspection_report: '查验报告',
    objection_evidence: '异议证据', other: '其他材料',
  } as Record<string, string>,
  regDeclaration: {
    truthful: { title: '信息真实', text: '本机构提交的登记信息与证明材料真实、准确、完整，如有虚假，愿承担相应法律责任。' },
    lawfulSource: { title: '来源合法', text: '登记对象的数据来源合法，已取得必要的授权或合同依据，不含违法获取的数据。' },
    noInfringement: { title: '不侵犯他人权益', text: '登记对象不侵犯他人的个人信息、商业秘密、知识产权等合法权益，不涉及国家秘密和核心数据。' },
    acceptReview: { title: '接受审查与公示', text: '同意登记机构对本申请进行形式审查、实质审查和公开公示，并接受异议处理结果。' },
  } as Record<string, { title: string; text: string }>,
  checklist: {
    descriptionAccuracy: '数据描述准确性', sourceCompliance: '数据来源合规性', rightsClarity: '数据产权明确性',
  } as Record<string, string>,
  regEvent: {
    create: '创建申请', update: '修改申请', submit: '提交申请', withdraw: '撤回申请', accept: '受理', assign: '指派审查机构',
    review_publicizing: '审查通过，进入公示', review_approved: '审查通过', review_rejected: '审查不通过', review: '审查', reject: '不予登记', refuse: '不予受理', publicize: '进入公示', objection: '提出异议', objection_upheld: '异议成立',
    objection_dismissed: '异议不成立', approve: '审查通过', issue: '核发证书', issued: '核发证书', file: '上传材料',
    changed: '变更', transferred: '转移', renewed: '续展', licensed: '许可', pledged: '质押', released: '解押', cancelled: '注销',
    disputed: '异议登记', frozen: '冻结', unfrozen: '解冻', expired: '到期', dispute_upheld: '异议成立（注销）',
    dispute_dismissed: '异议不成立（恢复）',
  } as Record<string, string>,
  registry: {
    menu: '数据产权登记', apply: '登记申请', mine: '我的登记申请', review: '登记审查工作台', notices: '公示栏', certificates: '登记证书',
    verify: '证书验证', settings: '登记设置',
    // the wizard
    applyTitle: '数据产权登记申请', applyIntro: '为本机构已发布的数据资源申请数据产权登记。提交后由平台受理，经形式审查、实质审查和公示后核发登记证书。',
    stepObject: '登记对象', stepSource: '来源与证据', stepDeclare: '声明承诺', stepDone: '完成',
    type: '登记类型', typeHelp: '许可、转移、变更、质押、续展、注销等登记在证书页面发起。', category: '登记类别', resource: '数据资源',
    resourcePlaceholder: '选择本机构已发布的数据资源', noResource: '本机构还没有已发布的数据资源，请先在资源目录中编目并发布。',
    rights: '申请登记的权利', scope: '权利范围', scopePlaceholder: '例如：全部字段及后续更新，限于中国境内使用',
    sourceDesc: '数据来源说明', sourceDescPlaceholder: '说明数据如何采集，或依据哪份授权书 / 采购合同取得',
    sourceValidUntil: '来源授权截止日', format: '数据格式', updateFrequency: '更新周期',
    evidence: '证明材料', evidenceHelp: '授权书、采购合同、采集方式说明等；提交时逐个上传并显示进度。', addFile: '添加文件',
    evidenceKindLabel: '材料类型', declarations: '声明承诺', declareAll: '须勾选全部声明方可提交', uploading: (n: string) => `正在上传 ${n}`,
    submitApp: '提交登记申请', submitting: '正在提交…', submitted: '登记申请已提交',
    submittedNext: (d: string) => `平台将在 ${d} 前受理。受理后进行形式审查与实质审查，审查通过后在公示栏公示，公示期满无异议即核发证书。`,
    viewApp: '查看申请进度', newApp: '再申请一项', mineTitle: '我的登记申请',
    // lists and details
    appNo: '申请编号', object: '登记对象', applicant: '申请机构', status: '状态', dueAt: '当前期限', submittedAt: '提交时间',
    updatedAt: '更新时间', reviewer: '审查机构', counterparty: '相对方', certNo: '证书编号', overdue: '已超期',
    deadlines: '办理期限（工作日）', acceptDue: '受理期限', reviewDue: '审查期限', noticeStarts: '公示开始', noticeEnds: '公示截止',
    objectionDue: '异议处理期限', files: '材料', objections: '异议', timeline: '办理记录', checklistTitle: '审查要点',
    opinion: '审查意见', decisionReason: '决定理由', reason: '申请理由', terms: '条款', empty: '暂无登记申请',
    notFound: '申请不存在，或您无权查看', passed: '通过', failed: '不通过', download: '下载',
    withdraw: '撤回申请', withdrawConfirm: '撤回后本申请终止，如需登记须重新申请。确定撤回？', withdrawn: '申请已撤回',
    submitDraft: '提交申请', supplement: '补充材料', uploaded: '材料已上传',
    // review
    reviewTitle: '登记审查工作台', queue: '待办', queueAll: '全部', accept: '受理', acceptTitle: '受理申请',
    reviewerOrg: '审查机构', reviewerOwn: '平台运营方自行审查', acceptNote: '受理说明', accepted: '已受理',
    assign: '指派', assigned: '已指派', reject: '不予登记', rejectTitle: '不予登记 / 不予受理', rejectReason: '理由', rejected: '已作出不予登记决定',
    doReview: '审查', reviewFormTitle: '形式审查与实质审查', reviewHelp: '三项要点全部通过即进入公示；任一项不通过即不予登记。',
    reviewNote: '说明', reviewed: '审查完成', inspection: '上传查验报告', issue: '核发证书', issued: '证书已核发',
    issueHint: '公示期满且无待处理异议后可核发证书。', decide: '处理异议', upheld: '异议成立', dismissed: '异议不成立',
    decideTitle: '异议处理', decideHelp: '异议成立：申请不予登记；异议不成立：申请继续办理。', decideReason: '处理理由', decided: '异议已处理',
    objector: '异议人', objectionReason: '异议理由',
    // notices
    noticesTitle: '数据产权登记公示栏', noticesIntro: '以下登记申请正在公示。公示期内，任何机构均可登录后提出异议并提交证据。',
    noticeOpen: '公示中', noticeClosed: '公示已结束', objectionsCount: '异议数', showPast: '包含已结束的公示',
    objectTitle: '提出异议', objectLogin: '登录后提出异议', objectionEvidence: '异议证据', objectionFiled: '异议已提交',
    objectionFiledNext: '平台将在规定期限内处理异议，结果会通知您。', noticeNotFound: '公示不存在或已结束', noNotices: '当前没有正在公示的登记',
    // certificates
    certTitle: '数据产权登记证书', certList: '登记证书', holder: '权利人', issuedAt: '登记日期', validUntil: '有效期至', validFrom: '有效期自',
    certHash: '证书哈希 (SM3)', ledgerIndex: '账本序号', version: '版本', issuer: '登记机构', print: '打印', verifyLink: '公开验证',
    qrHint: '扫码验证证书真伪', credential: '可验证凭证 (W3C VC 2.0)', history: '证书历史', licenses: '许可', licensee: '被许可方',
    term: '期限', exclusive: '独占', pledgee: '质权人', securedAmount: '担保金额（元）', frozenSince: '冻结于', cancelReason: '注销原因',
    certNotFound: '证书不存在，或您无权查看', noCerts: '暂无登记证书', boxHeld: '本机构持有', boxLicensed: '许可给本机构',
    boxPledged: '质押给本机构', boxAll: '全部', active: '有效', inactive: '不在期限内', actionsTitle: '证书业务',
    change: '变更', transfer: '转移', license: '许可', pledge: '质押', release: '解押', cancel: '注销', renew: '续展',
    freeze: '冻结', unfreeze: '解冻', objectCert: '异议登记', resolveDispute: '处理异议登记',
    transferee: '受让方', changeScope: '新的权利范围', refreshObject: '重新计算登记对象哈希', amount: '担保金额（元）',
    pledgeUntil: '质押截止日', renewSource: '新的来源授权截止日', instrument: (k: string) => `须上传：${k}`,
    lifecycleDone: (type: string) => `${type}申请已提交`, lifecycleNext: '请在“我的登记申请”中查看审查进度。', done: '操作成功',
    freezeReason: '冻结理由', unfreezeReason: '解冻理由',
    // verify
    verifyTitle: '登记证书公开验证', verifyIntro: '输入证书编号，在您的浏览器中独立校验证书的 SM2 签名、证书哈希、账本包含性证明与检查点签名，不依赖对服务器的信任。',
    certNoPlaceholder: '证书编号，例如 SD-DR-2026-000123', verifyBtn: '验证', verifying: '正在验证…',
    verifyOk: '证书真实有效', verifyBad: '证书验证失败', verifyOkDesc: '证书由登记机构签发，内容未被篡改，且已记入公开账本。',
    offlineTitle: '离线验证证明包', offlineHelp: '粘贴或上传从本平台（或其他数流节点）下载的证书证明包 JSON，在浏览器中离线校验。',
    pasteBundle: '粘贴证明包 JSON', uploadBundle: '上传 JSON 文件', verifyBundle: '校验证明包', notJson: '不是有效的 JSON',
    downloadBundle: '下载证明包', openLedger: '在账本浏览器中查看', currentStatus: '当前状态', trustedKey: '签发方公钥',
    checks: {
      shape: '证明包格式', issuerKey: '签发方公钥', signature: 'SM2 签名', ledgerEntry: '账本条目', certHash: '证书哈希 (SM3)',
      inclusion: 'Merkle 包含性证明', checkpointKey: '检查点签名方', checkpoint: '检查点 SM2 签名',
    } as Record<string, string>,
    stepStatus: { ok: '通过', fail: '未通过', skip: '未执行' } as Record<string, string>,
    // settings
    settingsTitle: '登记规则设置', rules: '办理期限与有效期', acceptDays: '受理期限（工作日）', reviewDays: '审查期限（工作日）',
    noticeDays: '公示期（工作日）', objectionDays: '异议处理期限（工作日）', validityYears: '证书有效期（年）', renewalYears: '续展期（年）',
    renewWindowDays: '到期前可续展（天）', noticeTypes: '需要公示的登记类型', certNoPrefix: '证书编号前缀', issuerName: '登记机构名称',
    holidays: '节假日日历', day: '日期', kind: '类型', holidayName: '名称', holiday: '节假日', workday: '调休工作日', addHoliday: '添加',
    removeHoliday: '删除', year: '年份', holidayAdded: '已添加', holidayRemoved: '已删除',
  },
};

/** Audit actions of the registry, merged into the `action` section. */
// prettier-ignore
export const registryActionsZhCN: Record<string, string> = {
  'registry.application.create': '创建登记申请', 'registry.application.update': '修改登记申请', 'registry.application.submit': '提交登记申请',
  'registry.application.withdraw': '撤回登记申请', 'registry.application.accept': '受理登记申请', 'registry.application.assign': '指派登记审查',
  'registry.application.reject': '不予登记', 'registry.application.review': '登记审查', 'registry.application.issue': '核发登记证书',
  'registry.objection.create': '提出登记异议', 'registry.objection.decide': '处理登记异议', 'registry.file.upload': '上传登记材料',
  'registry.file.download': '下载登记材料', 'registry.settings.update': '修改登记规则', 'registry.holiday.set': '设置节假日',
  'registry.holiday.delete': '删除节假日', 'registry.certificate.freeze': '冻结证书', 'registry.certificate.unfreeze': '解冻证书',
  'registry.certificate.resolve_dispute': '处理异议登记', 'registry.certificate.expire': '证书到期', 'registry.bundle.verify': '校验证书证明包',
};

/** Error codes of the registry, merged into the `apiError` section. */
// prettier-ignore
export const registryApiErrorsZhCN = {
  REGISTRY_ALREADY_REGISTERED: '本机构已持有该数据上这些权利的有效证书', REGISTRY_CERTIFICATE_CANCELLED: '证书已注销',
  REGISTRY_CERTIFICATE_DISPUTED: '证书存在异议登记', REGISTRY_CERTIFICATE_EXPIRED: '证书已过期', REGISTRY_CERTIFICATE_FROZEN: '证书已冻结，只能解冻',
  REGISTRY_CERTIFICATE_NOT_DISPUTED: '证书没有异议登记', REGISTRY_CERTIFICATE_NOT_FROZEN: '证书未被冻结', REGISTRY_CERTIFICATE_NOT_PLEDGED: '证书未被质押',
  REGISTRY_CERTIFICATE_PLEDGED: '证书已质押，解押前不能转移或注销',
  REGISTRY_COUNTERPARTY_NOT_ALLOWED: '不能指定该机构为相对方', REGISTRY_DATA_IP_RAW_DATA: '未经加工的原始数据不能登记为数据知识产权',
  REGISTRY_DATA_IP_SINGLE_RECORD: '单条数据不能登记为数据知识产权', REGISTRY_DECLARATIONS_MISSING: '声明承诺不完整',
  REGISTRY_DUPLICATE: '该数据已有同类登记正在办理', REGISTRY_EVIDENCE_MISSING: '缺少登记所需的合同或协议材料',
  REGISTRY_EVIDENCE_NOT_ALLOWED: '不能上传此类材料', REGISTRY_ILLEGAL_TRANSITION: '申请当前状态不允许此操作',
  REGISTRY_NOTICE_OVER: '公示已结束', REGISTRY_NOTICE_RUNNING: '公示期尚未届满', REGISTRY_NOT_HOLDER: '只有证书权利人可以申请此项登记',
  REGISTRY_NOT_PARTY: '您不是该申请的当事方', REGISTRY_NOT_REVIEWER: '该申请已指派给其他审查机构', REGISTRY_OBJECTIONS_OPEN: '仍有异议待处理',
  REGISTRY_OBJECT_DISPUTED: '该数据存在权属异议', REGISTRY_OBJECT_FROZEN: '该数据上的证书已被冻结', REGISTRY_OWN_OBJECTION: '不能对本机构的申请提出异议',
  REGISTRY_PLEDGEE_NOT_FINANCIAL: '质权人须为金融机构', REGISTRY_RENEWAL_TOO_EARLY: '尚未到可续展的时间', REGISTRY_REVIEWER_NOT_ALLOWED: '该机构不能担任审查机构',
  REGISTRY_RIGHTS_NOT_HELD: '证书不包含这些权利', REGISTRY_SOURCE_AUTHORIZATION_MISSING: '缺少数据来源授权材料',
  REGISTRY_TERM_BEYOND_CERTIFICATE: '期限超出证书有效期',
} satisfies Partial<Record<ErrorCode, string>>;
