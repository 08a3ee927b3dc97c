import type { ClientErrorCode, ErrorCode } from '@shuliu/contracts';
import { authSecurityApiErrorsZhCN } from './auth-security.zh-CN';
import { catalogApiErrorsZhCN } from './catalog.zh-CN';
import { consentApiErrorsZhCN } from './consent.zh-CN';
import { inputsApiErrorsZhCN } from './inputs.zh-CN';
import { registryApiErrorsZhCN } from './registry.zh-CN';
import { settingsApiErrorsZhCN } from './settings.zh-CN';
import { orgKeysApiErrorsZhCN } from './org-keys.zh-CN';
import { marketApiErrorsZhCN } from './market.zh-CN';
import { marketDemandsApiErrorsZhCN } from './market-demands.zh-CN';
import { tradeApiErrorsZhCN } from './trade.zh-CN';
import { gatewayApiErrorsZhCN } from './gateway.zh-CN';
import { computeApiErrorsZhCN } from './compute.zh-CN';
import { settlementApiErrorsZhCN } from './settlement.zh-CN';
import { assetsApiErrorsZhCN } from './assets.zh-CN';
import { dcmmApiErrorsZhCN } from './dcmm.zh-CN';
import { qualityProgrammesApiErrorsZhCN } from './quality-programmes.zh-CN';
import { qualityApiErrorsZhCN } from './quality.zh-CN';

/** A message for every error code the portal can meet: the API's (`ErrorCode`) and the clients' own. */
export type ErrorMessages = Record<ErrorCode | ClientErrorCode, string>;

/** 简体中文 — what the platform itself answers: requests, sign-in, the ledger, keys and stored files. */
// prettier-ignore
export const platformApiErrorsZhCN = {
  BAD_JSON: '请求内容不是有效的 JSON，请检查后重新提交', BAD_REQUEST: '请求无效，请检查后重试',
  VALIDATION_FAILED: '提交的内容不符合要求，请按提示修改', UNSUPPORTED_MEDIA_TYPE: '请求的内容类型不受支持，请以 JSON 提交',
  NOT_FOUND: '请求的对象不存在', ROUTE_NOT_FOUND: '接口不存在', FORBIDDEN: '您没有执行此操作的权限',
  UNAUTHENTICATED: '登录已失效，请重新登录', TOKEN_READ_ONLY: '该 API 令牌是只读的，只能查询，不能修改数据',
  RATE_LIMITED: '请求过于频繁，请稍后再试', INTERNAL: '服务器内部错误，请稍后重试',
  NETWORK_ERROR: '无法连接服务器，请检查网络', HTTP_ERROR: '服务器返回了错误但没有说明原因，请稍后重试',
  BAD_RESPONSE: '服务器的应答无法识别，请稍后重试；如仍出现，请联系平台运营方', ABORTED: '操作已取消',
  UNKNOWN: '发生了未知错误，请刷新页面后重试',
  IDENTITY_INVALID_CREDENTIALS: '用户名或密码错误', IDENTITY_ACCOUNT_LOCKED: '因连续多次登录失败，账户已被临时锁定',
  IDENTITY_USER_DISABLED: '该账户已停用，请联系机构管理员', IDENTITY_ORG_SUSPENDED: '所属机构已被暂停，暂不能登录',
  IDENTITY_USCC_INVALID: '统一社会信用代码不正确（长度、字符或校验码不符合 GB 32100-2015），请核对后重新输入',
  IDENTITY_USCC_TAKEN: '该统一社会信用代码已被注册', IDENTITY_USERNAME_TAKEN: '该用户名已被占用',
  IDENTITY_APPLICATION_NOT_PENDING: '该申请已处理，不能重复审核', IDENTITY_APPLICATION_NOT_REJECTED: '只有被驳回的申请才能重新提交',
  IDENTITY_ROLE_NOT_ALLOWED: '该机构不能拥有所选角色', IDENTITY_SELF_LOCKOUT: '不能停用自己或移除自己的管理员角色',
  IDENTITY_WRONG_PASSWORD: '当前密码不正确', IDENTITY_TOKEN_ROLES_EXCEED: 'API 令牌的角色不能超出您本人的角色',
  IDENTITY_ORG_NOT_ACTIVE: '该机构当前不是正常状态',
  LEDGER_CHECKPOINT_NOT_FOUND: '该树大小没有签名检查点', LEDGER_TREE_SIZE_BEYOND_HEAD: '账本还没有这么大',
  LEDGER_ENTRY_NOT_FOUND: '该序号没有账本条目', LEDGER_INDEX_OUT_OF_RANGE: '序号超出树大小',
  LEDGER_ENTRY_INVALID: '账本条目的格式不正确，未写入账本',
  LEDGER_NO_SIGNING_KEY: '平台还没有签名密钥，暂不能签署检查点；请平台运营方启动一次服务器或运行 shuliu ledger checkpoint',
  LEDGER_CORRUPT: '账本数据已损坏，请平台运营方运行 shuliu ledger verify 检查',
  CRYPTO_ENVELOPE_INVALID: '加密数据的格式不正确（不是有效的 SM4 密文）',
  CRYPTO_ENVELOPE_TAMPERED: '加密数据未通过完整性校验：已被篡改，或不是用该密钥加密的',
  CRYPTO_KEY_NOT_FOUND: '密钥不存在',
  CRYPTO_MASTER_KEY_MISMATCH: '服务器配置的主密钥与加密已存密钥时使用的不同，请平台运营方检查主密钥配置（SHULIU_MASTER_KEY_FILE）',
  BLOB_MISSING: '存储的文件已丢失，请重新上传；如多次出现，请联系平台运营方',
} satisfies Partial<ErrorMessages>;

/** Every code's message in 简体中文, assembled from the areas: a code missing here does not compile. */
export const apiErrorsZhCN: ErrorMessages = {
  ...platformApiErrorsZhCN,
  ...catalogApiErrorsZhCN,
  ...registryApiErrorsZhCN,
  ...settingsApiErrorsZhCN,
  ...consentApiErrorsZhCN,
  ...authSecurityApiErrorsZhCN,
  ...inputsApiErrorsZhCN,
  ...orgKeysApiErrorsZhCN,
  ...marketApiErrorsZhCN,
  ...marketDemandsApiErrorsZhCN,
  ...tradeApiErrorsZhCN,
  ...gatewayApiErrorsZhCN,
  ...computeApiErrorsZhCN,
  ...settlementApiErrorsZhCN,
  ...assetsApiErrorsZhCN,
  ...dcmmApiErrorsZhCN,
  ...qualityProgrammesApiErrorsZhCN,
  ...qualityApiErrorsZhCN,
};
