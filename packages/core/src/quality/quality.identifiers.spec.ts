import { idCardCheckChar, orgCodeCheckChar, usccCheckChar } from '@shuliu/contracts';
import { describe, expect, it } from 'vitest';
import { isEmail, isIdCardNumber, isUscc } from '../protect/index.js';
import { isEmailText, isIdCardText, isUsccText } from './quality.identifiers.js';

/** A well-formed ID number for a birth day, then every variant one character away from it. */
function idCards(): string[] {
  const out: string[] = [];
  const births = [
    '19800101',
    '20000229',
    '19000228',
    '18991231',
    '19990229',
    '20991231',
    '19801301',
    '19800132',
  ];
  births.push('19800100', '20250431', '21000101');
  births.forEach((birth, i) => {
    const first17 = `370102${birth}${String(100 + i).padStart(3, '0')}`;
    const good = first17 + idCardCheckChar(first17);
    out.push(good, good.toLowerCase(), first17 + 'x', first17 + 'X', first17 + '0', first17 + 'Y');
    for (let p = 0; p < 18; p++)
      for (const c of ['0', '9', 'X', 'x', ' ', '/', ':', '٣', '中'])
        out.push(good.slice(0, p) + c + good.slice(p + 1));
  });
  out.push('', '1', ' 11010519491231002X', '11010519491231002X ', '11010519491231002', '11010519491231002XX');
  out.push('１１０１０５１９４９１２３１００２Ｘ', '11010519491231002\u0445');
  return out;
}

/** Credit codes whose two check characters hold, with lower-case, I/O/S/V/Z and non-ASCII variants. */
function usccs(): string[] {
  const out: string[] = [];
  for (const [i, body] of ['MA3C0001', 'MA3C00XY', '0000000A', 'ABCDEFGH', '12345678'].entries()) {
    const org = body + orgCodeCheckChar(body);
    const first17 = `91${String(370100 + i)}${org}`.slice(0, 17);
    const good = first17 + usccCheckChar(first17);
    out.push(good, good.toLowerCase(), good.slice(0, 17) + 'I');
    for (let p = 0; p < 18; p++)
      for (const c of ['0', 'A', 'X', 'x', 'I', 'O', 'S', 'V', 'Z', 'y', 'ı', 'ſ', 'ß', ' '])
        out.push(good.slice(0, p) + c + good.slice(p + 1));
  }
  out.push('', '91370100MA3C00012', '91370100MA3C000123X', '91370100MA3C000123');
  return out;
}

const EMAILS = [
  'u1@example.cn',
  'a@b.cn',
  'a@b.c',
  'a@bc.',
  '@b.cn',
  'a@@b.cn',
  'a@b@c.cn',
  'a@.cn',
  'a.b@c',
  'a b@c.cn',
  'a@b.cn\t',
  'a@b.cn\u3000',
  'a@b\u00a0.cn',
  'a@b\u2028.cn',
  'a@b\ufeff.cn',
  'a@b\u200b.cn', // zero-width space is not white space to `\s`
  '用户@例子.中国',
  'x'.repeat(250) + '@b.cn',
  'x'.repeat(248) + '@b.cn',
  '',
];

describe('the char-code identifier tests accept exactly what protect accepts', () => {
  it('ID card numbers: digits, X in either case, real birth days up to today, the check character', () => {
    const values = idCards();
    expect(values.filter(isIdCardText).length).toBeGreaterThan(10);
    for (const v of values) expect([v, isIdCardText(v)]).toEqual([v, isIdCardNumber(v)]);
  });

  it('credit codes: the charset in either case and both check characters', () => {
    const values = usccs();
    expect(values.filter(isUsccText).length).toBeGreaterThan(5);
    for (const v of values) expect([v, isUsccText(v)]).toEqual([v, isUscc(v)]);
  });

  it('emails: one @, a dotted domain, no white space of any kind', () => {
    for (const v of EMAILS) expect([v, isEmailText(v)]).toEqual([v, isEmail(v)]);
  });
});
