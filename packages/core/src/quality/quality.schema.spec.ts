import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { parseQualityRules, parseQualityWeights } from './quality.schema.js';

/** The message of the error a call throws. */
function refusal(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a refusal');
}

const rules =
  (...r: unknown[]) =>
  () =>
    parseQualityRules(r);

const RES = 'res_01jz0000000000000000000000';

describe('rules', () => {
  it('fills in ids and indicators, numbering repeated ids', () => {
    const parsed = parseQualityRules([
      { kind: 'not_null', columns: ['a'] },
      { kind: 'not_null', columns: ['a'] },
      { kind: 'unique', columns: ['a', 'b'], indicator: 'consistency' },
      { kind: 'readable' },
      { id: 'mine', kind: 'duplicate_rows' },
      { kind: 'reference', columns: ['a'], values: ['x'] },
      { kind: 'reference', columns: ['a'], resource: RES, column: 'code' },
    ]);
    expect(parsed.map((r) => [r.id, r.indicator])).toEqual([
      ['not_null:a', 'completeness'],
      ['not_null:a#2', 'completeness'],
      ['unique:a+b', 'consistency'],
      ['readable', 'accessibility'],
      ['mine', 'accuracy'],
      ['reference:a', 'accuracy'],
      // agreement with another of the holder's resources is 关联数据一致性
      ['reference:a#2', 'consistency'],
    ]);
  });

  it('names the rule and the field of the first problem', () => {
    expect(refusal(rules({ kind: 'check_digit', standard: 'isbn', columns: ['a'] }))).toEqual({
      code: 'QUALITY_RULES_INVALID',
      message: expect.stringMatching(/^rules\[0\]\.standard: /),
    });
    expect(
      refusal(rules({ kind: 'not_null', columns: ['a'] }, { kind: 'unique', columns: [] })).message,
    ).toMatch(/^rules\[1\]\.columns: /);
    expect(refusal(rules({ kind: 'not_null', columns: [''] })).message).toMatch(
      /^rules\[0\]\.columns\[0\]: /,
    );
    expect(refusal(rules({ kind: 'sorted', columns: ['a'] })).message).toMatch(/^rules\[0\]\.kind: /);
    expect(refusal(rules({ kind: 'not_null', columns: ['a'], colour: 'red' })).message).toMatch(/colour/);
    expect(refusal(() => parseQualityRules({ rules: [] })).message).toMatch(/^rules: /);
    expect(refusal(rules({ id: 'x', kind: 'readable' }, { id: 'x', kind: 'readable' })).message).toBe(
      'rules[1].id: "x" is used by an earlier rule',
    );
  });

  it('checks what each kind needs', () => {
    const field = (r: unknown) => refusal(rules(r)).message;
    expect(field({ kind: 'range', columns: ['a'] })).toMatch(/^rules\[0\]: give min, max or both/);
    expect(field({ kind: 'range', min: 5, max: 1, columns: ['a'] })).toMatch(
      /^rules\[0\]\.max: must not be below min/,
    );
    expect(field({ kind: 'range', min: 1, max: '2025-01-01', columns: ['a'] })).toMatch(
      /both be numbers or both/,
    );
    expect(field({ kind: 'range', min: '2025-02-30', columns: ['a'] })).toMatch(/^rules\[0\]\.min/);
    expect(field({ kind: 'reference', columns: ['a'] })).toMatch(/exactly one of values, file or resource/);
    expect(field({ kind: 'reference', columns: ['a'], values: ['x'], resource: RES, column: 'c' })).toMatch(
      /exactly one of values, file or resource/,
    );
    expect(field({ kind: 'reference', columns: ['a'], resource: RES })).toMatch(/names its column/);
    expect(field({ kind: 'reference', columns: ['a'], values: ['x'], column: 'c' })).toMatch(
      /names its column/,
    );
    expect(field({ kind: 'reference', columns: ['a'], resource: 'res_x', column: 'c' })).toMatch(
      /res_ identifier/,
    );
    expect(field({ kind: 'compare', op: '<', columns: ['a'] })).toMatch(/^rules\[0\]\.columns: /);
    expect(field({ kind: 'freshness', columns: ['a'], maxAgeDays: -1 })).toMatch(/^rules\[0\]\.maxAgeDays: /);
    expect(field({ kind: 'enum', values: Array(1001).fill('x'), columns: ['a'] })).toMatch(
      /^rules\[0\]\.values: /,
    );
  });

  it('refuses patterns that could backtrack for ever, and any over 200 characters', () => {
    const pattern = (p: string) => () => parseQualityRules([{ kind: 'pattern', pattern: p, columns: ['a'] }]);
    for (const ok of [
      '[A-Z]{2}-\\d{2,3}',
      '(?:ab|cd)',
      '\\d{6}(?:19|20)\\d{2}',
      '[(+*)]+',
      '(?<year>\\d{4})-\\d\\d',
    ])
      expect(pattern(ok), ok).not.toThrow();
    for (const bad of ['(a+)+$', '(a|aa)*', '(?:\\d{2})+', '((ab)*c)*', '(a*)*'])
      expect(refusal(pattern(bad)).message, bad).toMatch(
        /repeated group may hold no quantifier or alternatives/,
      );
    expect(refusal(pattern('a*b*c*d+')).message).toMatch(/at most 3 unbounded repeats/);
    expect(pattern('[A-Z]+-\\d+\\.\\d{2,}')).not.toThrow();
    expect(refusal(pattern('(a)\\1')).message).toMatch(/back-references are not allowed/);
    expect(refusal(pattern('[a-')).message).toMatch(/^rules\[0\]\.pattern: not a regular expression/);
    expect(refusal(pattern('a'.repeat(201))).message).toMatch(/^rules\[0\]\.pattern: /);
  });
});

describe('weights', () => {
  it('takes some or all six indicators, each from 0 to 1000', () => {
    expect(parseQualityWeights({ conformance: 2, timeliness: 0 })).toEqual({ conformance: 2, timeliness: 0 });
    expect(refusal(() => parseQualityWeights({ conformity: 1 }))).toEqual({
      code: 'QUALITY_WEIGHTS_INVALID',
      message: expect.stringMatching(/^weights: .*conformity/),
    });
    expect(refusal(() => parseQualityWeights({ accuracy: -1 })).message).toMatch(/^weights\.accuracy: /);
    const zeros = {
      conformance: 0,
      completeness: 0,
      accuracy: 0,
      consistency: 0,
      timeliness: 0,
      accessibility: 0,
    };
    expect(refusal(() => parseQualityWeights(zeros)).message).toBe(
      'weights: at least one weight must be above 0',
    );
  });
});
