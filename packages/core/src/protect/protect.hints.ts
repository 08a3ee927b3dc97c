import type { PiiKind } from './protect.types.js';

/**
 * Column-name hints per kind. An entry with Han characters matches as a substring of the name; an ASCII entry
 * matches whole words of it (`id card` matches `ID_Card_No` and `idCardNo`, `name` does not match `filename`).
 * Names with an `unless` word (e.g. `product_name`) are not hints.
 */
export interface NameHint {
  words: string[];
  unless?: string[];
}

export const DEFAULT_NAME_HINTS: Record<PiiKind, NameHint> = {
  idCard: {
    words: [
      '身份证',
      '证件号',
      '公民身份号码',
      'id card',
      'idcard',
      'id no',
      'id number',
      'idno',
      'identity',
      'sfz',
      'sfzh',
      'cert no',
    ],
  },
  mobile: {
    words: ['手机', '电话', '联系方式', 'mobile', 'phone', 'tel', 'telephone', 'cellphone', 'sjh', 'msisdn'],
  },
  bankCard: {
    words: [
      '银行卡',
      '卡号',
      '账号',
      '银行账户',
      'bank card',
      'bankcard',
      'card no',
      'card number',
      'account no',
      'acct no',
      'iban',
      'pan',
    ],
  },
  uscc: { words: ['统一社会信用代码', '信用代码', 'uscc', 'credit code', 'tyshxydm'] },
  email: { words: ['邮箱', '电子邮件', '邮件', 'email', 'mail', 'e mail'] },
  name: {
    words: [
      '姓名',
      '名字',
      '联系人',
      '真实姓名',
      '患者',
      'name',
      'full name',
      'fullname',
      'real name',
      'realname',
      'first name',
      'last name',
      'surname',
      'xm',
    ],
    unless: [
      'file',
      'product',
      'company',
      'org',
      'organization',
      'user',
      'host',
      'item',
      'goods',
      'shop',
      'store',
      'brand',
      'dept',
      'department',
      'table',
      'column',
      'field',
      'city',
      'province',
      'country',
      'street',
      'region',
      'district',
      'bank',
      'school',
      'hospital',
      'app',
      'device',
      'domain',
      '公司',
      '企业',
      '单位',
      '产品',
      '机构',
      '文件',
    ],
  },
  address: {
    words: ['地址', '住址', '住所', '户籍', '居住地', 'address', 'addr', 'residence', 'street', 'dz'],
  },
  plate: { words: ['车牌', '号牌', 'plate', 'license plate', 'plate no', 'car no', 'cph'] },
  ip: { words: ['ip地址', 'ip', 'ip addr', 'ipaddress', 'ipv4', 'ipv6', 'client ip', 'remote addr'] },
  biometric: {
    words: [
      '指纹',
      '人脸',
      '面部',
      '面容',
      '虹膜',
      '声纹',
      '掌纹',
      '步态',
      '基因',
      '生物识别',
      'fingerprint',
      'face',
      'iris',
      'voiceprint',
      'biometric',
      'biometrics',
      'gene',
      'dna',
      'retina',
      'palmprint',
    ],
  },
  health: {
    words: [
      '病',
      '诊断',
      '健康',
      '体检',
      '血型',
      '过敏',
      '用药',
      '处方',
      '就诊',
      '症状',
      '医疗',
      '化验',
      'diagnosis',
      'disease',
      'medical',
      'health',
      'icd',
      'symptom',
      'symptoms',
      'allergy',
      'allergies',
      'blood type',
      'prescription',
      'medication',
      'illness',
    ],
  },
};

/** Splits a column name into lower-case words at separators and camelCase boundaries (`idCardNo` → id card no). */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const hasHan = (s: string) => /[\u4e00-\u9fa5]/.test(s);

function containsWords(words: string[], phrase: string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** Whether a column name hints at a kind. */
export function nameHints(name: string, hint: NameHint): boolean {
  const lower = name.toLowerCase();
  const words = nameWords(name);
  const matches = (entry: string) =>
    hasHan(entry) ? lower.includes(entry) : containsWords(words, entry.split(' '));
  if (hint.unless?.some(matches)) return false;
  return hint.words.some(matches);
}
