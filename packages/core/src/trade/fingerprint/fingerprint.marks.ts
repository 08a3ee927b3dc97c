import { hmacSm3 } from '../../crypto/index.js';
import type { Cell } from '../../tabular/index.js';
import type { FingerprintPlan, MarkedColumn } from './fingerprint.types.js';

export const CODE_BITS = 256;
const CODE_HEX = /^[0-9a-f]{64}$/;
const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/;
const SEP = '\u0000';

/** The key the marks are placed with, apart from the key the codes are derived with. */
export const markingKey = (secret: Uint8Array): Buffer => hmacSm3(secret, 'shuliu/fingerprint/v1/marks');

/**
 * A buyer-order's 256-bit code (64 hex digits): HMAC-SM3 of its id under the platform's secret. 256 positions
 * rather than 64 so that on a small table nearly every marked group of cells reaches a position of its own, and
 * each is one more independent bit of evidence.
 */
export function fingerprintCode(secret: Uint8Array, orderId: string): string {
  return hmacSm3(secret, 'shuliu/fingerprint/v1/code', SEP, orderId).toString('hex');
}

/** The bits of a code, most significant first. */
export function codeBits(code: string): Uint8Array {
  const hex = code.toLowerCase();
  if (!CODE_HEX.test(hex)) throw new RangeError(`a fingerprint code is 64 hex digits, not "${code}"`);
  const bits = new Uint8Array(CODE_BITS);
  for (let i = 0; i < CODE_BITS; i++) bits[i] = (parseInt(hex[i >> 2]!, 16) >> (3 - (i & 3))) & 1;
  return bits;
}

/** A cell as a number when it is one (a number, or decimal text), else null. */
export function numberOf(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string' || !DECIMAL.test(cell)) return null;
  return Number(cell);
}

/** A value in units of its column's last place, or null when it is not a number there. */
export function unitsOf(cell: Cell, decimals: number): number | null {
  const v = numberOf(cell);
  if (v === null) return null;
  const n = Math.round(v * 10 ** decimals);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * A mark only chooses between 2h and 2h+1, so h = ⌊n/2⌋ is the same before and after marking: it can name the
 * cell and stand in another marked cell's identity. The pair is left alone where one unit would be more than
 * `maxRelativeChange` of the value (small numbers, and 0 ↔ 1, which often means something).
 */
export function markableHalf(n: number, maxRelativeChange: number): number | null {
  const h = Math.floor(n / 2);
  const smallest = Math.min(Math.abs(2 * h), Math.abs(2 * h + 1));
  return smallest * maxRelativeChange >= 1 ? h : null;
}

/** An anchor value as text that survives CSV↔XLSX: trimmed, NFC, numbers in their shortest form. */
export function anchorText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  const s = cell.trim().normalize('NFC');
  return DECIMAL.test(s) ? String(Number(s)) : s;
}

/** What one cell's digest says: not selected, or the bit position and the mask its bit is XORed with. */
export type Slot = { position: number; mask: number } | null;

/**
 * The keyed choices for one marked column. Each value pair h (the cell's ⌊n/2⌋, which marking keeps) has one
 * owner among the other columns, chosen by key; the cell's identity is h with its row's value in that owner,
 * and 1 in gamma identities is selected. A copy without the owner column leaves the cell unread (an erasure,
 * never a wrong vote), so each dropped column costs the share of cells it owned.
 */
export class ColumnMarks {
  readonly anchors: string[];
  private readonly memo = new Map<string, number>();
  private readonly owners = new Map<number, string>();

  constructor(
    private readonly key: Uint8Array,
    readonly column: MarkedColumn,
    private readonly plan: FingerprintPlan,
  ) {
    this.anchors = [...plan.anchors, ...plan.marked.map((m) => m.name).filter((n) => n !== column.name)];
  }

  /** The anchor that cells of value pair h are tied to. */
  owner(h: number): string | undefined {
    let owner = this.owners.get(h);
    if (owner === undefined && this.anchors.length) {
      const d = hmacSm3(this.key, 'owner', SEP, this.column.name, SEP, String(h));
      owner = this.anchors[d.readUInt32BE(0) % this.anchors.length]!;
      this.owners.set(h, owner);
    }
    return owner;
  }

  /** The slot of the cell with half-value `h` whose row holds `value` in the owner of h. */
  slot(h: number, value: string): Slot {
    const id = `${h}${SEP}${value}`;
    let packed = this.memo.get(id);
    if (packed === undefined) {
      const d = hmacSm3(this.key, 'cell', SEP, this.column.name, SEP, this.owner(h)!, SEP, id);
      packed = d.readUInt32BE(0) % this.plan.gamma === 0 ? d[4]! * 2 + (d[5]! & 1) : -1;
      this.memo.set(id, packed);
    }
    return packed < 0 ? null : { position: packed >> 1, mask: packed & 1 };
  }
}
