import { describe, expect, it } from 'vitest';
import { bruteForce } from './anonymize.brute.js';
import { ADULT_QIS, adultHierarchy, adultSubset } from './anonymize.fixtures.js';
import { anonymize } from './anonymize.service.js';
import type { AnonymizeConfig } from './anonymize.types.js';

const { header, rows } = adultSubset();
const QIS = ADULT_QIS.map(adultHierarchy);

describe('the optimum by Flash against a brute force over the whole lattice', () => {
  for (const limit of [0, 0.05]) {
    it(`5 quasi-identifiers (240 nodes), k = 5, suppression limit ${limit * 100} %: the least loss among anonymous nodes`, () => {
      const qis = ['sex', 'age', 'race', 'marital-status', 'education'].map(adultHierarchy);
      const brute = bruteForce(rows, header, qis, 5, limit);
      const anonymous = brute.filter((b) => b.anonymous);
      const best = Math.min(...anonymous.map((b) => b.loss));
      const r = anonymize(rows, header, { quasiIdentifiers: qis, k: 5, suppressionLimit: limit });
      if (r.outcome !== 'anonymized') throw new Error(r.reason);
      expect(r.informationLoss.loss).toBeCloseTo(best, 12);
      const chosen = brute.find((b) => b.levels.join() === r.transformation.join())!;
      expect(chosen.anonymous).toBe(true);
      expect(chosen.loss).toBeCloseTo(best, 12);
      expect(r.lattice.anonymousCount).toBe(anonymous.length);
      expect(r.lattice.checked).toBeLessThan(brute.length);
    });
  }

  for (const limit of [0, 0.02]) {
    it(`8 quasi-identifiers (6,480 nodes), k = 5, limit ${limit * 100} %: Flash equals every node evaluated, with far fewer checks`, () => {
      const config: AnonymizeConfig = {
        quasiIdentifiers: QIS,
        k: 5,
        suppressionLimit: limit,
        maxNodes: 10_000,
      };
      const flash = anonymize(rows, header, config);
      const all = anonymize(rows, header, { ...config, search: 'exhaustive' });
      if (flash.outcome !== 'anonymized' || all.outcome !== 'anonymized')
        throw new Error('anonymous expected');
      expect(flash.informationLoss).toEqual(all.informationLoss);
      expect(flash.transformation).toEqual(all.transformation);
      expect(all.lattice.checked).toBe(6480);
      expect(flash.lattice.checked).toBeLessThan(6480 / 10);
      // every node is classified by tagging: the same anonymous set and the same minimal nodes
      expect(flash.lattice.anonymousCount).toBe(all.lattice.anonymousCount);
      expect(flash.lattice.anonymous).toEqual(all.lattice.anonymous);
      const anonymousOf = (r: typeof flash) => r.nodes.filter((n) => n.anonymous).map((n) => n.levels.join());
      expect(new Set(anonymousOf(flash))).toEqual(new Set(anonymousOf(all)));
    });
  }

  it('entropy l-diversity and t-closeness under suppression (not monotone) still reach the exhaustive optimum', () => {
    const qis = ['sex', 'age', 'race', 'marital-status', 'education', 'workclass'].map(adultHierarchy);
    const config: AnonymizeConfig = {
      quasiIdentifiers: qis,
      sensitive: 'salary-class',
      k: 3,
      l: 1.5,
      lVariant: 'entropy',
      t: 0.2,
      suppressionLimit: 0.03,
    };
    const flash = anonymize(rows, header, config);
    const all = anonymize(rows, header, { ...config, search: 'exhaustive' });
    if (flash.outcome !== 'anonymized' || all.outcome !== 'anonymized') throw new Error('anonymous expected');
    expect(flash.informationLoss.loss).toBeCloseTo(all.informationLoss.loss, 12);
    expect(flash.lattice.anonymousCount).toBe(all.lattice.anonymousCount);
  });

  it('lists a capped number of nodes for the lattice view, the optimum first', () => {
    const r = anonymize(rows, header, { quasiIdentifiers: QIS, k: 5, suppressionLimit: 0, maxNodes: 50 });
    if (r.outcome !== 'anonymized') throw new Error(r.reason);
    expect(r.nodes).toHaveLength(50);
    expect(r.nodesTruncated).toBe(true);
    expect(r.nodes[0]).toMatchObject({ levels: r.transformation, anonymous: true, checked: true });
    expect(r.nodes[0]!.loss).toBeCloseTo(r.informationLoss.loss, 12);
  });
});

describe('outcomes and refusals', () => {
  it('answers "unsatisfiable" when no node meets the criteria under the limit', () => {
    const few = rows.slice(0, 4);
    const r = anonymize(few, header, {
      quasiIdentifiers: [adultHierarchy('sex')],
      k: 5,
      suppressionLimit: 0.5,
    });
    expect(r.outcome).toBe('unsatisfiable');
    if (r.outcome === 'unsatisfiable') {
      expect(r.reason).toMatch(/at most 2 of 4 rows suppressed/);
      expect(r.lattice.anonymous).toEqual([]);
      expect(r.nodes.every((n) => !n.anonymous)).toBe(true);
    }
    const l3 = anonymize(rows, header, {
      quasiIdentifiers: [adultHierarchy('sex')],
      sensitive: 'salary-class',
      k: 2,
      l: 3,
      suppressionLimit: 0,
    });
    expect(l3.outcome).toBe('unsatisfiable');
  });

  it('refuses a bad config with the parameter named', () => {
    const ok: AnonymizeConfig = { quasiIdentifiers: [adultHierarchy('sex')], k: 2, suppressionLimit: 0 };
    const run = (c: Partial<AnonymizeConfig>) => () =>
      anonymize(rows, header, { ...ok, ...c } as AnonymizeConfig);
    expect(run({ k: 0 })).toThrow(/^k: 0 is not an integer ≥ 1/);
    expect(run({ k: 2.5 })).toThrow(RangeError);
    expect(run({ sensitive: 'salary-class', l: 1.5 })).toThrow(/^l: 1.5 is not an integer ≥ 1/);
    expect(run({ suppressionLimit: 1.5 })).toThrow(/^suppressionLimit: 1.5/);
    expect(run({ l: 2 })).toThrow(TypeError);
    expect(run({ l: 2 })).toThrow(/^sensitive: /);
    expect(run({ sensitive: 'salary-class', t: 2 })).toThrow(/^t: 2/);
    expect(run({ sensitive: 'salary', l: 2 })).toThrow(/^sensitive: the table has no column "salary"/);
    expect(run({ sensitive: 'sex' })).toThrow(/also a quasi-identifier/);
    expect(run({ quasiIdentifiers: [] })).toThrow(/^quasiIdentifiers: /);
    expect(run({ quasiIdentifiers: [adultHierarchy('sex'), adultHierarchy('sex')] })).toThrow(/named twice/);
    expect(run({ metric: 'dm' as never })).toThrow(/^metric: "dm" is not one of loss, precision/);
    expect(run({ sensitive: 'salary-class', t: 0.1, tDistance: 'ordered' })).toThrow(/^sensitiveOrder: /);
    expect(() => anonymize([], header, ok)).toThrow(/^rows: /);
    expect(() => anonymize([['Male']], header, ok)).toThrow(/^rows\[0\]: expected 9 cells/);
  });
});
