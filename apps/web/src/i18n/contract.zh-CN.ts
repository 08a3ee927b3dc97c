import { zhNumber } from '@shuliu/contracts';

/** 简体中文 — the contract page (合同), its signatures verified in the browser, and the signing dialog. */
// prettier-ignore
export const contractZhCN = {
  contract: {
    menu: '合同', pageTitle: '合同', no: '合同编号', template: '示范文本', state: '合同状态', draftedAt: '起草时间',
    concludedAt: '成立时间', hash: '合同哈希（SM3）', hashHelp: '合同规范化文本（RFC 8785）的 SM3 摘要：双方签署的正是这段文本。',
    states: { drafted: '已起草，待买方签署', buyer_signed: '买方已签署，待卖方签署', concluded: '已成立' } as Record<string, string>,
    stateShort: { drafted: '待买方签署', buyer_signed: '待卖方签署', concluded: '已成立' } as Record<string, string>,
    uscc: '统一社会信用代码', none: '无', platform: '平台', parties: '合同当事人', clauses: '合同条款',
    article: (n: number) => `第${zhNumber(n)}条`, translationNote: '',
    print: '打印', pdf: '下载 PDF', toNegotiation: '磋商记录', sign: '签署合同', yourTurn: '轮到本单位签署合同。',
    // the signatures panel
    signatures: '签名与核验',
    signaturesIntro: '每方的签名都在本浏览器中核验：SM2 签名对照合同的规范化文本与签名公钥，账本记录及其包含证明对照透明账本的检查点。',
    noSignatures: '尚无签名：合同等待买方签署。', unsigned: '待签署', keyId: '签名密钥', custodyLabel: '密钥保管', checksLabel: '浏览器核验', signedAt: '签署时间', ledgerIndex: '账本序号',
    custody: { platform: '平台托管密钥', org: '机构自持密钥' } as Record<string, string>,
    partyChecks: { signature: '签名', ledgerEntry: '账本记录', inclusion: '包含证明' },
    verified: '已核验', notVerified: '核验未通过', verifying: '正在浏览器中核验签名与账本证明…',
    verifyOk: '签名与账本证明全部核验通过', verifyBad: '核验未通过', verifyOkDesc: '各方签名、账本记录、包含证明与检查点签名均在本浏览器中核验通过。',
    checks: {
      shape: '核验包格式', signatures: '各方签名', ledgerEntries: '账本记录', inclusion: '包含证明', checkpointKey: '检查点密钥',
      checkpoint: '检查点签名',
    } as Record<string, string>,
    stepStatus: { ok: '通过', fail: '未通过', skip: '未执行' } as Record<string, string>,
    trustedKeys: '检查点密钥对照平台公布的账本公钥。', ownKey: '未取得平台公布的账本公钥：检查点密钥以核验包自带的为准。',
    offlineVerify: '离线核验：下载核验包后运行', downloadBundle: '下载核验包', bundleError: '无法取得核验包',
    // the signing dialog
    signTitle: '签署合同', signAs: (role: string, name: string) => `以${role}「${name}」的身份签署`,
    summaryProduct: '数据产品', summaryPrice: '价格', summaryTerm: '期限', summaryCounterpart: '对方',
    tabPlatform: '平台托管密钥', tabOffline: '离线签署',
    platformHelp: '平台以本单位托管的 SM2 密钥签署合同的规范化文本；须由本单位管理员重新输入登录密码确认。',
    adminOnly: '只有本单位管理员可以使用平台托管密钥签署：请联系管理员，或用本单位自持的密钥离线签署。',
    password: '登录密码',
    offlineHelp: '用本单位自持的 SM2 私钥签署下面的规范化文本（UTF-8，签名者 ID 1234567812345678），再填入密钥编号与签名值。也可以用命令行直接签署并提交：',
    canonicalText: '待签署的规范化文本（RFC 8785）', keyIdLabel: '签名密钥编号', keyIdHelp: '本单位已登记的签名公钥编号，osk_…',
    signatureLabel: '签名值', signatureHelp: 'r‖s，128 位十六进制，即 `shuliu sign` 的输出', signedBuyer: '已签署，合同等待卖方签署', signedConcluded: '已签署，合同成立',
  },
};
