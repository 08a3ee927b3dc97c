import { createHmac, hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hmacSm3Hex, maskerFor } from './protect.mask.js';
import {
  maskAddress,
  maskBankCard,
  maskEmail,
  maskIdCard,
  maskIp,
  maskMobile,
  maskName,
  maskPlate,
} from './protect.mask-formats.js';
import type { ColumnRule } from './protect.schema.js';

const HIERARCHIES = join(import.meta.dirname, '../../../../testdata/adult');
const KEY = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
const run = (rule: ColumnRule, v: string | number | null, key?: Buffer) => maskerFor(rule, key)!(v);

describe('RULES.md masking formats', () => {
  it('name, mobile, ID card (1+2, 6+4, 3+4), bank card, address, email, plate, IP', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('𠮷一')).toBe('𠮷*');
    expect(maskMobile('18012341999')).toBe('180****1999');
    expect(maskMobile('+86 18012341999')).toBe('+86 180****1999');
    expect(maskIdCard('37020219800101123X')).toBe('3***************3X');
    expect(maskIdCard('37020219800101123X', '6+4')).toBe('370202********123X');
    expect(maskIdCard('37020219800101123X', '3+4')).toBe('370***********123X');
    expect(maskBankCard('6222021234567893')).toBe('622202******7893');
    expect(maskAddress('山东省济南市历下区解放路12号3栋')).toBe('山东省济南市历下区********');
    expect(maskAddress('解放路12号')).toBe('******');
    expect(maskEmail('dongwang@example.com')).toBe('d****@example.com');
    expect(maskPlate('苏D45670')).toBe('苏D4***0');
    expect(maskIp('192.168.10.20')).toBe('192.168.*.*');
  });

  it('as strategies: null stays null, other characters selectable, partial keeps both ends', () => {
    expect(run({ strategy: 'mask', format: 'mobile' }, null)).toBeNull();
    expect(run({ strategy: 'mask', format: 'name', maskChar: '×' }, '李四')).toBe('李×');
    expect(run({ strategy: 'mask', format: 'partial', keepFirst: 2, keepLast: 0 }, 'ABCDEF')).toBe('AB****');
    expect(run({ strategy: 'mask', format: 'idCard', keep: '6+4' }, 370202)).toBe('******'); // too short: all masked
  });
});

describe('GB/T 37964-2019 techniques', () => {
  it('pseudonymization is HMAC-SM3: stable under one key, different under another', () => {
    expect(hmacSm3Hex(KEY)('张三')).toBe(createHmac('sm3', KEY).update('张三').digest('hex'));
    const long = Buffer.alloc(100, 7);
    expect(hmacSm3Hex(long)('x')).toBe(createHmac('sm3', long).update('x').digest('hex'));
    const rule: ColumnRule = { strategy: 'pseudonymize', prefix: 'p_' };
    const a = run(rule, '张三', KEY);
    expect(a).toMatch(/^p_[0-9a-f]{16}$/);
    expect(run(rule, '张三', KEY)).toBe(a);
    expect(run(rule, '张三', Buffer.alloc(16, 1))).not.toBe(a);
    expect(() => maskerFor(rule)).toThrow(/needs a key/);
    expect(() => maskerFor(rule, Buffer.alloc(8))).toThrow(/at least 16 bytes/);
  });

  it('hashing is SM3, optionally salted and truncated', () => {
    expect(run({ strategy: 'hash' }, 'abc')).toBe(hash('sm3', 'abc', 'hex'));
    expect(run({ strategy: 'hash', salt: 's', length: 8 }, 'abc')).toBe(
      hash('sm3', 'sabc', 'hex').slice(0, 8),
    );
  });

  it('generalizes every Adult age into the 10-year band that holds it', () => {
    const rows = readFileSync(join(HIERARCHIES, 'adult_hierarchy_age.csv'), 'utf8').trim().split('\n');
    const band = maskerFor({ strategy: 'generalize', method: 'band', width: 10 })!;
    for (const row of rows) {
      const age = Number(row.split(';')[0]);
      const [lo, hi] = String(band(String(age)))
        .split('-')
        .map(Number);
      expect(hi! - lo!).toBe(9);
      expect(age >= lo! && age <= hi! && lo! % 10 === 0).toBe(true);
    }
  });

  it('generalizes through a hierarchy level given as a map', () => {
    const lines = readFileSync(join(HIERARCHIES, 'adult_hierarchy_workclass.csv'), 'utf8').trim().split('\n');
    const map = Object.fromEntries(lines.map((l) => l.trim().split(';').slice(0, 2) as [string, string]));
    const m = maskerFor({ strategy: 'generalize', method: 'map', map })!;
    expect([m('State-gov'), m('Private'), m('Never-worked'), m('unknown')]).toEqual([
      'Government',
      'Non-Government',
      'Unemployed',
      '*',
    ]);
  });

  it('generalizes dates and codes; what cannot be read is suppressed, never passed through', () => {
    expect(run({ strategy: 'generalize', method: 'date', to: 'month' }, '2024-3-15')).toBe('2024-03');
    expect(run({ strategy: 'generalize', method: 'date', to: 'year' }, '20240315')).toBe('2024');
    expect(run({ strategy: 'generalize', method: 'date', to: 'year' }, 'soon')).toBeNull();
    expect(run({ strategy: 'generalize', method: 'prefix', keep: 4 }, '370202')).toBe('370200');
    expect(run({ strategy: 'generalize', method: 'band', width: 10 }, 'n/a')).toBeNull();
  });

  it('suppression, rounding and bucketing', () => {
    expect(run({ strategy: 'suppress' }, 'x')).toBeNull();
    expect(run({ strategy: 'suppress', replacement: '***' }, 'x')).toBe('***');
    expect(run({ strategy: 'round', step: 1000 }, '12345')).toBe(12000);
    expect(run({ strategy: 'round', step: 0.1 }, 3.14159)).toBe(3.1);
    const b: ColumnRule = { strategy: 'round', buckets: [0, 5000, 10000] };
    expect([run(b, -1), run(b, 0), run(b, 7500), run(b, 10000)]).toEqual([
      '<0',
      '0-5000',
      '5000-10000',
      '>=10000',
    ]);
  });

  it('Laplace noise is centred on the value with the given scale', () => {
    const m = maskerFor({ strategy: 'noise', scale: 2 })!;
    const xs = Array.from({ length: 20_000 }, () => (m(100) as number) - 100);
    const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
    const meanAbs = xs.reduce((a, x) => a + Math.abs(x), 0) / xs.length; // E|X| = b for Laplace(0, b)
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(Math.abs(meanAbs - 2)).toBeLessThan(0.1);
    expect(Number.isInteger(maskerFor({ strategy: 'noise', scale: 5, decimals: 0 })!(10))).toBe(true);
    expect(maskerFor({ strategy: 'noise', scale: 1, distribution: 'uniform' })!('x')).toBeNull();
  });
});
