import { describe, expect, it } from 'vitest';
import { ADULT_QIS, adultHierarchy, adultSubset } from './anonymize.fixtures.js';
import { anonymize } from './anonymize.service.js';
import type { Anonymized, AnonymizeConfig, AnonymizeResult } from './anonymize.types.js';

const { header, rows } = adultSubset();
const QIS = ADULT_QIS.map(adultHierarchy);
const col = (name: string) => header.indexOf(name);

function anonymized(r: AnonymizeResult): Anonymized {
  if (r.outcome !== 'anonymized') throw new Error(r.reason);
  return r;
}

/** The output's classes: rows grouped by their quasi-identifier cells. */
function classesOf(out: string[][], qis: string[]) {
  const classes = new Map<string, string[][]>();
  for (const row of out) {
    const key = qis.map((q) => row[col(q)]).join('|');
    classes.set(key, [...(classes.get(key) ?? []), row]);
  }
  return [...classes.values()];
}

const distribution = (rs: string[][], c: number) => {
  const d = new Map<string, number>();
  for (const r of rs) d.set(r[c]!, (d.get(r[c]!) ?? 0) + 1 / rs.length);
  return d;
};

describe('anonymize on the Adult subset (3,016 rows, 8 quasi-identifiers, ARX hierarchies)', () => {
  it('is 5-anonymous with at most 2 % of rows suppressed (removed) and keeps the other columns', () => {
    const config: AnonymizeConfig = {
      quasiIdentifiers: QIS,
      k: 5,
      suppressionLimit: 0.02,
      suppressedRows: 'remove',
    };
    const r = anonymized(anonymize(rows, header, config));
    expect(r.suppressed).toBeLessThanOrEqual(Math.floor(0.02 * rows.length));
    expect(r.rows).toHaveLength(rows.length - r.suppressed);
    const classes = classesOf(r.rows, ADULT_QIS);
    expect(classes).toHaveLength(r.classes);
    for (const c of classes) expect(c.length).toBeGreaterThanOrEqual(5);
    expect(r.informationLoss.avgClassSize).toBeCloseTo(r.rows.length / r.classes, 9);
    expect(r.lattice.nodes).toBe(2 * 5 * 2 * 3 * 4 * 3 * 3 * 3);
  });

  it('masks suppressed rows with `*` in every quasi-identifier when asked to keep them', () => {
    const r = anonymized(anonymize(rows, header, { quasiIdentifiers: QIS, k: 5, suppressionLimit: 0.02 }));
    expect(r.suppressedRows).toBe('mask');
    expect(r.rows).toHaveLength(rows.length);
    const masked = r.rows.filter((row) => ADULT_QIS.every((q) => row[col(q)] === '*'));
    expect(masked.length).toBeGreaterThanOrEqual(r.suppressed);
    expect(r.rows.map((row) => row[col('salary-class')])).toEqual(
      rows.map((row) => row[col('salary-class')]),
    );
  });

  it('is distinct 2-diverse and entropy 1.5-diverse in salary-class when asked', () => {
    for (const lVariant of ['distinct', 'entropy'] as const) {
      const config: AnonymizeConfig = {
        quasiIdentifiers: QIS,
        sensitive: 'salary-class',
        k: 3,
        l: lVariant === 'entropy' ? 1.5 : 2,
        lVariant,
        suppressionLimit: 0.05,
        suppressedRows: 'remove',
      };
      const r = anonymized(anonymize(rows, header, config));
      for (const c of classesOf(r.rows, ADULT_QIS)) {
        const d = [...distribution(c, col('salary-class')).values()];
        expect(d.length).toBeGreaterThanOrEqual(2);
        if (lVariant === 'entropy')
          expect(-d.reduce((h, p) => h + p * Math.log(p), 0)).toBeGreaterThan(Math.log(1.5) - 1e-9);
      }
    }
  });

  it('is 0.15-close in salary-class (equal distance) and in age (ordered distance)', () => {
    const equal = anonymized(
      anonymize(rows, header, {
        quasiIdentifiers: QIS,
        sensitive: 'salary-class',
        k: 2,
        t: 0.15,
        suppressionLimit: 0,
      }),
    );
    const global = distribution(rows, col('salary-class'));
    for (const c of classesOf(equal.rows, ADULT_QIS)) {
      const d = distribution(c, col('salary-class'));
      const emd = [...global.keys()].reduce((s, v) => s + Math.abs((d.get(v) ?? 0) - global.get(v)!), 0) / 2;
      expect(emd).toBeLessThanOrEqual(0.15 + 1e-9);
    }
    const qis = QIS.filter((q) => q.column !== 'age');
    const ordered = anonymized(
      anonymize(rows, header, {
        quasiIdentifiers: qis,
        sensitive: 'age',
        k: 2,
        t: 0.1,
        tDistance: 'ordered',
        suppressionLimit: 0,
      }),
    );
    const ages = [...new Set(rows.map((r) => r[col('age')]!))].sort((a, b) => Number(a) - Number(b));
    const all = distribution(rows, col('age'));
    for (const c of classesOf(
      ordered.rows,
      qis.map((q) => q.column),
    )) {
      const d = distribution(c, col('age'));
      let cumulative = 0;
      const emd = ages.reduce((s, a) => s + Math.abs((cumulative += (d.get(a) ?? 0) - all.get(a)!)), 0);
      expect(emd / (ages.length - 1)).toBeLessThanOrEqual(0.1 + 1e-9);
    }
  });

  it('generalizes a numeric column by declared bands when it has no hierarchy file', () => {
    const qis = [
      { column: 'age', hierarchy: { kind: 'intervals' as const, bands: [5, 10, 20] } },
      adultHierarchy('sex'),
    ];
    const r = anonymized(anonymize(rows, header, { quasiIdentifiers: qis, k: 20, suppressionLimit: 0 }));
    expect(r.lattice.nodes).toBe(5 * 2);
    const ageLevel = r.transformation[0]!;
    expect(ageLevel).toBeGreaterThan(0);
    const sample = r.rows[0]![col('age')]!;
    expect(ageLevel === 4 ? sample === '*' : /^\d+-\d+$/.test(sample)).toBe(true);
  });
});
