// The Adult subset shipped by ARX (testdata/README.md) and its hierarchies, for the specs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHierarchyCsv } from './anonymize.hierarchy.js';
import type { QuasiIdentifier } from './anonymize.types.js';

const ADULT = join(import.meta.dirname, '../../../../../testdata/adult');

const lines = (text: string) => text.split(/\r?\n/).filter((l) => l.trim() !== '');

export function adultSubset(): { header: string[]; rows: string[][] } {
  const [header, ...rows] = lines(readFileSync(join(ADULT, 'adult_subset.csv'), 'utf8')).map((l) =>
    l.split(';'),
  );
  return { header: header!, rows };
}

export function adultHierarchy(column: string): QuasiIdentifier {
  return {
    column,
    hierarchy: parseHierarchyCsv(readFileSync(join(ADULT, `adult_hierarchy_${column}.csv`), 'utf8')),
  };
}

/** ARX's standard Adult setup: every attribute a quasi-identifier except salary-class, the sensitive one. */
export const ADULT_QIS = [
  'sex',
  'age',
  'race',
  'marital-status',
  'education',
  'native-country',
  'workclass',
  'occupation',
];
