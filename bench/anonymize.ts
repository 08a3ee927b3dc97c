// `npm run bench -- --only=anonymize`: k = 5 anonymization of UCI Adult (30,162 rows, from ../shared/datasets
// beside the checkout, else the 3,016-row subset in testdata/) with ARX's hierarchies, in ARX's standard
// setup: the 8 attributes other than salary-class are quasi-identifiers (lattice of 6,480 nodes). Flash with
// 0 % and 2 % suppression limits, median of runs, load excluded; beside it, in the same run, every node of
// the lattice evaluated from the distinct tuples (no tagging, no rollup). ARX's Flash: ~28 ms (2014 i5).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  anonymize,
  parseHierarchyCsv,
  type AnonymizeConfig,
  type AnonymizeResult,
} from '../packages/core/src/compute/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HIERARCHIES = join(ROOT, 'testdata/adult');
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--anonymize-rounds='))?.slice(19) ?? 7);
const QIS = [
  'sex',
  'age',
  'race',
  'marital-status',
  'education',
  'native-country',
  'workclass',
  'occupation',
];

function adultPath(): { path: string; full: boolean } {
  for (const d of [
    process.env.SHULIU_DATASETS,
    join(ROOT, '../shared/datasets'),
    join(ROOT, '../../shared/datasets'),
  ])
    if (d && existsSync(join(d, 'adult/adult.csv'))) return { path: join(d, 'adult/adult.csv'), full: true };
  return { path: join(HIERARCHIES, 'adult_subset.csv'), full: false };
}

function load(path: string) {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const [header, ...rows] = lines.map((l) => l.split(';'));
  return { header: header!, rows };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** The median of `rounds` runs after a warm-up: the whole call, and the search alone. */
function timed(rounds: number, run: () => AnonymizeResult) {
  let out = run();
  const total: number[] = [];
  const search: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    out = run();
    total.push(performance.now() - t);
    search.push(out.lattice.timeMs);
  }
  return { out, total: median(total), search: median(search) };
}

function describe(r: AnonymizeResult): string {
  if (r.outcome !== 'anonymized') return `unsatisfiable (${r.reason})`;
  const il = r.informationLoss;
  return (
    `transformation [${r.transformation.join(',')}], ${r.suppressed} suppressed, ${r.classes} classes, ` +
    `loss ${il.loss.toFixed(4)}, precision ${il.precision.toFixed(4)}, DM ${il.discernibility.toExponential(3)}, ` +
    `avg class ${il.avgClassSize.toFixed(1)}`
  );
}

export async function runAnonymizeBenchmarks() {
  const { path, full } = adultPath();
  const { header, rows } = load(path);
  const quasiIdentifiers = QIS.map((column) => ({
    column,
    hierarchy: parseHierarchyCsv(readFileSync(join(HIERARCHIES, `adult_hierarchy_${column}.csv`), 'utf8')),
  }));
  console.log(
    `anonymize: Adult ${full ? '' : 'SUBSET (full extract not found) '}${rows.length.toLocaleString('en')} rows, ` +
      `QIs ${QIS.join(', ')}; sensitive salary-class (unused by k-anonymity); metric Loss`,
  );
  for (const suppressionLimit of [0, 0.02]) {
    const config: AnonymizeConfig = { quasiIdentifiers, k: 5, suppressionLimit, maxNodes: 0 };
    const flash = timed(ROUNDS, () => anonymize(rows, header, config));
    const all = timed(1, () => anonymize(rows, header, { ...config, search: 'exhaustive' }));
    const same =
      flash.out.outcome === 'anonymized' &&
      all.out.outcome === 'anonymized' &&
      Math.abs(flash.out.informationLoss.loss - all.out.informationLoss.loss) < 1e-12;
    const pct = `${suppressionLimit * 100} %`;
    console.log(
      `anonymize k=5, suppression ≤ ${pct.padStart(3)}: Flash search ${flash.search.toFixed(1)} ms ` +
        `(whole call ${flash.total.toFixed(1)} ms, median of ${ROUNDS}), ${flash.out.lattice.checked} of ` +
        `${flash.out.lattice.nodes} nodes checked  |  every node evaluated ${all.search.toFixed(0)} ms  |  ` +
        `ratio ${(all.search / flash.search).toFixed(1)}x  |  same optimum: ${same ? 'yes' : 'NO'}`,
    );
    console.log(`  ${describe(flash.out)}`);
  }
}
