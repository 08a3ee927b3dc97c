/** A byte count for people: 1536 → "1.5 KB". */
export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${i === 0 ? v : v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** A 0..1 share as a percentage: 0.1234 → "12.3%". */
export function formatPercent(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(digits)}%`;
}

/** A large count with thousands separators. */
export function formatCount(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : v.toLocaleString('en-US');
}

/** Money is kept in fen; people read yuan: 123456 → "¥1,234.56". */
export function formatYuan(fen: number): string {
  return `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Fen as a plain yuan figure, for CSV and spreadsheets: 123456 → "1234.56". */
export const yuanOf = (fen: number): string => (fen / 100).toFixed(2);

/** Yuan typed in a form, as whole fen (no floating-point cents). */
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);
