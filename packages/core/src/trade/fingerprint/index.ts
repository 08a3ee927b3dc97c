/**
 * Per-buyer fingerprints of delivered files (issue 17, "File delivery"), in the manner of Agrawal & Kiernan's
 * relational watermarks (VLDB 2002) keyed by a platform secret, carrying a 256-bit code per buyer-order.
 *
 * Threat model. A buyer leaks its copy of a de-identified derivative, possibly re-sorted, with columns or rows
 * dropped, converted CSV↔XLSX, or any mix of these. The platform holds the secret, the orders and the
 * derivative's plan (which columns carry marks; no secret in it); the buyer knows none of them. Out of scope:
 * buyers colluding to compare copies (they see where copies differ), rounding or noising the marked columns,
 * renaming columns, and a copy that keeps no marked column or not one anchor column.
 *
 * Marks. A numeric column (every value a number, ≥ 20 distinct, not identifier-like by name or by never
 * repeating whole numbers) carries bits in the parity of its last digit: n units become 2⌊n/2⌋ + b, so a value
 * moves by at most one unit of its last place, and only where that is ≤ 5 % of it (the plan's tolerance).
 * Text, categories and identifiers are never touched. h = ⌊n/2⌋ survives marking, so it names the cell: each h
 * is owned, by key, by one other column with more than two values (an anchor), and the cell's identity is h
 * with its row's value there; HMAC-SM3 of it selects 1 in γ = 2 identities and gives a bit position (of 256) and
 * a mask, and the cell holds code[position] XOR mask. Row order plays no part; a dropped anchor erases the cells
 * it owned and never misleads; rows carry their marks with them; numbers stay numbers in XLSX and are read back
 * in the plan's unit, whatever their formatting.
 *
 * False positives. Each position takes the majority of its cells (ties dropped). For a file not made with a
 * candidate's code — unmarked, foreign, under another key, another buyer's — the candidate's code is a
 * HMAC-SM3 output independent of the file, so its agreement on n recovered positions is Binomial(n, ½); a
 * candidate is named only if that tail times the number of candidates is below α = 10⁻⁶. On a 3,016-row table
 * with one marked column that needs ~25 positions; a 256-bit code lets nearly every selected identity count.
 */
export { fingerprintCode } from './fingerprint.marks.js';
export {
  planFingerprint,
  DEFAULT_GAMMA,
  DEFAULT_MAX_RELATIVE_CHANGE,
  type PlanOptions,
} from './fingerprint.plan.js';
export { embed } from './fingerprint.embed.js';
export { detect, binomialTail, DEFAULT_ALPHA } from './fingerprint.detect.js';
export { readTable, writeTable, traceFile } from './fingerprint.files.js';
export type * from './fingerprint.types.js';
