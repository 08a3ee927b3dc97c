import type { Cell } from '../tabular/index.js';
import type { ColumnRule } from './protect.schema.js';

type Masker = (v: Cell) => Cell;
type Generalize = Extract<ColumnRule, { strategy: 'generalize' }>;

const text = (v: string | number | boolean) => (typeof v === 'string' ? v : String(v));

/** GB/T 37964-2019 §6.5 (泛化): a number replaced by its band, `30-39` for width 10 (ARX-style intervals). */
function band(width: number): Masker {
  const whole = Number.isInteger(width);
  return (v) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    if (!Number.isFinite(n)) return null;
    const lo = Math.floor(n / width) * width;
    return whole && Number.isInteger(n) ? `${lo}-${lo + width - 1}` : `[${lo},${lo + width})`;
  };
}

const DATE_PREFIX = /^(\d{4})[-/.年]?(\d{1,2})?/;

/** GB/T 37964-2019 §6.5 (泛化): a date or timestamp cut to its year or month (`2024-03`). */
function dateCut(to: 'year' | 'month'): Masker {
  return (v) => {
    if (v === null) return null;
    const m = DATE_PREFIX.exec(text(v));
    if (!m) return null;
    if (to === 'year' || !m[2]) return m[1]!;
    return `${m[1]}-${m[2].padStart(2, '0')}`;
  };
}

/** GB/T 37964-2019 §6.5 (泛化): a code cut to a prefix, e.g. region code 370202 → 370200 (keep 4, fill 0). */
function prefix(keep: number, fillChar: string): Masker {
  return (v) => {
    if (v === null) return null;
    const s = text(v);
    return s.length <= keep ? s : s.slice(0, keep) + fillChar.repeat(s.length - keep);
  };
}

/** GB/T 37964-2019 §6.5 (泛化): a value mapped through a hierarchy level; unmapped values become `otherwise` (`*`). */
function mapped(map: Record<string, string | null>, otherwise: string | null): Masker {
  const table = new Map(Object.entries(map));
  return (v) => {
    if (v === null) return null;
    const hit = table.get(text(v));
    return hit === undefined ? otherwise : hit;
  };
}

/** The generalization of one column; a value the method cannot read is suppressed, never passed through. */
export function generalizer(rule: Generalize): Masker {
  switch (rule.method) {
    case 'band':
      return band(rule.width);
    case 'date':
      return dateCut(rule.to);
    case 'prefix':
      return prefix(rule.keep, rule.fill ?? '0');
    case 'map':
      return mapped(rule.map, rule.otherwise === undefined ? '*' : rule.otherwise);
  }
}
