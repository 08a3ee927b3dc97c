import type { Cell } from '../../tabular/index.js';

/** A whole table in memory: a header and rows aligned with it, cells as the tabular readers give them. */
export interface Table {
  columns: string[];
  rows: Cell[][];
}

/** A numeric column that carries marks, and the unit in its last place (1, 0.1, 0.01…). */
export interface MarkedColumn {
  name: string;
  /** Decimal places of the unit: a mark moves a value by at most 10^-decimals. */
  decimals: number;
}

/**
 * Where the marks of one derivative go. It is the same for every buyer of that derivative, holds no secret,
 * and is kept beside the derivative: detection reads a leaked copy through the plan of its original, so that a
 * copy missing columns is still read the way it was written.
 */
export interface FingerprintPlan {
  version: 1;
  /** Columns whose last digit carries a bit. */
  marked: MarkedColumn[];
  /** Columns a marked cell is tied to (its row's identity): the other columns with more than two values. */
  anchors: string[];
  /** About 1 in `gamma` marked-column cells carries a bit. */
  gamma: number;
  /** A cell is marked only where one unit is at most this fraction of its value. */
  maxRelativeChange: number;
}

export interface EmbedOptions {
  /** The platform's fingerprinting key (at least 16 bytes). */
  secret: Uint8Array;
  /** The buyer-order's code, 64 hex digits (256 bits): see `fingerprintCode`. */
  code: string;
  /** The derivative's plan; made from the table with `planFingerprint` when not given. */
  plan?: FingerprintPlan;
}

export interface EmbedStats {
  rows: number;
  /** Cells that carry a bit (about rows × marked columns / gamma, fewer where values are too small). */
  cellsCarrying: number;
  /** Cells whose value changed (about half the carrying ones: the others already had the right parity). */
  cellsChanged: number;
  /** Of the 256 bit positions, how many at least one cell carries. */
  bitsCovered: number;
  /** The largest |new − old| / |old| over changed cells. */
  maxRelativeChange: number;
  /** The largest |new − old| in units of each column's last place (always ≤ 1). */
  maxUnitsChanged: number;
}

export interface Candidate {
  /** What a match names: the buyer-order's id. */
  id: string;
  code: string;
}

export interface DetectOptions {
  secret: Uint8Array;
  candidates: Candidate[];
  /** The original's plan; made from the leaked table when not given (enough only if it kept every column). */
  plan?: FingerprintPlan;
  /** Family-wise false-positive bound for naming a candidate (default 1e-6). */
  alpha?: number;
}

export interface CandidateScore {
  id: string;
  /** Bit positions whose recovered value equals this candidate's bit. */
  matches: number;
  /** Bit positions recovered (majority of their cells, ties left out). */
  observed: number;
  /** P(a file not marked for this candidate matches at least this well) = binomial tail at p = ½. */
  pValue: number;
}

export interface Detection {
  /** Cells read as carrying a bit, and the bit positions they reached. */
  cellsRead: number;
  observed: number;
  /** Every candidate, best first. */
  scores: CandidateScore[];
  /** The best candidate, only when pValue × candidates < alpha; otherwise null: the file traces to nothing. */
  match: CandidateScore | null;
}
