import { describe, expect, it } from 'vitest';
import { SyntheticPeople } from './protect.fixtures.js';
import {
  isAddress,
  isBankCard,
  isChineseName,
  isEmail,
  isHealthValue,
  isIdCardNumber,
  isIpAddress,
  isMobile,
  isPlate,
  isUscc,
  luhnValid,
} from './protect.rules.js';

const g = new SyntheticPeople(3);

describe('identifier check digits', () => {
  it('GB 11643-1999: a real birth date and the check character', () => {
    expect(isIdCardNumber('11010519491231002X')).toBe(true);
    expect(isIdCardNumber('11010519491231002x')).toBe(true);
    expect(isIdCardNumber('110105194912310021')).toBe(false); // wrong check character
    expect(isIdCardNumber('110105194902300028')).toBe(false); // 30 February
    for (let i = 0; i < 200; i++) {
      expect(isIdCardNumber(g.idCard())).toBe(true);
      expect(isIdCardNumber(g.idCard(false))).toBe(false);
    }
  });

  it('GB 32100-2015: the embedded GB 11714 code and the 18th character', () => {
    expect(isUscc('11370200MB1Q88351H')).toBe(true);
    expect(isUscc('11370200MB1Q88351X')).toBe(false);
    for (let i = 0; i < 200; i++) {
      expect(isUscc(g.uscc())).toBe(true);
      expect(isUscc(g.uscc(false))).toBe(false);
    }
  });

  it('ISO/IEC 7812 Luhn: bank cards of 15–19 digits', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(isBankCard('6222 0212 3456 7893')).toBe(luhnValid('6222021234567893'));
    expect(isBankCard('41111111111')).toBe(false); // too short
    for (let i = 0; i < 200; i++) {
      expect(isBankCard(g.bankCard())).toBe(true);
      expect(isBankCard(g.bankCard(false))).toBe(false);
    }
  });
});

describe('shapes', () => {
  it('mobile: ^1[3-9]\\d{9}$, with an optional +86', () => {
    expect(['13800138000', '+86 138-0013-8000', '8613800138000'].every(isMobile)).toBe(true);
    expect(['12800138000', '1380013800', '23800138000'].some(isMobile)).toBe(false);
  });

  it('email, IP, plate', () => {
    expect(isEmail('d.wang@example.com')).toBe(true);
    expect(['a@b', '@x.com', 'a b@x.com', 'a@x.c'].some(isEmail)).toBe(false);
    expect(isIpAddress('192.168.1.20') && isIpAddress('2001:db8::1')).toBe(true);
    expect(isIpAddress('1.2.3.256')).toBe(false);
    expect(isPlate('苏D45670') && isPlate('鲁BD12345') && isPlate('京A1234学')).toBe(true);
    expect(isPlate('苏I45670') || isPlate('ABC1234')).toBe(false);
  });

  it('names, addresses and health words', () => {
    expect(isChineseName('张伟') && isChineseName('欧阳娜娜') && isChineseName('阿依古丽·买买提')).toBe(true);
    expect(isChineseName('北京市') || isChineseName('张')).toBe(false);
    expect(isAddress('山东省济南市历下区解放路12号')).toBe(true);
    expect(isAddress('济南') || isAddress('我们的市场')).toBe(false);
    expect(isHealthValue('2型糖尿病') && isHealthValue('E11.9')).toBe(true);
    expect(isHealthValue('正常')).toBe(false);
  });
});
