/**
 * Check-digit rules shared by the API contracts and the portal's forms, so that a code
 * the browser accepts is exactly a code the server accepts.
 */

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type UsccProblem = 'length' | 'charset' | 'orgCodeCheck' | 'checkDigit';
export type UsccResult = { valid: true } | { valid: false; problem: UsccProblem; message: string };

/** GB 11714-1997: check character of the 8-digit organization code body (chars 9–16 of a USCC). */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8[i]!;
    const v = /[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 55; // A=10 … Z=35
    sum += v * ORG_CODE_WEIGHTS[i]!;
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** GB 32100-2015 §4: the 18th character of a unified social credit code. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 32100-2015: validates a 统一社会信用代码 (length, charset, embedded GB 11714 code, check character). */
export function validateUscc(code: string): UsccResult {
  if (code.length !== 18) return { valid: false, problem: 'length', message: 'must be 18 characters' };
  for (const ch of code) {
    if (!USCC_CHARSET.includes(ch)) {
      return {
        valid: false,
        problem: 'charset',
        message: `character "${ch}" is not allowed (I, O, S, V, Z never occur)`,
      };
    }
  }
  const orgCode = code.slice(8, 17);
  if (orgCodeCheckChar(orgCode.slice(0, 8)) !== orgCode[8]) {
    return {
      valid: false,
      problem: 'orgCodeCheck',
      message: 'the embedded organization code (chars 9–17) fails its GB 11714 check',
    };
  }
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) {
    return { valid: false, problem: 'checkDigit', message: 'the check character (18th) is wrong' };
  }
  return { valid: true };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 §5.2: the check character of the first 17 digits of a 公民身份号码. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** GB 11643-1999: validates an 18-digit 公民身份号码 (real birth date, check character). */
export function validateIdCard(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return false;
  if (date.getTime() > Date.now()) return false;
  return idCardCheckChar(id.slice(0, 17)) === id[17];
}
