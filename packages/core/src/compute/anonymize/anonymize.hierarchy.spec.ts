import { describe, expect, it } from 'vitest';
import { HierarchyError } from './anonymize.errors.js';
import { adultHierarchy, adultSubset } from './anonymize.fixtures.js';
import {
  encodeHierarchy,
  intervalHierarchy,
  intervalRows,
  parseHierarchyCsv,
} from './anonymize.hierarchy.js';
import { anonymize } from './anonymize.service.js';

describe('ARX hierarchies', () => {
  it('reads an ARX file: one row per value, levels by `;`, CRLF and blank lines tolerated', () => {
    const spec = parseHierarchyCsv('Private;Non-Government;*\r\nState-gov;Government;*\r\n\r\n');
    expect(spec).toEqual({
      kind: 'table',
      rows: [
        ['Private', 'Non-Government', '*'],
        ['State-gov', 'Government', '*'],
      ],
    });
  });

  it('encodes the Adult education hierarchy: levels, cardinalities and Iyengar loss per leaf', () => {
    const { hierarchy } = adultHierarchy('education');
    if (hierarchy.kind !== 'table') throw new Error('table expected');
    const h = encodeHierarchy('education', hierarchy.rows);
    expect(h.height).toBe(4);
    expect(h.cards[0]).toBe(16);
    expect(h.cards[3]).toBe(1);
    const bachelors = h.leafCode.get('Bachelors')!;
    expect(h.labels[1]![h.gen[1]![bachelors]!]).toBe('Undergraduate');
    expect(h.lossCost[0]![bachelors]).toBe(0);
    expect(h.lossCost[3]![bachelors]).toBe(1);
  });

  it('refuses a value generalized two ways, naming it', () => {
    const rows = [
      ['a', 'x', 'p', '*'],
      ['b', 'x', 'q', '*'],
    ];
    expect(() => encodeHierarchy('c', rows)).toThrow(/"x" at level 1 generalizes to both "p" and "q"/);
  });

  it('refuses rows of different heights, empty cells and a value listed twice', () => {
    expect(() => encodeHierarchy('c', [['a', '*'], ['b']])).toThrow(
      /row 2 \("b"\) has 1 levels, row 1 has 2/,
    );
    expect(() => encodeHierarchy('c', [['a', '']])).toThrow(/row 1 has an empty cell/);
    expect(() =>
      encodeHierarchy('c', [
        ['a', '*'],
        ['a', '*'],
      ]),
    ).toThrow(/lists "a" twice/);
    expect(() => encodeHierarchy('c', [])).toThrow(HierarchyError);
  });

  it('refuses a value of the data missing from its hierarchy, naming value and column', () => {
    const { header, rows } = adultSubset();
    const edited = rows.map((r, i) =>
      i === 7 ? r.map((v, j) => (header[j] === 'workclass' ? 'Pirate' : v)) : r,
    );
    const run = () =>
      anonymize(edited, header, {
        quasiIdentifiers: [adultHierarchy('workclass')],
        k: 2,
        suppressionLimit: 0,
      });
    expect(run).toThrow(HierarchyError);
    expect(run).toThrow(/value "Pirate" of column "workclass" \(row 8\) is not in its hierarchy/);
  });
});

describe('interval hierarchies', () => {
  it('bands nested 5/10/20 years, then `*`', () => {
    expect(intervalRows('age', ['37', '62'], [5, 10, 20])).toEqual([
      ['37', '35-39', '30-39', '20-39', '*'],
      ['62', '60-64', '60-69', '60-79', '*'],
    ]);
    expect(intervalRows('x', ['2.5'], [5])).toEqual([['2.5', '[0,5)', '*']]);
  });

  it('refuses bands that do not nest and values that are not numbers', () => {
    expect(() => intervalHierarchy([5, 12])).toThrow(/bands\[1\]: 12 is not a larger multiple of 5/);
    expect(() => intervalHierarchy([10, 5])).toThrow(RangeError);
    expect(() => intervalHierarchy([])).toThrow(TypeError);
    expect(() => intervalRows('age', ['37', 'old'], [5])).toThrow(
      /value "old" of column "age" is not a number/,
    );
  });
});
