import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BoundingOptions, boundedSql } from './rewrite.js';
import { type Sandbox, openSandbox } from './sandbox.js';
import { QueryRefused, analyzeQuery } from './sql-guard.js';
import { catalog } from './sql-guard.fixtures.js';
import type { GuardCatalog } from './sql-types.js';

const adultCsv = fileURLToPath(new URL('../../../../../testdata/adult/adult_subset.csv', import.meta.url));
const adult: GuardCatalog = {
  tables: [
    {
      name: 'adult',
      columns: [
        'sex',
        'age',
        'race',
        'marital-status',
        'education',
        'native-country',
        'workclass',
        'occupation',
      ]
        .concat('salary-class')
        .map((name) => ({ name, type: name === 'age' ? ('integer' as const) : ('text' as const) })),
    },
  ],
};

// Person 1 has ten rows (age 100, above the bound), person 2 one below the bound, person 3 a NULL age.
const people = [
  ...Array.from({ length: 10 }, () => ({ id: 1, sex: 'F', age: 100 })),
  { id: 2, sex: 'F', age: -5 },
  { id: 3, sex: 'F', age: null },
  { id: 4, sex: 'M', age: 40 },
  { id: 5, sex: 'M', age: 30 },
  { id: 5, sex: 'M', age: 30 },
];
const income = [
  ...Array.from({ length: 10 }, () => ({ person_id: 1, salary: 1_000_000 })),
  { person_id: 4, salary: 5_000 },
];
const bounding: BoundingOptions = {
  privacyUnit: 'id',
  maxContributions: 2,
  bounds: { age: { lower: 0, upper: 90 }, 'income.salary': { lower: 0, upper: 10_000 } },
};

let box: Sandbox;
beforeAll(async () => {
  box = await openSandbox({ memoryLimit: '256MB', threads: 1, timeoutMs: 5_000, maxResultRows: 1_000 });
  await box.loadTable('people', catalog.tables[0]!.columns, { rows: people });
  await box.loadTable('income', catalog.tables[1]!.columns, { rows: income });
  await box.loadTable('adult', adult.tables[0]!.columns, { csvPath: adultCsv, delimiter: ';' });
  await box.lock();
});
afterAll(() => box.close());

/** Runs the bounded rewrite of `sql` and returns its rows with every value a number (or null). */
async function bounded(sql: string, options = bounding, cat = catalog) {
  const rows = await box.run(boundedSql(await analyzeQuery(sql, cat), options));
  return rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === '__g_0' || v === null ? v : Number(v)])),
  );
}

describe('boundedSql run in a sandbox', () => {
  it('keeps at most maxContributions rows per unit and clamps to the declared bounds', async () => {
    const rows = await bounded(
      'select sex, count(*) as n, sum(age) as total, count(age) as known from people group by sex order by sex',
    );
    const bySex = Object.fromEntries(rows.map((r) => [r.__g_0, r]));
    // F: person 1 keeps 2 of its 10 rows, each clamped 100 → 90; person 2's -5 → 0; person 3 counts no age.
    expect(bySex.F).toEqual({
      __g_0: 'F',
      __n: 4,
      __units: 3,
      __n_0: 4,
      __n_1: 3,
      __s_1: 180,
      __n_2: 3,
    });
    expect(bySex.M).toEqual({
      __g_0: 'M',
      __n: 3,
      __units: 2,
      __n_0: 3,
      __n_1: 3,
      __s_1: 100,
      __n_2: 3,
    });
  });

  it('applies WHERE before bounding, so the cap counts only matching rows', async () => {
    const rows = await bounded("select count(*) from people where age > 35 and sex = 'F'");
    expect(rows).toEqual([{ __n: 2, __units: 1, __n_0: 2 }]);
  });

  it('bounds across a join on declared keys', async () => {
    const options = { ...bounding, privacyUnit: 'people.id' };
    const rows = await bounded(
      'select stddev(i.salary) from people p join income i on p.id = i.person_id',
      options,
    );
    // Person 1 keeps 2 of 10 joined rows, each clamped to 10 000; person 4 adds one row of 5 000. A sum or
    // a mean needs no sum of squares; a standard deviation does.
    expect(rows).toEqual([
      { __n: 3, __units: 2, __n_0: 3, __s_0: 25_000, __ss_0: 2 * 10_000 ** 2 + 5_000 ** 2 },
    ]);
  });

  it('bounds the adult subset by native country: three rows per country across all groups', async () => {
    const lines = readFileSync(adultCsv, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(';'));
    const perCountry = new Map<string, number>();
    for (const [, , , , , country] of lines) perCountry.set(country!, (perCountry.get(country!) ?? 0) + 1);
    const kept = [...perCountry.values()].reduce((sum, count) => sum + Math.min(count, 3), 0);
    const options = {
      privacyUnit: 'native-country',
      maxContributions: 3,
      bounds: { age: { lower: 17, upper: 90 } },
    };
    const rows = await bounded('select sex, count(*), avg(age) from adult group by sex', options, adult);
    // The cap holds per unit, not per group: a country's three rows are split between the sexes at random.
    expect(rows.reduce((sum, r) => sum + Number(r.__n), 0)).toBe(kept);
    for (const r of rows) {
      expect(Number(r.__n)).toBeLessThanOrEqual(3 * Number(r.__units));
      expect(r.__s_1).toBeGreaterThanOrEqual(17 * Number(r.__n_1));
      expect(r.__s_1).toBeLessThanOrEqual(90 * Number(r.__n_1));
    }
  });
});

describe('boundedSql refuses and quotes', () => {
  const refusedRule = async (sql: string, options: BoundingOptions) => {
    const plan = await analyzeQuery(sql, catalog);
    try {
      boundedSql(plan, options);
    } catch (e) {
      if (e instanceof QueryRefused) return e.rule;
      throw e;
    }
    return null;
  };

  it.each([
    ['select sum(age) from people', { ...bounding, bounds: {} }, 'bounds_missing'],
    [
      'select avg(age) from people',
      { ...bounding, bounds: { age: { lower: 5, upper: 1 } } },
      'bounds_missing',
    ],
    [
      'select stddev(age) from people',
      { ...bounding, bounds: { age: { lower: 0, upper: Infinity } } },
      'bounds_missing',
    ],
    ['select count(*) from people', { ...bounding, privacyUnit: 'nobody' }, 'unknown_column'],
    [
      'select count(*) from people p join income i on p.id = i.person_id',
      { ...bounding, privacyUnit: 'year' },
      'ambiguous_column',
    ],
  ] as const)('%s → %s', async (sql, options, rule) => {
    expect(await refusedRule(sql, options)).toBe(rule);
  });

  it('needs no bounds for counts and refuses a non-positive contribution cap', async () => {
    const plan = await analyzeQuery('select count(*), count(age) from people', catalog);
    expect(() => boundedSql(plan, { ...bounding, bounds: {} })).not.toThrow();
    expect(() => boundedSql(plan, { ...bounding, maxContributions: 0 })).toThrow(RangeError);
  });

  it('emits catalog identifiers only, never the query aliases', async () => {
    const plan = await analyzeQuery(
      `select SEX as "x"";drop table people;--", count(*) as "n'); drop" from PEOPLE group by Sex`,
      catalog,
    );
    expect(boundedSql(plan, bounding)).toBe(
      [
        'SELECT __g_0, count(*) AS __n, count(DISTINCT __unit) AS __units, count(*) AS __n_0',
        'FROM (SELECT "people"."sex" AS __g_0, "people"."id" AS __unit, ' +
          'row_number() OVER (PARTITION BY "people"."id" ORDER BY random()) AS __rn',
        'FROM "people"',
        ') AS __bounded',
        'WHERE __rn <= 2',
        'GROUP BY __g_0',
      ].join('\n'),
    );
  });
});
