import type { ErrorCode } from '@shuliu/contracts';
/** 简体中文 — 机构签名密钥: the SM2 keys an org signs declarations and contracts with. */
// prettier-ignore
export const orgKeysZhCN = {
  orgKeys: {
    title: '签名密钥', tab: '机构签名密钥',
    intro: '本机构签署声明承诺和合同所用的 SM2 密钥。签名针对文件的 RFC 8785 规范化形式（SM3 杂凑，签名者 ID 1234567812345678），每个签名都写明所用密钥 ID，任何人都可以用下列公钥离线验证；密钥轮换后，旧密钥签过的文件仍然有效。',
    keyId: '密钥 ID', custody: '保管方式', state: '状态', publicKey: '公钥', createdAt: '创建时间', retiredAt: '轮换时间',
    custodyLabel: { platform: '平台托管', org: '本机构自持' } as Record<string, string>,
    inUse: '使用中', retired: '已轮换', empty: '尚未设置签名密钥',
    emptyHint: '首次签名时，平台会为本机构创建托管密钥；也可以现在创建，或登记本机构自持的公钥。',
    createPlatform: '创建平台托管密钥', registerOwn: '登记自有公钥', rotate: '轮换密钥',
    modalCreate: '设置签名密钥', modalRotate: '轮换签名密钥',
    platformHelp: '由平台生成 SM2 密钥对，私钥以平台主密钥加密保存，只在本机构管理员输入密码确认的签署操作中使用。',
    orgHelp: '在本机构用 shuliu keygen 生成密钥对，只把公钥登记到平台；签名用 shuliu sign 离线完成后提交，平台只做验证。',
    rotateWarn: '轮换后当前密钥即停用，但它签过的文件仍可验证。',
    publicKeyHelp: 'PEM 格式（-----BEGIN PUBLIC KEY-----）或以 04 开头的十六进制',
    publicKeyInvalid: '不是 SM2 公钥：请粘贴 PEM 格式的 SM2 公钥，或以 04 开头的 130 位十六进制',
    password: '您的登录密码', passwordHelp: '请再次输入您本人的登录密码以确认此操作；输错计入登录失败次数。',
    done: '签名密钥已设置', showPem: 'PEM 公钥',
    offline: '离线签名', offlineHelp: '自持密钥的机构在本地生成密钥并签名：',
  },
};

// prettier-ignore
export const orgKeysActionsZhCN: Record<string, string> = {
  'crypto.org_key.set': '设置机构签名密钥', 'crypto.org_key.create': '创建机构签名密钥', 'crypto.org_key.rotate': '轮换机构签名密钥',
  'crypto.org_key.sign': '机构签名', 'crypto.signature.verify': '验证机构签名', 'identity.user.password_confirm': '确认登录密码',
};

// prettier-ignore
export const orgKeysApiErrorsZhCN = {
  CRYPTO_ORG_KEY_NOT_FOUND: '没有这个机构签名密钥', CRYPTO_ORG_KEY_FORBIDDEN: '只有本机构的机构管理员可以设置或使用本机构的签名密钥',
  CRYPTO_PASSWORD_NOT_CONFIRMED: '此操作需要先重新输入您的登录密码',
  CRYPTO_ORG_KEY_HELD_BY_ORG: '本机构自持签名密钥：请用 shuliu sign 离线签名后提交签名',
  CRYPTO_ORG_PUBLIC_KEY_INVALID: '不是 SM2 公钥（需为 PEM 格式的 SM2 公钥，或曲线上的 04 开头十六进制公钥）',
  CRYPTO_ORG_PUBLIC_KEY_TAKEN: '该公钥已被登记为签名密钥，请重新生成密钥对',
  CRYPTO_ORG_KEY_CHANGED: '签名密钥刚被另一操作修改，请刷新后重试', CRYPTO_PAYLOAD_NOT_JSON: '待签名文件不是合法的 JSON',
} satisfies Partial<Record<ErrorCode, string>>;
