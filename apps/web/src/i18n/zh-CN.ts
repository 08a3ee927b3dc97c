import { apiErrorsZhCN } from './api-errors.zh-CN';
import { catalogActionsZhCN, catalogZhCN } from './catalog.zh-CN';
import { registryActionsZhCN, registryZhCN } from './registry.zh-CN';
import { consentPersonZhCN } from './consent-person.zh-CN';
import { consentScenariosZhCN } from './consent-scenarios.zh-CN';
import { consentOrgsZhCN } from './consent-orgs.zh-CN';
import { consentActionsZhCN, consentZhCN } from './consent.zh-CN';
import { authSecurityActionsZhCN, authSecurityZhCN } from './auth-security.zh-CN';
import { marketActionsZhCN, marketZhCN } from './market.zh-CN';
import { sharingZhCN } from './sharing.zh-CN';
import { settingsActionsZhCN, settingsZhCN } from './settings.zh-CN';
import { orgKeysActionsZhCN, orgKeysZhCN } from './org-keys.zh-CN';
import { marketDemandsActionsZhCN, marketDemandsZhCN } from './market-demands.zh-CN';
import { tradeZhCN } from './trade.zh-CN';
import { ordersZhCN } from './orders.zh-CN';
import { contractZhCN } from './contract.zh-CN';
import { tradeDeliveryZhCN } from './trade-delivery.zh-CN';
import { gatewayZhCN } from './gateway.zh-CN';
import { settlementZhCN } from './settlement.zh-CN';
import { computeZhCN } from './compute.zh-CN';
import { dcmmZhCN } from './dcmm.zh-CN';
import { qualityProgrammesZhCN } from './quality-programmes.zh-CN';
import { assetsZhCN } from './assets.zh-CN';
import { qualityActionsZhCN, qualityZhCN } from './quality.zh-CN';

/** 简体中文 — the default catalogue; en-US must provide every key of this one (its type is derived from it). */
// Several short messages share a line, so that a catalogue stays one readable file.
// prettier-ignore
export const zhCN = {
  app: {
    name: '数流', full: '数据要素市场服务平台', tag: '数据要素市场服务平台', slogan: '让数据要素安全有序流动', copyright: '数流 Shuliu · 开源数据要素市场平台',
  },
  common: {
    ok: '确定', cancel: '取消', confirm: '确认', search: '查询', reset: '重置', refresh: '刷新', expand: '展开', collapse: '收起',
    actions: '操作', detail: '详情', view: '查看', edit: '编辑', save: '保存', submit: '提交', back: '返回', next: '下一步',
    prev: '上一步', close: '关闭', copy: '复制', copied: '已复制', exportCsv: '导出 CSV', exportPng: '导出图片', columns: '列设置',
    resetColumns: '重置', total: (n: number) => `共 ${n} 条`, loading: '加载中…', noData: '暂无数据', retry: '重试',
    list: (xs: readonly string[]) => xs.join('、'), aside: (a: string, b: string) => `${a}（${b}）`, clauses: (xs: readonly string[]) => xs.join('；'),
    loadFailed: '加载失败', errorCode: '错误码', requestId: '请求 ID', yes: '是', no: '否', all: '全部', none: '无', saved: '已保存',
    chart: '图表', table: '表格', backHome: '返回首页', reason: '原因', note: '备注', pleaseSelect: '请选择', pleaseInput: '请输入',
    name: '名称', count: '数量', sum: '合计', operationFailed: '操作失败',
  },
  lang: { switch: '切换语言', 'zh-CN': '简体中文', 'en-US': 'English' },
  menu: {
    home: '首页', dashboard: '工作台', subjects: '主体管理', review: '入驻审核', orgs: '机构管理', users: '用户管理', security: '安全审计',
    audit: '审计日志', ledger: '账本浏览器', account: '个人中心', myApplication: '我的入驻申请', apply: '机构入驻申请',
    catalogGroup: '数据资源', catalog: '资源目录', catalogMine: '我的资源', catalogNew: '新建资源',
    openRequests: '开放申请', openData: '开放数据门户', sectors: '行业分类', sharingGroup: '共享与回流', sharing: '共享申请',
    returnFlows: '数据回流看板', survey: '资源调查',
  },
  header: {
    notifications: '消息通知', markAllRead: '全部已读', markRead: '标为已读', noNotifications: '暂无消息', unread: '未读', all: '全部',
    myAccount: '个人中心', logout: '退出登录', loggedOut: '已退出登录', allRead: '消息已全部标为已读', open: '查看', org: '所属机构',
  },
  role: {
    operator: '平台运营方', regulator: '监管方', authority: '公共数据主管部门', merchant: '数据商', buyer: '需求方', provider: '第三方专业服务机构',
    person: '自然人', agent: '计算节点', org_admin: '机构管理员',
  },
  orgType: {
    operator: '平台运营方', regulator: '监管机构', authority: '公共数据主管部门', merchant: '数据商', buyer: '需求方', provider: '第三方专业服务机构',
  },
  merchantKind: { technical: '技术型', service: '服务型', application: '应用型' },
  providerKind: {
    certifier: '认证机构', valuer: '评估机构', auditor: '审计机构', mediator: '调解机构', arbitrator: '仲裁机构', broker: '经纪机构',
  },
  status: {
    pending: '待审', approved: '已通过', active: '正常', rejected: '已驳回', suspended: '已暂停', disabled: '已停用', locked: '已锁定',
    unlocked: '未锁定', success: '成功', failure: '失败', denied: '拒绝', revoked: '已撤销', expired: '已过期', current: '当前会话',
    readOnly: '只读', draft: '草稿', published: '已发布', retired: '已下架', delivered: '已交付', withdrawn: '已撤回', overdue: '已超期',
    late: '逾期交付', uploading: '上传中', profiling: '画像中', ready: '就绪', failed: '失败',
  },
  declaration: {
    truthful: {
      title: '信息真实', text: '本机构提交的信息与材料真实、准确、完整，如有虚假，愿承担相应法律责任。',
    },
    lawfulOperation: {
      title: '合法经营', text: '本机构依法设立、合法经营，未被列入严重违法失信名单或数据交易负面清单。',
    },
    dataSecurity: {
      title: '数据安全', text: '本机构遵守《数据安全法》《个人信息保护法》等法律法规，落实数据分类分级保护和安全管理义务。',
    },
    acceptRules: {
      title: '遵守规则', text: '本机构已阅读并同意遵守平台入驻协议、交易规则及相关管理制度，接受平台和监管部门监督。',
    },
  },
  action: {
    'identity.session.login': '登录',
    'identity.session.logout': '退出登录',
    'identity.session.revoke': '注销会话',
    'identity.user.password_change': '修改密码',
    'identity.token.create': '创建 API 令牌',
    'identity.token.revoke': '撤销 API 令牌',
    'identity.application.submit': '提交入驻申请',
    'identity.application.resubmit': '重新提交入驻申请',
    'identity.application.approve': '通过入驻申请',
    'identity.application.reject': '驳回入驻申请',
    'identity.org.status': '变更机构状态',
    'identity.user.create': '创建用户',
    'identity.user.update': '修改用户',
    'identity.user.password_reset': '重置用户密码',
    'identity.user.unlock': '解锁用户',
    'notification.read': '消息已读',
    'notification.read_all': '全部消息已读', 'identity.org.create': '创建机构',
    'crypto.key.create': '创建密钥', 'crypto.key.rotate': '轮换密钥', 'ledger.audit_anchor': '审计链锚定上链',
    submit: '提交申请', submitted: '提交申请', resubmit: '重新提交', resubmitted: '重新提交', approve: '审核通过', approved: '审核通过',
    reject: '审核驳回', rejected: '审核驳回',
    ...catalogActionsZhCN,
    ...registryActionsZhCN,
    ...settingsActionsZhCN,
    ...consentActionsZhCN,
    ...marketActionsZhCN,
    ...authSecurityActionsZhCN,
    ...orgKeysActionsZhCN,
    ...marketDemandsActionsZhCN,
    ...qualityActionsZhCN,
  } as Record<string, string>,
  validation: {
    required: '此项为必填项', minLength: (n: number) => `至少 ${n} 个字符`, maxLength: (n: number) => `最多 ${n} 个字符`,
    minItems: (n: number) => `至少选择 ${n} 项`, maxItems: (n: number) => `最多选择 ${n} 项`, email: '邮箱格式不正确',
    mobile: '请输入 11 位中国大陆手机号码', username: '3–64 位，只能包含字母、数字、“.”、“_”和“-”', password: '至少 10 位，且须同时包含字母和数字',
    passwordMismatch: '两次输入的密码不一致', invalid: '格式不正确',
    uscc: {
      length: '统一社会信用代码应为 18 位', charset: '统一社会信用代码含有非法字符（不使用 I、O、S、V、Z）',
      orgCodeCheck: '统一社会信用代码第 9–17 位（组织机构代码）校验不通过', checkDigit: '统一社会信用代码第 18 位校验码错误',
    },
    fixErrors: '请根据提示修改表单', declarationRequired: '请阅读并确认此项声明',
  },
  login: {
    lockedUntil: (time: string) => `，请于 ${time} 后重试或联系管理员解锁`,
    title: '账号密码登录', username: '用户名', password: '密码', submit: '登 录', noAccount: '机构尚未入驻？', apply: '申请入驻', ledger: '公开账本浏览器', openData: '开放数据门户',
    failed: '登录失败', expired: '登录已失效，请重新登录', welcome: (n: string) => `欢迎回来，${n}`,
    features: ['机构入驻与身份核验', '数据产权登记与存证', '合规挂牌与可信交易', '全程审计与监管'],
  },
  org: {
    name: '机构名称', nameEn: '英文名称', uscc: '统一社会信用代码', types: '机构类型', merchantKinds: '数据商类型', providerKinds: '服务机构类型',
    region: '所在地区', contactName: '联系人', contactPhone: '联系电话', contactEmail: '联系邮箱', status: '状态', createdAt: '登记时间',
    updatedAt: '更新时间', id: '机构 ID', usccHelp: '18 位，按 GB 32100 校验', regionPlaceholder: '如：山东省济南市',
  },
  apply: {
    title: '机构入驻申请', subtitle: '提交申请后由平台运营方审核，审核通过即可使用平台服务',
    steps: { org: '机构信息', admin: '管理员账号', declarations: '声明承诺' }, adminIntro: '该账号将作为本机构的管理员，用于登录平台、跟踪审核进度和管理本机构用户。',
    declarationsIntro: '根据声明承诺制要求，请逐项阅读并确认以下声明：', submit: '提交申请', successTitle: '入驻申请已提交',
    successSub: (id: string) => `申请编号 ${id}。请使用管理员账号登录平台，跟踪审核进度。`, goLogin: '登录查看进度', hasAccount: '已有账号？',
    login: '去登录',
  },
  admin: {
    username: '登录用户名', displayName: '姓名', password: '登录密码', confirmPassword: '确认密码', email: '邮箱', phone: '手机号码',
  },
  myApp: {
    title: '我的入驻申请', submitted: '提交申请', review: '平台审核', done: '入驻完成', pending: '您的入驻申请正在审核中，审核结果将通过站内消息通知您。',
    approved: '您的入驻申请已通过审核，欢迎使用平台服务。', rejected: '您的入驻申请未通过审核，请根据驳回原因修改后重新提交。', rejectReason: '驳回原因',
    resubmit: '修改并重新提交', resubmitTitle: '修改入驻信息', resubmitted: '申请已重新提交，请等待审核', history: '处理记录',
    notFound: '未找到本机构的入驻申请记录', notFoundSub: '本机构可能由平台运营方直接开通。', appId: '申请编号', submittedAt: '提交时间', decidedAt: '审核时间',
    decidedBy: '审核人', admin: '管理员账号',
  },
  review: {
    title: '入驻审核', searchPlaceholder: '机构名称 / 信用代码 / 用户名', detail: '入驻申请详情', approve: '通过', reject: '驳回',
    approveTitle: '确认通过该入驻申请？', approveDesc: (n: string) => `通过后「${n}」将成为平台正式入驻机构。`, note: '审核意见（选填）',
    rejectTitle: '驳回入驻申请', rejectDesc: '驳回原因将通知申请机构，请写明需要修改的内容。', reason: '驳回原因', approvedMsg: '已通过该入驻申请',
    rejectedMsg: '已驳回该入驻申请', declarations: '声明承诺', history: '处理记录', decidedBy: '审核人', decidedAt: '审核时间',
    submittedAt: '提交时间', admin: '管理员账号', orgInfo: '机构信息', status: '申请状态', act: '审核',
  },
  orgs: {
    title: '机构管理', searchPlaceholder: '机构名称 / 信用代码', detail: '机构详情', suspend: '暂停', reactivate: '恢复',
    suspendTitle: '暂停机构', reactivateTitle: '恢复机构', suspendDesc: '暂停后该机构的用户将无法办理业务。',
    reactivateDesc: '恢复后该机构将重新正常使用平台。', reason: '原因', changed: '机构状态已变更', basic: '基本信息', users: '机构用户', audit: '操作记录',
  },
  users: {
    title: '用户管理', searchPlaceholder: '用户名 / 姓名 / 邮箱', create: '新建用户', edit: '编辑用户', resetPassword: '重置密码',
    unlock: '解锁', unlockConfirm: '确认解锁该账户？', username: '用户名', displayName: '姓名', org: '所属机构', roles: '角色',
    status: '状态', locked: '锁定', lastLogin: '最近登录', createdAt: '创建时间', email: '邮箱', phone: '手机号码', password: '初始密码',
    newPassword: '新密码', created: '用户已创建', updated: '用户已更新', passwordReset: '密码已重置，该用户的会话已全部退出', unlocked: '账户已解锁',
    enabled: '启用', disabled: '停用', lockedYes: '已锁定', lockedNo: '未锁定', resetPasswordFor: (n: string) => `重置「${n}」的密码`,
  },
  audit: {
    title: '审计日志', actorId: '操作人 ID', orgId: '机构 ID', action: '操作类型', actionHelp: '精确匹配，或以“.”“*”结尾的前缀',
    objectId: '对象 ID', outcome: '结果', requestId: '请求 ID', timeRange: '时间范围', q: '关键字', seq: '序号', at: '时间',
    actor: '操作人', org: '机构', object: '对象', ip: 'IP 地址', details: '详细信息', prevHash: '前序哈希', hash: '本条哈希',
    verify: '校验哈希链', verifyOk: '哈希链完整', verifyBad: '哈希链校验失败',
    verifyOkDesc: (n: number, head: number, alg: string) =>
      `已校验 ${n} 条记录（最新序号 ${head}，算法 ${alg}），未发现篡改。`,
    verifyBadDesc: (seq: number | null, p: string) => `首个异常记录序号：${seq ?? '—'}。${p}`, exportPage: '导出本页',
    qPlaceholder: '操作、操作人或对象 ID',
  },
  account: {
    title: '个人中心', profile: '基本资料', password: '修改密码', sessions: '登录会话', tokens: 'API 令牌', currentPassword: '当前密码',
    newPassword: '新密码', confirmPassword: '确认新密码', passwordChanged: '密码已修改，其他会话已全部退出', changePassword: '修改密码',
    sessionCreated: '登录时间', lastSeen: '最近活动', expiresAt: '过期时间', ip: 'IP 地址', userAgent: '客户端', revoke: '注销', revokeToken: '撤销',
    revokeSessionConfirm: '注销该会话后，对应设备需要重新登录。', sessionRevoked: '会话已注销', createToken: '创建令牌', tokenName: '令牌名称',
    prefix: '前缀', roles: '权限角色', readOnly: '只读', readOnlyHelp: '只读令牌只能调用查询类接口', expiresInDays: '有效期',
    days: (n: number) => `${n} 天`, never: '永不过期', lastUsed: '最近使用', createdAt: '创建时间', tokenCreated: '令牌已创建',
    tokenWarn: '请立即复制并妥善保存该令牌。关闭此窗口后将无法再次查看。', revokeTokenConfirm: '撤销后使用该令牌的程序将无法访问平台。', tokenRevoked: '令牌已撤销',
    tokenHelp: 'API 令牌供机器调用平台接口使用，权限不超过您本人的角色。', sessionKind: '认证方式', session: '登录会话', apiToken: 'API 令牌',
    lastLogin: '最近登录',
  },
  dashboard: {
    greeting: (n: string) => `你好，${n}`, roles: '当前角色', pendingApps: '待审入驻申请', activeOrgs: '正常机构',
    totalOrgs: (n: number) => `机构总数 ${n}`, totalUsers: '用户总数', lockedUsers: '锁定账户', orgsByType: '机构类型分布',
    orgsByStatus: '机构状态分布', recentAudit: '最新审计事件', viewAll: '查看全部', unread: '未读消息', quick: '快捷入口', type: '类型',
    goReview: '去审核', org: '所属机构', lastLogin: '上次登录', noOrg: '未关联机构', myOrg: '本机构信息',
    latestMessages: '最新消息',
  },
  ledger: {
    title: '账本浏览器', subTitle: '公开存证账本：RFC 9162 默克尔树 · SM3 哈希 · SM2 签名检查点', public: '公开访问，无需登录',
    login: '登录平台', intro: '证书、合同、授权同意和审计锚定都记入这本只增不改的账本。下面的每一项校验都在您的浏览器中完成，不需要信任服务器。',
    checkpoint: '最新签名检查点', origin: '日志标识', treeSize: '树大小', entriesCount: (n: number) => `${n} 条`, hashAlg: '哈希算法', root: '根哈希',
    keyId: '签名密钥', publicKey: 'SM2 公钥', signature: 'SM2 签名 (r ‖ s)', body: '签名原文', createdAt: '签发时间',
    updatedAt: (time: string) => `更新于 ${time}，每 30 秒自动刷新`,
    sigOk: '签名有效：已在您的浏览器中用 SM2 验证',
    sigOkDesc: (keyId: string) => `签名密钥 ${keyId}，签名者 ID 1234567812345678（GB/T 32918.2）；签名原文与检查点字段一致。`,
    sigBad: '签名验证失败',
    entries: '账本条目', index: '序号', type: '类型', at: '时间', object: '存证对象', objectSm3: '对象哈希 (SM3)', leafHash: '叶子哈希',
    empty: '账本中还没有条目', unreadable: '无法解析的条目',
    entryType: {
      'certificate.issued': '证书签发', 'certificate.changed': '证书变更', 'contract.signed': '合同签署', 'contract.concluded': '合同成立', 'consent.granted': '授权同意',
      'consent.revoked': '撤回授权', 'audit.anchor': '审计链锚定', 'listing.published': '产品挂牌', 'listing.withdrawn': '产品下架', 'key.rotated': '签名密钥轮换', 'compute.job.completed': '计算任务完成',
      'asset.valuation.signed': '资产评估报告签署',
    } as Record<string, string>,
    entryTitle: (i: number) => `账本条目 #${i}`, canonical: '规范化 JSON（即被哈希的原文）', pretty: '格式化显示',
    prove: '证明包含', reprove: '重新证明', proveHelp: (size: number) => `向服务器获取审计路径，在浏览器中验证该条目包含在大小为 ${size} 的已签名树中。`,
    newerThanCheckpoint: '该条目晚于当前显示的检查点，请先刷新检查点再证明。',
    inclusionOk: '包含性已验证', inclusionBad: '包含性验证失败',
    inclusionOkDesc: (i: number, size: number) => `条目 #${i} 在大小为 ${size} 的已签名树中；所有计算均在本浏览器完成。`,
    step: {
      signature: '检查点签名 (SM2)', alg: '哈希算法', leaf: '重算叶子哈希 SM3(0x00 ‖ 条目)', path: '取得审计路径', root: '沿审计路径重算根哈希',
      older: (n: number) => `大小 ${n} 的检查点签名`, newer: (n: number) => `大小 ${n} 的检查点签名`, seen: '与本浏览器先前看到的根一致',
      proof: '一致性证明 (RFC 9162 §2.1.4)',
    },
    stepStatus: { ok: '通过', fail: '失败', skip: '跳过' },
    computed: '浏览器计算', server: '服务器给出', signedRoot: '检查点中的根', rememberedRoot: '先前看到的根',
    pathCount: (n: string) => `${n} 个哈希`, notRemembered: '本浏览器未记住该大小的根',
    reason: {
      bodyMalformed: '签名原文不是检查点格式', bodyMismatch: '检查点字段与签名原文不一致', badSignature: 'SM2 签名与签名原文或公钥不符',
      unsupportedAlg: '浏览器只支持 SM3；该日志使用其他算法，请用命令行离线验证', leafMismatch: '条目内容与叶子哈希不符',
      proofMismatch: '证明对应的条目或树大小与请求的不符', pathInvalid: '审计路径无效', rootMismatch: '审计路径得出的根与检查点中的根不同',
      originMismatch: '两个检查点来自不同的日志', forked: '服务器在该大小给出的根与本浏览器先前看到的不同：历史可能被改写',
      consistencyInvalid: '一致性证明无效',
    },
    consistency: '一致性校验', consistencyHelp: '证明新树完整包含旧树、历史未被改写。本浏览器会记住验证过的检查点，默认从您上次看到的大小开始校验。',
    from: '旧树大小', to: '新树大小', check: '校验一致性', lastSeen: (size: number, time: string) => `本浏览器此前看到的上一个大小：${size}（${time}）`,
    nothingSeen: '本浏览器尚未记住更早的检查点；可输入任一已签名的树大小。', fromTooLarge: '旧树大小不能大于新树大小',
    consistencyOk: '一致：新树完整包含旧树', consistencyBad: '一致性校验失败',
    consistencyOkDesc: (a: number, b: number) => `大小 ${b} 的账本是大小 ${a} 的账本的延续，没有改写任何已有条目。`,
    offline: '离线验证', offlineHelp: '用 shuliu 命令行生成证明包，然后在任何一台电脑上不联网校验：',
    offlineInclusion: '生成某条目的包含性证明包', offlineConsistency: '生成两个大小之间的一致性证明包', offlineVerify: '离线校验证明包',
    offlinePin: '并固定您信任的平台公钥',
  },
  apiError: apiErrorsZhCN,
  errors: {
    forbidden: '抱歉，您无权访问此页面。', notFound: '抱歉，您访问的页面不存在。',
  },
  ...catalogZhCN,
  ...sharingZhCN,
  ...registryZhCN,
  ...settingsZhCN,
  ...consentZhCN,
  ...authSecurityZhCN,
  ...consentPersonZhCN,
  ...consentScenariosZhCN,
  ...consentOrgsZhCN,
  ...orgKeysZhCN,
  ...marketDemandsZhCN,
  ...marketZhCN,
  ...tradeZhCN,
  ...ordersZhCN,
  ...contractZhCN,
  ...tradeDeliveryZhCN,
  ...gatewayZhCN,
  ...settlementZhCN,
  ...computeZhCN,
  ...dcmmZhCN,
  ...qualityProgrammesZhCN,
  ...assetsZhCN,
  ...qualityZhCN,
};

export type Messages = typeof zhCN;
