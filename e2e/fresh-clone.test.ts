import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'dist', 'data', '.git']);

function* testFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* testFiles(path);
    else if (/\.(spec|test)\.tsx?$/.test(e.name)) yield path;
  }
}

/** `npm test` runs on a fresh clone with nothing beside it: test data lives in the repository's testdata/. */
describe('a fresh clone', () => {
  it('no test reads a file from outside the repository or skips because one is missing', () => {
    const offenders: string[] = [];
    for (const file of testFiles(ROOT)) {
      const text = readFileSync(file, 'utf8');
      if (/shared\/(testdata|datasets)|skipIf\(\s*!existsSync/.test(text))
        offenders.push(relative(ROOT, file));
    }
    expect(offenders).toEqual([]);
  });
});
