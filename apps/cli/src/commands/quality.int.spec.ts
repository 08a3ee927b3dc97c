import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/shuliu.mjs');
const DATA = join(import.meta.dirname, '../../../../testdata/quality');
const FIXTURE = join(DATA, 'customers.csv');
const RULES = join(DATA, 'rules.json');
const dir = mkdtempSync(join(tmpdir(), 'shuliu-quality-cli-'));
const at = (name: string) => join(dir, name);
const run = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, 'quality', 'check', ...args], { encoding: 'utf8', timeout: 60_000 });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Report {
  rows: number;
  overall: number | null;
  indicators: Record<string, number | null>;
  rules: { id: string; checked: number; failed: number; examples: unknown[] }[];
  suggested?: { id: string }[];
}

// every call is a fresh process running TypeScript through tsx
// offline: no database is read, so it runs once, in the PGlite run
describe.skipIf(!!process.env.DATABASE_URL)('shuliu quality check', { timeout: 240_000 }, () => {
  it('scores the fixture by its rules file as JSON, exactly, with no raw ID number', () => {
    const r = run(FIXTURE, '--rules', RULES, '--as-of', '2025-07-15', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.rows).toBe(20);
    // the arithmetic is in packages/core/src/quality/quality.evaluate.spec.ts
    expect(report.indicators).toEqual({
      conformance: 95,
      completeness: 90,
      accuracy: 96.4,
      consistency: 95,
      timeliness: 97.4,
      accessibility: 100,
    });
    expect(report.overall).toBe(95.6);
    expect(report.suggested).toBeUndefined();
    expect(report.rules.find((x) => x.id === 'id-card-check')).toMatchObject({ checked: 20, failed: 2 });
    const ids = readFileSync(FIXTURE, 'utf8').match(/\b\d{17}[\dX]\b/g)!;
    expect(ids).toHaveLength(20);
    for (const id of ids) expect(r.stdout).not.toContain(id);
  });

  it('suggests rules when none are given, evaluates them and prints them', () => {
    const r = run(FIXTURE, '--json', '--as-of', '2025-07-15');
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const suggested = report.suggested!.map((x) => x.id);
    expect(suggested).toEqual(
      expect.arrayContaining(['check_digit:id_card', 'check_digit:uscc', 'unique:customer_id']),
    );
    expect(report.rules.map((x) => x.id)).toEqual(suggested);
    expect(report.rules.find((x) => x.id === 'unique:customer_id')).toMatchObject({ checked: 20, failed: 1 });
  });

  it('weights from a file change the overall score; a reference file is read beside the rules file', () => {
    writeFileSync(at('weights.json'), JSON.stringify({ accessibility: 0 }));
    const weighted = JSON.parse(
      run(FIXTURE, '-r', RULES, '-w', at('weights.json'), '--as-of', '2025-07-15', '--json').stdout,
    ) as Report;
    expect(weighted.overall).toBe(94.7); // (95 + 90 + 96.3725 + 95 + 97.3684) / 5
    writeFileSync(at('statuses.txt'), 'active\nsuspended\n\nclosed\n');
    writeFileSync(
      at('ref.json'),
      JSON.stringify([{ kind: 'reference', file: 'statuses.txt', columns: ['status'] }]),
    );
    const ref = JSON.parse(run(FIXTURE, '-r', at('ref.json'), '--json').stdout) as Report;
    expect(ref.rules[0]).toMatchObject({ id: 'reference:status', checked: 20, failed: 1 });
  });

  it('prints a table without --json', () => {
    const r = run(FIXTURE, '--rules', RULES, '--as-of', '2025-07-15');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/customers\.csv: 20 rows, overall 95\.6/);
    expect(r.stdout).toMatch(/^conformance\s+95\.0 {2}规范性$/m);
    expect(r.stdout).toMatch(/^id-card-check\s+conformance\s+20\s+2\s+90\.0$/m);
    expect(r.stdout).toMatch(/^ {4}row 3: id_card=1\*{15}67$/m);
    expect(r.stdout).toMatch(/row 17: updated_at=2024-01-10 — goes back from row 16/);
  });

  it('fails with a clear message and exit 1 on bad input', () => {
    const fails = (args: string[], message: RegExp) => {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    };
    fails([at('missing.csv')], /cannot read .*missing\.csv: no such file/);
    writeFileSync(at('bad.json'), '[{ "kind": ');
    fails([FIXTURE, '-r', at('bad.json')], /bad\.json is not valid JSON/);
    writeFileSync(
      at('bad-field.json'),
      JSON.stringify([
        { kind: 'not_null', columns: ['name'] },
        { kind: 'check_digit', standard: 'isbn', columns: ['id_card'] },
      ]),
    );
    fails([FIXTURE, '-r', at('bad-field.json')], /rules\[1\]\.standard: .*\(QUALITY_RULES_INVALID\)/);
    writeFileSync(at('unknown.json'), JSON.stringify([{ kind: 'unique', columns: ['customer_no'] }]));
    fails(
      [FIXTURE, '-r', at('unknown.json')],
      /rules\[0\]\.columns\[0\]: the table has no column "customer_no"/,
    );
    fails([FIXTURE, '--as-of', '2025-13-01'], /--as-of must be a real date/);
  });
});
