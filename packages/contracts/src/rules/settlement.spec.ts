import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';
import { apportion, periodStatement, settleOrder, type OrderSplit } from './settlement.js';
import { MAX_FEN } from './market-price.js';

describe('最大余数法: an amount split by weights, summing exactly', () => {
  it('gives the units left to the largest remainders, ties to the one listed first', () => {
    expect(apportion(100, [1, 1, 1]).parts).toEqual([34, 33, 33]);
    expect(apportion(10, [2, 3, 5]).parts).toEqual([2, 3, 5]);
    // quotas 4.29, 2.86, 2.86: the two .86 each take one
    expect(apportion(10, [3, 2, 2])).toMatchObject({ parts: [4, 3, 3], floors: [4, 2, 2], remainder: 2 });
  });

  it('reads fractional weights exactly: 0.1, 0.2 and 0.7 of 10 fen are 1, 2 and 7', () => {
    expect(apportion(10, [0.1, 0.2, 0.7]).parts).toEqual([1, 2, 7]);
    expect(apportion(3, [1 / 3, 1 / 3, 1 / 3]).parts).toEqual([1, 1, 1]);
  });

  it('stays exact at the largest price and finest basis point', () => {
    const r = apportion(MAX_FEN - 1, [1, 9_998, 1]);
    expect(r.parts.reduce((a, b) => a + b, 0)).toBe(MAX_FEN - 1);
    // quotas 99,999,999.9999, 999,799,999,999.8002 and 99,999,999.9999: the two ends take the 2 fen left
    expect(r.parts).toEqual([100_000_000, 999_799_999_999, 100_000_000]);
  });

  it('splits nothing into zeros, and refuses what cannot be split', () => {
    expect(apportion(0, [0, 0]).parts).toEqual([0, 0]);
    expect(() => apportion(5, [0, 0])).toThrow(/all zero/);
    expect(() => apportion(1.5, [1])).toThrow(/non-negative integer/);
    expect(() => apportion(5, [1, -1])).toThrow(/weights\[1\]/);
    expect(() => apportion(5, [])).toThrow(/at least one/);
  });

  it('always sums to the amount, every part within one of its quota (random inputs)', () => {
    const random = seededRandom('apportion');
    for (let t = 0; t < 2000; t++) {
      const amount = random.below(2) ? random.below(1000) : random.below(2 ** 32) * 100;
      const weights = Array.from({ length: 1 + random.below(12) }, () =>
        random.below(4) === 0
          ? 0
          : random.below(3)
            ? random.below(10_000) + 1
            : random.nextUint32() / 2 ** 32,
      );
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      const r = apportion(amount, weights);
      expect(r.parts.reduce((a, b) => a + b, 0)).toBe(amount);
      r.parts.forEach((p, i) => {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p - r.floors[i]!).toBeGreaterThanOrEqual(0);
        expect(p - r.floors[i]!).toBeLessThanOrEqual(1);
      });
    }
  });
});

const party = (id: string, name?: string) => (name ? { id, name } : { id });
const publicDataOrder: OrderSplit = {
  orderId: 'ord_1',
  grossFen: 123_457,
  platform: { party: party('platform', '数流平台'), feeBp: 500 },
  authority: { party: party('org_auth', '省大数据局'), shareBp: 1_000 },
  operator: { party: party('org_op', '省数据集团'), shareBp: 1_500 },
  processors: {
    poolBp: 2_000,
    parties: [
      { party: party('org_a', '甲'), weight: 500_000_000 },
      { party: party('org_b', '乙'), weight: 300_000_000 },
      { party: party('org_c', '丙'), weight: 200_000_000 },
    ],
  },
  seller: party('org_seller', '卖方公司'),
};

describe('结算: one order split into per-party lines', () => {
  it('splits a public-data order among seller, operator, authority, processors and platform', () => {
    const s = settleOrder(publicDataOrder);
    expect(s.lines.map((l) => [l.role, l.party.id, l.fen])).toEqual([
      // 3 fen left over go to the largest fractions: .85 (platform), .7 (authority), .55 (operator)
      ['seller', 'org_seller', 61_728], // 5,000 bp: 61,728.5
      ['operator', 'org_op', 18_519], // 1,500 bp: 18,518.55 → +1
      ['authority', 'org_auth', 12_346], // 1,000 bp: 12,345.7 → +1
      ['processor', 'org_a', 12_346], // the pool 24,691 (2,000 bp: 24,691.4) by 5 : 3 : 2 = 12,345.5 → +1
      ['processor', 'org_b', 7_407], // 7,407.3
      ['processor', 'org_c', 4_938], // 4,938.2
      ['platform', 'platform', 6_173], // 500 bp: 6,172.85 → +1
    ]);
    expect(s.lines.reduce((n, l) => n + l.fen, 0)).toBe(123_457);
    const zh = s.explain.map((e) => e['zh-CN']);
    expect(zh).toContain(
      '平台服务费（数流平台）：500 基点（5.00%），123,457 × 500 ÷ 10,000 = 6,172.85 分，整数部分 6,172 分',
    );
    expect(zh.find((l) => l.startsWith('余下 3 分'))).toMatch(
      /授权运营方 \+1 分，公共数据主管部门 \+1 分，平台服务费 \+1 分/,
    );
    expect(zh.at(-1)).toBe('合计 123,457 分，等于订单总额 123,457 分');
    expect(s.explain.at(-1)!['en-US']).toBe('Total 123,457 fen, equal to the gross 123,457 fen');
  });

  it('never rounds the platform up on a tie: one fen at 50 % goes to the seller', () => {
    const s = settleOrder({
      orderId: 'o',
      grossFen: 1,
      platform: { party: party('p'), feeBp: 5_000 },
      seller: party('s'),
    });
    expect(s.lines.map((l) => l.fen)).toEqual([1, 0]);
  });

  it('refuses shares above the gross and a pool no one can take, naming the path', () => {
    const over = { ...publicDataOrder, platform: { party: party('p'), feeBp: 6_000 } };
    expect(() => settleOrder(over)).toThrow(/seller[\s\S]*more than the gross/);
    const nobody = {
      ...publicDataOrder,
      processors: { poolBp: 100, parties: [{ party: party('x'), weight: 0 }] },
    };
    expect(() => settleOrder(nobody)).toThrow(/processors[\s\S]*weight above zero/);
  });

  it('always sums to the gross with no negative line (random inputs)', () => {
    const random = seededRandom('settlement');
    for (let t = 0; t < 1000; t++) {
      const bp = () => random.below(2_500);
      const order: OrderSplit = {
        orderId: `o${t}`,
        grossFen: random.below(3) ? random.below(100_000) : random.below(2 ** 32) * 200,
        platform: { party: party('platform'), feeBp: bp() },
        ...(random.below(2) ? { authority: { party: party('auth'), shareBp: bp() } } : {}),
        ...(random.below(2) ? { operator: { party: party('op'), shareBp: bp() } } : {}),
        ...(random.below(2)
          ? {
              processors: {
                poolBp: bp(),
                parties: Array.from({ length: 1 + random.below(6) }, (_, i) => ({
                  party: party(`proc${i}`),
                  weight: i === 0 ? 1 + random.below(1e6) : random.below(1e6),
                })),
              },
            }
          : {}),
        seller: party('seller'),
      };
      const s = settleOrder(order);
      expect(s.lines.reduce((n, l) => n + l.fen, 0)).toBe(order.grossFen);
      for (const l of s.lines) expect(l.fen).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('对账单: a period per party', () => {
  it('adds each party’s lines over the period, by role, summing to the gross', () => {
    const a = settleOrder(publicDataOrder);
    const b = settleOrder({
      orderId: 'ord_2',
      grossFen: 10_001,
      platform: { party: party('platform', '数流平台'), feeBp: 500 },
      processors: { poolBp: 1_000, parties: [{ party: party('org_seller'), weight: 1 }] },
      seller: party('org_a', '甲'),
    });
    const st = periodStatement('2026-05', [a, b]);
    expect(st).toMatchObject({ period: '2026-05', grossFen: 133_458, orders: 2 });
    expect(st.parties.reduce((n, p) => n + p.fen, 0)).toBe(133_458);
    const orgA = st.parties.find((p) => p.party.id === 'org_a')!;
    expect(orgA).toMatchObject({ byRole: { processor: 12_346, seller: 8_501 }, fen: 20_847, orders: 2 });
  });
});
