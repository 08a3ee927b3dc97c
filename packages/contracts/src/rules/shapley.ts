import { apportion } from './apportion.js';
import { SEEDED_RANDOM_ALGORITHM, seededRandom } from './seeded-random.js';
import { compileGame, MAX_EXACT_PLAYERS, ShapleyInputError, type Game } from './shapley-utility.js';

/*
 * 按贡献分配 (RULES.md Trading: authorized-operation income shared by contribution, measured by the Shapley value
 * over the utility of co-provided data). Pure, so the server computes a split, the audit record keeps its
 * inputs, and the portal shows every contributor the same numbers recomputed in the browser.
 *
 * φᵢ = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! · (v(S ∪ {i}) − v(S)): exact over all 2ⁿ subsets for n ≤ 12;
 * above that, the mean of i's marginal contribution over random orders of the players (each order's
 * contributions sum to v(N) − v(∅), so the estimates do too), with Hoeffding's bound on the error.
 */

export {
  MAX_EXACT_PLAYERS,
  MAX_PLAYERS,
  ShapleyInputError,
  ShapleyPlayers,
  ShapleyUtility,
  subsetKey,
  validateShapleyInput,
  type ShapleyIssue,
} from './shapley-utility.js';
export { SEEDED_RANDOM_ALGORITHM } from './seeded-random.js';

/** Permutations one sampled computation may draw: enough for a 0.3 % bound on 1,000 contributors. */
export const MAX_SAMPLES = 1_000_000;
export const DEFAULT_CONFIDENCE = 0.95;

interface ShapleyCommon {
  players: string[];
  /** Each contributor's Shapley value, in the utility's unit. */
  values: Record<string, number>;
  /** v(N) and v(∅): the values sum to v(N) − v(∅) (efficiency). */
  grand: number;
  empty: number;
}
export interface ShapleyExactResult extends ShapleyCommon {
  method: 'exact';
  subsets: number;
}
export interface ShapleySampledResult extends ShapleyCommon {
  method: 'sampled';
  samples: number;
  seed: string;
  algorithm: string;
  confidence: number;
  /**
   * Hoeffding: with probability ≥ `confidence`, every |estimate − φᵢ| ≤ errorBound[i] at once (a union bound over
   * the players): errorBound[i] = rangeᵢ · √(ln(2n/δ) / 2m), rangeᵢ the spread of i's marginal contributions.
   */
  errorBound: Record<string, number>;
  maxErrorBound: number;
  /** The empirical standard error of each estimate (sample standard deviation / √m): a sharper, looser guide. */
  standardError: Record<string, number>;
}
export type ShapleyResult = ShapleyExactResult | ShapleySampledResult;

const byPlayer = (players: readonly string[], xs: ArrayLike<number>) =>
  Object.fromEntries(players.map((p, i) => [p, xs[i]!]));

/** v of every subset by bitmask, from the table or by walking each subset's members. */
function subsetValues(game: Game): Float64Array {
  if (game.table) return game.table;
  const n = game.players.length;
  const v = new Float64Array(2 ** n);
  const walker = game.walker();
  for (let mask = 0; mask < v.length; mask++) {
    walker.reset();
    let value = game.empty;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) value += walker.add(i);
    v[mask] = value;
  }
  return v;
}

/** |S|! (n − |S| − 1)! / n! for each |S|, computed as 1 / (n · C(n − 1, |S|)) to stay exact in small integers. */
function subsetWeights(n: number): Float64Array {
  const w = new Float64Array(n);
  let binomial = 1;
  for (let k = 0; k < n; k++) {
    w[k] = 1 / (n * binomial);
    binomial = (binomial * (n - 1 - k)) / (k + 1);
  }
  return w;
}

/** The Shapley value of each contributor, exactly, over all 2ⁿ subsets (n ≤ 12). */
export function shapleyExact(players: readonly string[], utility: unknown): ShapleyExactResult {
  const game = compileGame(players, utility, MAX_EXACT_PLAYERS);
  const n = game.players.length;
  const v = subsetValues(game);
  const weight = subsetWeights(n);
  const size = new Uint8Array(v.length);
  const phi = new Float64Array(n);
  for (let mask = 0; mask < v.length; mask++) {
    if (mask > 0) size[mask] = size[mask >> 1]! + (mask & 1);
    const w = weight[size[mask]!]!;
    const here = v[mask]!;
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (!(mask & bit)) phi[i]! += w * (v[mask | bit]! - here);
    }
  }
  const ids = [...game.players];
  return {
    method: 'exact',
    players: ids,
    values: byPlayer(ids, phi),
    grand: v[v.length - 1]!,
    empty: v[0]!,
    subsets: v.length,
  };
}

export interface SampleOptions {
  /** Any text; the same seed and inputs draw the same permutations and give the same estimates. */
  seed: string | number;
  /** How many random orders to draw; or give `targetError` and the count follows from Hoeffding's bound. */
  samples?: number;
  /** The largest error wanted on any contributor, at `confidence`, in the utility's unit. */
  targetError?: number;
  confidence?: number;
}

/** ln(2n/δ) / 2: the factor of Hoeffding's bound with a union bound over n players at confidence 1 − δ. */
const hoeffdingFactor = (n: number, confidence: number) => Math.log((2 * n) / (1 - confidence)) / 2;

/** Permutations needed so that, at `confidence`, no estimate is off by more than `targetError` (Hoeffding). */
export function samplesFor(
  ranges: readonly (readonly [number, number])[],
  targetError: number,
  confidence = DEFAULT_CONFIDENCE,
): number {
  const spread = Math.max(0, ...ranges.map(([lo, hi]) => hi - lo));
  return Math.max(
    2,
    Math.ceil((spread * spread * hoeffdingFactor(ranges.length, confidence)) / targetError ** 2),
  );
}

function sampleCount(game: Game, o: SampleOptions, confidence: number): number {
  const fault = (path: string, message: string) =>
    new ShapleyInputError([{ path: `options.${path}`, message }]);
  if (!(confidence > 0 && confidence < 1)) throw fault('confidence', 'must be between 0 and 1');
  if ((o.samples === undefined) === (o.targetError === undefined))
    throw fault('samples', 'give either samples or targetError');
  if (o.samples !== undefined && !(Number.isInteger(o.samples) && o.samples >= 2 && o.samples <= MAX_SAMPLES))
    throw fault('samples', `must be an integer from 2 to ${MAX_SAMPLES.toLocaleString('en-US')}`);
  if (o.targetError !== undefined && !(o.targetError > 0 && Number.isFinite(o.targetError)))
    throw fault('targetError', 'must be a positive number');
  const m = o.samples ?? samplesFor(game.ranges, o.targetError!, confidence);
  if (m > MAX_SAMPLES)
    throw fault(
      'targetError',
      `needs ${m.toLocaleString('en-US')} permutations, more than the ${MAX_SAMPLES.toLocaleString('en-US')} allowed`,
    );
  return m;
}

/** Each player's marginal contributions over m orders drawn from the seed: their sums and sums of squares. */
function walkOrders(game: Game, m: number, seed: string) {
  const n = game.players.length;
  const random = seededRandom(seed);
  const walker = game.walker();
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const sum = new Float64Array(n);
  const sumSq = new Float64Array(n);
  for (let s = 0; s < m; s++) {
    random.shuffle(order);
    walker.reset();
    for (const i of order) {
      const x = walker.add(i);
      sum[i]! += x;
      sumSq[i]! += x * x;
    }
  }
  walker.reset();
  let grand = game.empty;
  for (let i = 0; i < n; i++) grand += walker.add(i);
  return { sum, sumSq, grand };
}

/** The Shapley value of each contributor estimated over random orders drawn from a seed, with its error bound. */
export function shapleySampled(
  players: readonly string[],
  utility: unknown,
  options: SampleOptions,
): ShapleySampledResult {
  const game = compileGame(players, utility);
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const m = sampleCount(game, options, confidence);
  const seed = String(options.seed);
  if (seed.length === 0 || seed.length > 200)
    throw new ShapleyInputError([{ path: 'options.seed', message: 'must be 1–200 characters' }]);
  const { sum, sumSq, grand } = walkOrders(game, m, seed);
  const mean = sum.map((x) => x / m);
  const stdErr = mean.map((mu, i) => Math.sqrt((Math.max(0, sumSq[i]! / m - mu * mu) * (m / (m - 1))) / m));
  const factor = Math.sqrt(hoeffdingFactor(game.players.length, confidence) / m);
  const bound = game.ranges.map(([lo, hi]) => (hi - lo) * factor);
  const ids = [...game.players];
  return {
    method: 'sampled',
    players: ids,
    values: byPlayer(ids, mean),
    grand,
    empty: game.empty,
    samples: m,
    seed,
    algorithm: SEEDED_RANDOM_ALGORITHM,
    confidence,
    errorBound: byPlayer(ids, bound),
    maxErrorBound: Math.max(...bound),
    standardError: byPlayer(ids, stdErr),
  };
}

/** How Shapley values become revenue shares, in words an audit record and a reader share. */
export const SHARE_RULE =
  'a negative Shapley value (a contributor whose data lowers the utility, or a sampled estimate below zero) ' +
  'counts as zero; the shares are the values over their sum, as parts per billion by the largest remainder; ' +
  'when no value is above zero, every contributor gets an equal share';

export interface ShapleyShares {
  players: string[];
  /** Fractions ≥ 0 summing to 1: each is partsPerBillion / 10⁹ (so their sum is 1 up to floating-point rounding). */
  shares: Record<string, number>;
  /** The shares as integers summing exactly to 1,000,000,000: what a split in fen takes as its weights. */
  partsPerBillion: Record<string, number>;
  /** Contributors whose value was below zero and counted as zero. */
  clamped: string[];
  rule: string;
}

/** 按贡献分配: revenue shares from Shapley values, negative values counting as zero (see SHARE_RULE). */
export function shapleyShares(result: Pick<ShapleyResult, 'players' | 'values'>): ShapleyShares {
  const { players } = result;
  const values = players.map((p) => result.values[p]!);
  if (values.some((v) => !Number.isFinite(v)))
    throw new RangeError('every Shapley value must be a finite number');
  const kept = values.map((v) => Math.max(0, v));
  const weights = kept.some((v) => v > 0) ? kept : kept.map(() => 1);
  const ppb = apportion(1_000_000_000, weights).parts;
  return {
    players: [...players],
    shares: byPlayer(
      players,
      ppb.map((x) => x / 1e9),
    ),
    partsPerBillion: byPlayer(players, ppb),
    clamped: players.filter((_, i) => values[i]! < 0),
    rule: SHARE_RULE,
  };
}
