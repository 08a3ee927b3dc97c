const SURROGATE = /[\uD800-\uDFFF]/;
const STARS: string[] = Array.from({ length: 65 }, (_, n) => '*'.repeat(n));

const fill = (n: number, ch: string) => (ch === '*' && n < STARS.length ? STARS[n]! : ch.repeat(n));

/** GB/T 37964-2019 §6.2 (屏蔽): keeps `first` and `last` characters (code points), masks the rest in place. */
export function maskPartial(s: string, first: number, last: number, ch = '*'): string {
  if (SURROGATE.test(s)) {
    const cs = Array.from(s);
    if (cs.length <= first + last) return fill(cs.length, ch);
    return (
      cs.slice(0, first).join('') + fill(cs.length - first - last, ch) + cs.slice(cs.length - last).join('')
    );
  }
  if (s.length <= first + last) return fill(s.length, ch);
  return s.slice(0, first) + fill(s.length - first - last, ch) + s.slice(s.length - last);
}

/** RULES.md Masking: a name keeps its first character, one `*` per remaining character (`张**`). */
export const maskName = (s: string, ch = '*') =>
  s.length <= 1 ? fill(s.length, ch) : maskPartial(s, 1, 0, ch);

/** RULES.md Masking: a mobile keeps its first 3 and last 4 digits (`180****1999`); a +86 prefix stays. */
export const maskMobile = (s: string, ch = '*') =>
  s.length < 8 ? fill(s.length, ch) : s.slice(0, s.length - 8) + fill(4, ch) + s.slice(s.length - 4);

const ID_KEEP = { '1+2': [1, 2], '6+4': [6, 4], '3+4': [3, 4] } as const;
export type IdCardKeep = keyof typeof ID_KEEP;

/** RULES.md Masking: an ID card keeps its first 1 and last 2 characters by default; 6+4 and 3+4 selectable. */
export const maskIdCard = (s: string, keep: IdCardKeep = '1+2', ch = '*') =>
  maskPartial(s, ID_KEEP[keep][0], ID_KEEP[keep][1], ch);

/** RULES.md Masking (JR/T 0171-2020 §5.1): a bank card keeps its first 6 and last 4 digits. */
export const maskBankCard = (s: string, ch = '*') =>
  maskPartial(s.includes(' ') ? s.replaceAll(' ', '') : s, 6, 4, ch);

/** RULES.md Masking: an address has its last 8 characters masked (all of it when shorter). */
export function maskAddress(s: string, ch = '*'): string {
  const n = SURROGATE.test(s) ? Array.from(s).length : s.length;
  return n <= 8 ? fill(n, ch) : maskPartial(s, n - 8, 0, ch);
}

/** RULES.md Masking: an email keeps the first character of the local part and the domain (`d****@example.com`). */
export function maskEmail(s: string, ch = '*'): string {
  const at = s.lastIndexOf('@');
  return at < 1 ? maskPartial(s, 1, 0, ch) : s[0] + fill(4, ch) + s.slice(at);
}

/** RULES.md Masking: a plate keeps province, authority letter, first and last characters (`苏D4***0`). */
export const maskPlate = (s: string, ch = '*') => maskPartial(s, 3, 1, ch);

/** GB/T 37964-2019 §6.2: an IPv4 address keeps its /16 network (`192.168.*.*`); IPv6 keeps its /48. */
export function maskIp(s: string, ch = '*'): string {
  if (s.includes(':')) {
    const groups = s.split(':');
    return `${groups.slice(0, 3).join(':')}:${ch}`;
  }
  const parts = s.split('.');
  if (parts.length !== 4) return maskPartial(s, 0, 0, ch);
  return `${parts[0]}.${parts[1]}.${ch}.${ch}`;
}
