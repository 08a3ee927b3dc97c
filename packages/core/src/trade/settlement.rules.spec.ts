import { shapleyExact, shapleyShares } from '@shuliu/contracts';
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  fenAsYuan,
  periodBounds,
  periodOf,
  previousPeriod,
  splitOrder,
} from './settlement.rules.js';

// a small seeded generator (mulberry32): the same cases on every run, so a failure can be replayed
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

describe('periods are Beijing months', () => {
  it('start at 00:00 on the 1st in Beijing (16:00 UTC the day before) and end at the next month’s', () => {
    expect(periodBounds('2026-01')).toEqual({
      startsAt: new Date('2025-12-31T16:00:00Z'),
      endsAt: new Date('2026-01-31T16:00:00Z'),
    });
    expect(periodBounds('2026-12').endsAt).toEqual(new Date('2026-12-31T16:00:00Z'));
    expect(periodOf(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01');
    expect(periodOf(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02');
    expect(previousPeriod('2026-01')).toBe('2025-12');
  });
});

describe('an order’s split (结算)', () => {
  it('sums exactly to the gross over random amounts, fees, grant shares and contributors', () => {
    const r = random(20261207);
    for (let i = 0; i < 2000; i++) {
      const gross = int(r, 0, r() < 0.2 ? 100 : 10_000_000_00);
      const feeBp = int(r, 0, 3000);
      const grant =
        r() < 0.4
          ? { authorityOrgId: 'org_a', operatorOrgId: 'org_s', authorityShareBp: int(r, 0, 7000) }
          : null;
      const n = r() < 0.5 ? int(r, 1, 12) : 0;
      const weights = Array.from({ length: n }, () => (r() < 0.1 ? 0 : int(r, 0, 1000)));
      if (n && !weights.some((w) => w > 0)) weights[0] = 1;
      const ppb = n
        ? shapleyShares({
            players: weights.map((_, k) => `org_c${k}`),
            values: Object.fromEntries(weights.map((w, k) => [`org_c${k}`, w])),
          })
        : null;
      const split = splitOrder({
        orderId: `ord_${i}`,
        grossFen: gross,
        sellerOrgId: 'org_s',
        platform: { orgId: 'org_p', feeBp },
        grant,
        contributors: ppb && {
          computationId: 'shp_x',
          partsPerBillion: ppb.players.map((p): [string, number] => [p, ppb.partsPerBillion[p]!]),
        },
      });
      expect(
        split.lines.reduce((s, l) => s + l.fen, 0),
        `case ${i}`,
      ).toBe(gross);
      for (const l of split.lines) expect(Number.isSafeInteger(l.fen) && l.fen >= 0).toBe(true);
      // each top-level part is its quota rounded down or up, never further off
      const platform = split.lines.find((l) => l.role === 'platform')!.fen;
      expect(Math.abs(platform - (gross * feeBp) / 10_000)).toBeLessThan(1);
      if (grant && grant.authorityShareBp > 0) {
        const authority = split.lines.find((l) => l.role === 'authority')!.fen;
        expect(Math.abs(authority - (gross * grant.authorityShareBp) / 10_000)).toBeLessThan(1);
      }
      expect(split.lines.some((l) => l.role === 'seller')).toBe(!n && !grant);
    }
  });

  it('names the seller the authorized operator under a grant and hands the contributors the seller’s part', () => {
    const game = shapleyExact(['org_s', 'org_x'], { kind: 'additive', weights: { org_s: 1, org_x: 3 } });
    const shares = shapleyShares(game);
    const split = splitOrder({
      orderId: 'ord_1',
      grossFen: 10_000,
      sellerOrgId: 'org_s',
      platform: { orgId: 'org_p', feeBp: 500 },
      grant: { authorityOrgId: 'org_a', operatorOrgId: 'org_s', authorityShareBp: 1500 },
      contributors: {
        computationId: 'shp_1',
        partsPerBillion: [
          ['org_s', shares.partsPerBillion.org_s!],
          ['org_x', shares.partsPerBillion.org_x!],
        ],
      },
    });
    expect(split.lines).toEqual([
      { role: 'authority', orgId: 'org_a', fen: 1_500 },
      { role: 'contributor', orgId: 'org_s', fen: 2_000 },
      { role: 'contributor', orgId: 'org_x', fen: 6_000 },
      { role: 'platform', orgId: 'org_p', fen: 500 },
    ]);
    expect(split.explain.map((w) => w['en-US']).join('\n')).toContain('Shapley share (computation shp_1)');
    const plain = splitOrder({
      orderId: 'ord_2',
      grossFen: 101,
      sellerOrgId: 'org_s',
      platform: { orgId: 'org_p', feeBp: 0 },
      grant: { authorityOrgId: 'org_a', operatorOrgId: 'org_s', authorityShareBp: 0 },
    });
    expect(plain.lines).toEqual([
      { role: 'operator', orgId: 'org_s', fen: 101 },
      { role: 'platform', orgId: 'org_p', fen: 0 },
    ]);
  });
});

describe('the CSV', () => {
  it('quotes what must be quoted and defuses spreadsheet formulas', () => {
    expect(csvCell('区域景气指数')).toBe('区域景气指数');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(fenAsYuan(123_45)).toBe('123.45');
    expect(fenAsYuan(7)).toBe('0.07');
  });
});
