/** 简体中文 — 我的授权 (persons) and 个人注册: page texts, merged into zh-CN. */
// prettier-ignore
export const consentPersonZhCN = {
  consentPerson: {
    colon: '：', sep: '、', subtitle: '一场景一授权：给谁、哪些字段、用到何时，一目了然，随时可撤回',
    tabs: { active: '有效授权', history: '授权历史', scenarios: '可授权场景', wards: '监护' },
    // PI categories (PIPL Art. 28 names the sensitive ones)
    category: {
      basic: '基本信息', contact: '联系方式', identity: '身份信息', device: '设备信息', behavior: '行为偏好',
      biometric: '生物识别', religion: '宗教信仰', specific_identity: '特定身份', health: '医疗健康',
      financial: '金融账户', location: '行踪轨迹', minor: '未满十四周岁未成年人信息',
    } as Record<string, string>,
    sensitive: '敏感', sensitiveHint: '敏感个人信息（个人信息保护法第二十八条），一旦泄露或者非法使用，容易导致人格尊严受到侵害或者人身、财产安全受到危害',
    grantStatus: { active: '生效中', revoked: '已撤回', expired: '已过期', superseded: '场景已变更' } as Record<string, string>,
    wardStatus: { pending: '待确认', confirmed: '已确认' } as Record<string, string>,
    subjectFilter: { all: '全部', self: '本人' },
    person: {
      idCard: '身份证号', idCardHint: '加密存储，仅显示脱敏号码', age: '年龄', ageValue: (n: number) => `${n} 周岁`,
      minor: '未满十四周岁', guardian: '监护人',
      minorAlert: (name: string) => `你未满十四周岁，授权须由监护人${name}代为同意（个人信息保护法第三十一条）。你可以随时查看和撤回授权。`,
      guardianPending: '你的监护人尚未确认监护关系；确认前，任何人都不能代你授权。',
    },
    grant: {
      org: '使用方', recipient: '接收方', purpose: '处理目的', method: '处理方式', fields: '授权字段', until: '有效期至',
      status: '状态', grantedBy: '授权人', grantedAt: '授权时间', revokedAt: '撤回时间', subject: '个人信息主体', version: '场景版本',
      versionNo: (n: number) => `第 ${n} 版`, self: '本人', selfAsGuardian: '本人（作为监护人）',
      guardian: (name: string) => `监护人 ${name}`, ward: (name: string) => `被监护人 ${name}`, detail: '查看详情',
      revoke: '撤回授权', drawerTitle: '授权详情', receipts: '授权回执',
      supersededHint: '该场景已变更（目的、方式、接收方或字段等发生变化），原授权不再有效；如仍愿意，可按新版本重新授权。',
      expiredHint: '该授权已过期，使用方不得再处理这些信息；如需续期，请重新授权。',
      renew: '重新授权',
      replacedHint: '您已重新授权，这份授权已由新授权替代，不再需要撤回；如要停止处理，请撤回新授权。', openReplacement: '查看新授权',
    },
    uses: {
      title: '使用记录',
      help: '使用方每次依据本授权处理您的信息前都须核验；每次核验、涉及的字段和结果都记录在此。',
      empty: '尚无使用方核验过这项授权',
      allowed: '允许',
      denied: '拒绝',
      platform: '平台',
    },
    revoke: {
      title: '撤回这项授权？',
      body: (org: string) => `撤回即时生效：${org}从下一次核验起不得再处理这些个人信息。撤回不影响撤回前基于授权已进行的处理（个人信息保护法第十五条）。撤回后会生成一份新的“撤回”回执。`,
      ok: '确认撤回', done: '授权已撤回，撤回回执已生成',
      guardianOnly: '未满十四周岁，授权由监护人代为撤回',
    },
    receipt: {
      granted: '授权回执', revoked: '撤回回执', download: '下载回执', verify: '在浏览器中验证',
      verifyOk: '回执真实有效', verifyBad: '回执验证失败',
      verifyOkDesc: '回执由平台以 SM2 签名，内容未被篡改，且其 SM3 摘要已记入公开账本。',
      trustedKeys: '验证使用平台在公开账本公布的签名公钥', ownKey: '未能取得平台公钥，暂以回执自带的公钥验证',
      offline: '离线验证：下载回执后，在任意电脑上用命令行工具验证（无需联网）', noReceipts: '暂无回执',
      checks: {
        shape: '回执格式', signerKey: '签名公钥', signature: 'SM2 签名', ledgerEntry: '账本条目', inclusion: 'Merkle 存在性证明',
        checkpoint: '账本检查点签名',
      } as Record<string, string>,
      stepStatus: { ok: '通过', fail: '未通过', skip: '未执行' } as Record<string, string>,
    },
    list: {
      emptyActive: '你还没有生效中的授权', emptyHistory: '还没有撤回、过期或失效的授权', goScenarios: '查看可授权场景',
      fieldsCount: (n: number) => `${n} 个字段`,
    },
    scenario: {
      emptyList: '暂时没有可授权的场景', granted: '已授权', grantedFor: (name: string) => `${name}已授权`, open: '查看并授权',
      legalBasis: '处理依据', retention: '保存期限', retentionDays: (n: number) => `${n} 天`, crossBorder: '向境外提供',
      automated: '自动化决策', separate: '单独同意', needsSeparate: '需要单独同意', yes: '是', no: '否',
      drawerTitle: '授权场景', notAvailable: '该场景暂无可授权的版本', actingFor: '为谁授权', self: '本人',
      alreadyGranted: (until: string) => `已授权，有效期至 ${until}`, viewGrant: '查看授权',
      staleGrant: '原授权已过期或因场景变更失效，使用方不得再凭它处理您的信息。如仍愿意，可在下方重新授权；原授权及其回执保留在历史中。',
      viewStale: '查看原授权', minorCannot: '未满十四周岁的个人不能自行授权，请由已确认的监护人代为授权。',
      struck: (n: number) => `经平台最小必要审查，已删除 ${n} 个字段，使用方不会收集它们。`,
    },
    form: {
      fields: '授权字段', fieldsHelp: '必需字段是场景基本功能所必需的；可选字段可以拒绝，拒绝不影响授权。', required: '必需', optional: '可选',
      separate: '单独同意', separateLabel: '我已了解下列情形，单独同意', separateWhy: '该场景依法须取得你的单独同意，因为它：',
      separateReasons: {
        sensitive: (fields: string) => `处理敏感个人信息：${fields}（个人信息保护法第二十九条）`,
        thirdParty: (recipient: string) => `向其他个人信息处理者提供：${recipient}（第二十三条）`, crossBorder: '向境外提供（第三十九条）',
        minor: '处理不满十四周岁未成年人的个人信息（第二十八条、第三十一条）',
      },
      separateRequired: '请勾选单独同意，或不授权该场景', expiry: '授权有效期至',
      expiryHelp: (max: number) => `到期后授权自动失效；最长 ${max} 天，可随时提前撤回。`, expiryRequired: '请选择授权截止日期',
      submit: '同意授权', refuse: '拒绝', refuseTitle: '拒绝该场景？',
      refuseBody: (org: string, days: number, forWard: boolean) => `拒绝后，${org}在 ${days} 天冷静期内不得再次请求${forWard ? '为被监护人' : '你'}授权（《网络数据安全管理条例》第二十二条）。之后你仍可随时主动授权。`,
      refused: '已拒绝，冷静期内使用方不会再向你请求授权', success: '授权成功', successSub: (org: string, until: string) => `${org}可以在 ${until} 之前按所列目的处理你授权的字段。平台已签发授权回执并记入公开账本。`,
      done: '完成', viewGrant: '查看授权详情', failed: '授权未成功',
      versionChanged: '该场景刚刚更新了版本，请查看新版本的内容后再决定是否授权',
    },
    wards: {
      empty: '没有人登记你为监护人', confirm: '确认监护关系', confirmTitle: (name: string) => `确认你是${name}的监护人？`,
      confirmBody: '确认后，你将作为监护人代其同意或撤回个人信息处理（个人信息保护法第三十一条）。请确认你确实是其父母或其他法定监护人。',
      confirmed: '已确认监护关系', grantFor: '代为授权', viewGrants: '查看其授权',
      intro: '不满十四周岁未成年人的个人信息属于敏感个人信息，处理前须取得其父母或者其他监护人的同意。',
    },
    dashboard: {
      active: '生效中的授权', sensitive: '含敏感信息', wardsPending: (n: number) => `${n} 项监护关系待确认`,
      open: '进入我的授权',
    },
    signUp: {
      title: '个人注册', subtitle: '注册后即可在“我的授权”中查看、授权和撤回你的个人信息授权', username: '登录用户名',
      displayName: '姓名', password: '登录密码', idCard: '居民身份证号码',
      idCardHelp: '按 GB 11643 校验；加密存储，页面只显示脱敏号码（如 3***************34）', idCardInvalid: '身份证号码无效（请检查出生日期和末位校验码）',
      birth: (date: string, age: number) => `出生日期 ${date}，${age} 周岁`, phone: '手机号码', guardian: '监护人用户名',
      guardianWhy: '你未满十四周岁：依照个人信息保护法第三十一条，须由父母或其他监护人同意。请填写已注册的成年监护人用户名，监护人确认后方可代你授权。',
      guardianRequired: '未满十四周岁须填写监护人用户名', submit: '注册', hasAccount: '已有账号？', login: '去登录',
      orgHint: '机构用户请通过“申请入驻”注册', success: (name: string) => `注册成功，欢迎你，${name}`, loginPrompt: '个人用户？',
    },
  },
};

export type ConsentPersonMessages = typeof consentPersonZhCN;
