import type { JointSpec } from '@shuliu/contracts';
import { describe, expect, it } from 'vitest';
import type { PolicyRow } from '../compute.tables.js';
import { QueryRefused } from '../sql/sql-refusal.js';
import { checkJoint, combineJoint, jointLocal, jointLocalSql } from './joint.js';

const policy = (m: number, k: number, upper: number): PolicyRow =>
  ({
    privacyUnit: 'person_id',
    maxContributions: m,
    k,
    bounds: { cost: { lower: 0, upper } },
    joinKeys: [],
    mechanism: 'laplace',
    epsilonTotal: 10,
    deltaTotal: 0,
    consumerShare: 1,
    epsilonPerQuery: 1,
    manualRelease: false,
  }) as PolicyRow;
const columns = [
  { name: 'person_id', type: 'text' as const },
  { name: 'dept', type: 'text' as const },
  { name: 'cost', type: 'number' as const },
];
const ds = (id: string, p: PolicyRow | null = policy(2, 5, 1000), cols = columns) => ({
  id,
  name: id,
  orgId: 'org',
  columns: cols,
  policy: p,
});
const spec: JointSpec = {
  with: ['cds_b'],
  statistic: 'mean',
  column: 'cost',
  groupBy: { column: 'dept', categories: ['内科', '外科', '儿科'] },
};
const rule = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e instanceof QueryRefused ? e.rule : String(e);
  }
  return null;
};

describe('joint statistics', () => {
  it('refuses datasets that do not all hold the columns, lack bounds or a privacy unit, or repeat', () => {
    expect(rule(() => checkJoint(spec, [ds('a'), ds('b')]))).toBeNull();
    expect(rule(() => checkJoint(spec, [ds('a'), ds('a')]))).toBe('joint_mismatch');
    expect(rule(() => checkJoint(spec, [ds('a'), ds('b', policy(1, 5, 1000), columns.slice(0, 2))]))).toBe(
      'joint_mismatch',
    );
    expect(rule(() => checkJoint(spec, [ds('a'), ds('b', { ...policy(1, 5, 1), bounds: {} })]))).toBe(
      'bounds_missing',
    );
    expect(rule(() => checkJoint(spec, [ds('a'), ds('b', null)]))).toBe('bounds_missing');
    expect(rule(() => checkJoint({ ...spec, column: 'dept' }, [ds('a'), ds('b')]))).toBe('column_type');
    expect(rule(() => checkJoint({ ...spec, statistic: 'sum', column: undefined }, [ds('a'), ds('b')]))).toBe(
      'column_type',
    );
  });

  it('reads each unit’s rows bounded and values clamped, and keeps only the declared categories', () => {
    const sql = jointLocalSql(spec, 'visits', policy(2, 5, 1000));
    expect(sql).toMatch(/PARTITION BY "person_id"/);
    expect(sql).toMatch(/least\(greatest\(CAST\("cost" AS DOUBLE\), 0\), 1000\)/);
    expect(sql).toMatch(/__rn <= 2/);
    const local = jointLocal(spec, 'cds_a', [
      { key: '外科', n: 10n, s: 500 },
      { key: '眼科', n: 3, s: 90 },
    ]);
    expect(local.groups).toEqual([
      { key: '内科', n: 0, s: 0 },
      { key: '外科', n: 10, s: 500 },
      { key: '儿科', n: 0, s: 0 },
    ]);
  });

  it('adds the parts up and noises once at the summed sensitivity, holding back groups below the largest k', () => {
    const a = {
      datasetId: 'cds_a',
      groups: [
        { key: '内科', n: 400, s: 40_000 },
        { key: '外科', n: 2, s: 100 },
        { key: '儿科', n: 300, s: 60_000 },
      ],
    };
    const b = {
      datasetId: 'cds_b',
      groups: [
        { key: '内科', n: 600, s: 60_000 },
        { key: '外科', n: 1, s: 50 },
        { key: '儿科', n: 100, s: 20_000 },
      ],
    };
    const r = combineJoint(
      spec,
      [
        { local: a, policy: policy(2, 5, 1000), integer: false },
        { local: b, policy: policy(3, 20, 500), integer: false },
      ],
      1e6, // noise far below a unit: the sums show through
    );
    expect(r.columns).toEqual(['dept', 'count', 'mean_cost']);
    expect(r.suppressedGroups).toBe(1);
    expect(r.rows.map((x) => x[0])).toEqual(['内科', '儿科']);
    expect(r.rows[0]![1]).toBe(1000);
    expect(r.rows[0]![2] as number).toBeCloseTo(100, 3);
    expect(r.rows[1]![2] as number).toBeCloseTo(200, 3);
    // Σm = 2 + 3, Σ m·max(|L|,|U|) = 2·1000 + 3·500
    expect(r.mechanism).toContain('Σm = 5');
    expect(r.mechanism).toContain('= 3500');
    expect(r.mechanism).toContain('k = 20');
  });

  it('noise at a real ε moves the count by about Σm/ε', () => {
    const local = (n: number) => ({ datasetId: 'x', groups: [{ key: null, n, s: 0 }] });
    const count: JointSpec = { with: ['cds_b'], statistic: 'count' };
    const errors = Array.from({ length: 400 }, () => {
      const r = combineJoint(
        count,
        [
          { local: local(5000), policy: policy(2, 5, 1), integer: true },
          { local: local(5000), policy: policy(2, 5, 1), integer: true },
        ],
        1,
      );
      return Math.abs((r.rows[0]![0] as number) - 10_000);
    });
    const mean = errors.reduce((s, e) => s + e, 0) / errors.length;
    // E|Lap(b)| = b = Σm/ε = 4
    expect(mean).toBeGreaterThan(2.5);
    expect(mean).toBeLessThan(6);
  });
});
