import type { Cell } from '../../tabular/index.js';
import { codeBits, markingKey } from './fingerprint.marks.js';
import { markCells, planFingerprint } from './fingerprint.plan.js';
import type { EmbedOptions, EmbedStats, FingerprintPlan, Table } from './fingerprint.types.js';

const MIN_SECRET_BYTES = 16;

export function requireSecret(secret: Uint8Array): void {
  if (secret.length < MIN_SECRET_BYTES)
    throw new RangeError(`a fingerprinting secret has at least ${MIN_SECRET_BYTES} bytes`);
}

/** A changed value written the way the cell came: a number stays a number, text keeps its decimal places. */
function written(original: Cell, units: number, decimals: number): Cell {
  const text = (units / 10 ** decimals).toFixed(decimals);
  return typeof original === 'number' ? Number(text) : text;
}

/**
 * The buyer's copy: each carrying cell is set to the parity of its bit (the code's bit XOR the cell's mask),
 * moving it by at most one unit of its last place. The input table is left as it was.
 */
export function embed(
  table: Table,
  opts: EmbedOptions,
): { table: Table; plan: FingerprintPlan; stats: EmbedStats } {
  requireSecret(opts.secret);
  const bits = codeBits(opts.code);
  const plan = opts.plan ?? planFingerprint(table);
  const rows = table.rows.map((r) => r.slice());
  const covered = new Set<number>();
  const stats: EmbedStats = {
    rows: rows.length,
    cellsCarrying: 0,
    cellsChanged: 0,
    bitsCovered: 0,
    maxRelativeChange: 0,
    maxUnitsChanged: 0,
  };
  for (const cell of markCells(table, plan, markingKey(opts.secret))) {
    const target = 2 * cell.half + (bits[cell.slot.position]! ^ cell.slot.mask);
    stats.cellsCarrying++;
    covered.add(cell.slot.position);
    if (target === cell.units) continue;
    const row = rows[cell.row]!;
    row[cell.column] = written(row[cell.column] ?? null, target, cell.decimals);
    stats.cellsChanged++;
    stats.maxUnitsChanged = Math.max(stats.maxUnitsChanged, Math.abs(target - cell.units));
    stats.maxRelativeChange = Math.max(
      stats.maxRelativeChange,
      Math.abs(target - cell.units) / Math.abs(cell.units),
    );
  }
  stats.bitsCovered = covered.size;
  return { table: { columns: table.columns.slice(), rows }, plan, stats };
}
