import { isIP } from 'node:net';
import { validateIdCard, validateUscc } from '@shuliu/contracts';

const isDigitCode = (c: number) => c >= 48 && c <= 57;

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isDigitCode(s.charCodeAt(i))) return false;
  return s.length > 0;
}

/** GB 11643-1999 §5–§6: an 18-character 公民身份号码 with a real birth date and a valid check character. */
export function isIdCardNumber(v: string): boolean {
  return v.length === 18 && validateIdCard(v.toUpperCase());
}

/** GB 32100-2015 §4: a 统一社会信用代码 whose GB 11714 organization code and check character hold. */
export function isUscc(v: string): boolean {
  return v.length === 18 && validateUscc(v.toUpperCase()).valid;
}

/** ISO/IEC 7812-1 Annex B (Luhn): the check digit of a payment card number. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, even = false; i >= 0; i--, even = !even) {
    let d = digits.charCodeAt(i) - 48;
    if (even && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** ISO/IEC 7812-1: a 15–19 digit bank card number (spaces allowed) that passes Luhn. */
export function isBankCard(v: string): boolean {
  const digits = v.includes(' ') ? v.replaceAll(' ', '') : v;
  return digits.length >= 15 && digits.length <= 19 && allDigits(digits) && luhnValid(digits);
}

/** MIIT numbering plan (RULES.md `^1[3-9]\d{9}$`): a mainland mobile number, optionally +86 / 86 and separators. */
export function isMobile(v: string): boolean {
  let s = v.length > 11 ? v.replace(/[\s-]/g, '') : v;
  if (s.length === 14 && s.startsWith('+86')) s = s.slice(3);
  else if (s.length === 13 && s.startsWith('86')) s = s.slice(2);
  const second = s.charCodeAt(1);
  return s.length === 11 && s.charCodeAt(0) === 49 && second >= 51 && second <= 57 && allDigits(s);
}

/** RFC 5321 §4.1.2 (shape only): local@domain with a dotted domain and no spaces; no regex backtracking. */
export function isEmail(v: string): boolean {
  const at = v.indexOf('@');
  if (at < 1 || at !== v.lastIndexOf('@') || v.length > 254) return false;
  const dot = v.lastIndexOf('.');
  return dot > at + 1 && dot < v.length - 2 && !/\s/.test(v);
}

/** RFC 791 / RFC 4291: an IPv4 or IPv6 address. */
export function isIpAddress(v: string): boolean {
  return v.length >= 7 && v.length <= 45 && isIP(v) !== 0;
}

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE_RE = new RegExp(`^[${PROVINCES}][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]$`);

/** GA 36-2018: a motor-vehicle plate, province abbreviation + authority letter + 5 (6 for new energy). */
export function isPlate(v: string): boolean {
  return v.length >= 7 && v.length <= 8 && PLATE_RE.test(v.toUpperCase());
}

// the most common Chinese surnames (公安部 2020 姓名报告, top 100 cover ~85 % of the population) and compound ones
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄',
);
const COMPOUND = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
];
const HAN_NAME = /^[\u4e00-\u9fa5]{2,4}$/;
const MINORITY_NAME = /^[\u4e00-\u9fa5]{1,8}·[\u4e00-\u9fa5·]{1,12}$/;

/** GB/T 35273-2020 Annex A (个人基本资料, 姓名): 2–4 Han characters led by a common surname, or a name with `·`. */
export function isChineseName(v: string): boolean {
  if (MINORITY_NAME.test(v)) return true;
  if (!HAN_NAME.test(v)) return false;
  return SURNAMES.has(v[0]!) || (v.length >= 3 && COMPOUND.includes(v.slice(0, 2)));
}

const ADDRESS_MARKERS = [
  '省',
  '市',
  '区',
  '县',
  '镇',
  '乡',
  '村',
  '路',
  '街',
  '巷',
  '号',
  '弄',
  '栋',
  '楼',
  '室',
  '单元',
  '小区',
  '大道',
  '胡同',
];

/** GB/T 35273-2020 Annex A (个人基本资料, 地址): Han text naming at least two levels of place. */
export function isAddress(v: string): boolean {
  if (v.length < 6 || v.length > 120 || !/[\u4e00-\u9fa5]/.test(v)) return false;
  let markers = 0;
  for (const m of ADDRESS_MARKERS) if (v.includes(m) && ++markers >= 2) return true;
  return false;
}

const HEALTH_WORDS = [
  '病',
  '癌',
  '瘤',
  '炎',
  '症',
  '糖尿',
  '高血压',
  '阳性',
  '阴性',
  '感染',
  '骨折',
  '抑郁',
  '艾滋',
  '肝炎',
  '手术',
];
const ICD10 = /^[A-TV-Z]\d{2}(?:\.[0-9A-Z]{1,4})?$/;

/** PIPL Art. 28 (医疗健康): a diagnosis word or an ICD-10 code (WHO ICD-10, GB/T 14396-2016). */
export function isHealthValue(v: string): boolean {
  if (v.length <= 8 && ICD10.test(v)) return true;
  for (const w of HEALTH_WORDS) if (v.includes(w)) return true;
  return false;
}

/** Three or more of one character that is neither a digit nor Han: `*`, `#`, `X` runs filled in by masking. */
const MASK_RUN = /([^\p{Script=Han}\p{Nd}])\1\1/u;

/**
 * GB/T 37964-2019 §6.2 (屏蔽): whether a value was masked in place — a run of a fill character where characters
 * were hidden (`山东省济南市历下区********`, `d****@example.com`). What is left of such a value may still look
 * like an address or an email, but it no longer identifies anyone in the clear.
 */
export const looksMasked = (v: string): boolean => MASK_RUN.test(v);
