import { describe, expect, it } from 'vitest';
import { ColumnSampler, detectColumn } from './protect.detect.js';
import { SyntheticPeople } from './protect.fixtures.js';
import { maskAddress, maskEmail, maskPlate } from './protect.mask-formats.js';
import { nameHints, nameWords, DEFAULT_NAME_HINTS } from './protect.hints.js';
import { DEFAULT_DETECTION_SETTINGS } from './protect.settings.js';

const g = new SyntheticPeople(11);
const many = (f: () => string, n = 300) => Array.from({ length: n }, f);

describe('PII detection', () => {
  it('recognises every kind from its values alone', () => {
    const cases = {
      idCard: () => g.idCard(),
      mobile: g.mobile,
      bankCard: () => g.bankCard(),
      uscc: () => g.uscc(),
      email: g.email,
      name: g.name,
      address: g.address,
      plate: g.plate,
      ip: g.ip,
    };
    for (const [kind, f] of Object.entries(cases)) {
      const d = detectColumn('col', many(f));
      expect(d?.kind, kind).toBe(kind);
      expect(d!.confidence).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('does not take numbers of the right shape with wrong check digits for identifiers', () => {
    expect(
      detectColumn(
        'x',
        many(() => g.idCard(false)),
      ),
    ).toBeNull();
    expect(
      detectColumn(
        'x',
        many(() => g.bankCard(false)),
      ),
    ).toBeNull();
    expect(
      detectColumn(
        'x',
        many(() => g.uscc(false)),
      ),
    ).toBeNull();
    // not even when the column is named for them
    expect(
      detectColumn(
        '身份证号',
        many(() => g.idCard(false)),
      )?.kind,
    ).not.toBe('idCard');
    expect(
      detectColumn(
        'bank_card_no',
        many(() => g.bankCard(false)),
      )?.kind,
    ).not.toBe('bankCard');
  });

  it('GB/T 37964-2019 §6.2: values masked in place are no identifier in the clear, whatever is left of them', () => {
    const masked = {
      联系地址: [g.address, maskAddress, 'address'],
      邮箱: [g.email, maskEmail, 'email'],
      车牌号: [g.plate, maskPlate, 'plate'],
    } as const;
    for (const [column, [make, mask, kind]] of Object.entries(masked)) {
      expect(detectColumn(column, many(make))?.kind, column).toBe(kind);
      expect(
        detectColumn(
          column,
          many(() => mask(make())),
        )?.kind,
        column,
      ).toBeUndefined();
      expect(
        detectColumn(
          column,
          many(() => mask(make(), '#')),
        ),
        column,
      ).toBeNull();
    }
  });

  it('needs a clear majority of valid values, and less when the name hints at the kind', () => {
    const mixed = [...many(() => g.idCard(), 40), ...many(() => g.idCard(false), 60)];
    expect(detectColumn('code', mixed)).toBeNull();
    const hinted = detectColumn('id_card_no', mixed)!;
    expect(hinted.kind).toBe('idCard');
    expect(hinted.confidence).toBeLessThan(
      detectColumn(
        'id_card_no',
        many(() => g.idCard()),
      )!.confidence,
    );
  });

  it('takes biometric and health columns from their names (values are templates or free text)', () => {
    expect(detectColumn('指纹模板', ['AAECAwQ=', 'BQYHCAk='])?.kind).toBe('biometric');
    expect(detectColumn('face_image', [])?.kind).toBe('biometric');
    expect(detectColumn('诊断结果', ['感冒', '正常'])?.kind).toBe('health');
    expect(
      detectColumn(
        'notes',
        many(() => g.pick(['高血压', '2型糖尿病', 'I10'])),
      )?.kind,
    ).toBe('health');
  });

  it('leaves ordinary columns alone', () => {
    expect(
      detectColumn(
        'amount',
        many(() => String(g.int(100000))),
      ),
    ).toBeNull();
    expect(
      detectColumn(
        'product_name',
        many(() => g.pick(['苹果', '香蕉'])),
      ),
    ).toBeNull();
  });
});

describe('column-name hints', () => {
  it('match whole words and Han substrings, not words inside words', () => {
    expect(nameWords('idCardNo')).toEqual(['id', 'card', 'no']);
    expect(nameHints('ID_Card_No', DEFAULT_NAME_HINTS.idCard)).toBe(true);
    expect(nameHints('客户手机号', DEFAULT_NAME_HINTS.mobile)).toBe(true);
    expect(nameHints('hotel', DEFAULT_NAME_HINTS.mobile)).toBe(false);
    expect(nameHints('customer_name', DEFAULT_NAME_HINTS.name)).toBe(true);
    expect(nameHints('filename', DEFAULT_NAME_HINTS.name)).toBe(false);
    expect(nameHints('company_name', DEFAULT_NAME_HINTS.name)).toBe(false);
  });
});

describe('bounded sampling', () => {
  it('keeps the first values and a uniform reservoir of the rest, never more', () => {
    const s = new ColumnSampler(100, 50);
    for (let i = 0; i < 100_000; i++) s.add(String(i));
    expect(s.values).toHaveLength(150);
    expect(s.head.slice(0, 3)).toEqual(['0', '1', '2']);
    const mean = s.reservoir.reduce((a, v) => a + Number(v), 0) / 50;
    expect(mean).toBeGreaterThan(25_000);
    expect(mean).toBeLessThan(75_000);
  });

  it('the defaults are the documented ones', () => {
    expect(DEFAULT_DETECTION_SETTINGS).toMatchObject({
      sampleHead: 1000,
      sampleReservoir: 1000,
      minMatchRatio: 0.6,
    });
  });
});
