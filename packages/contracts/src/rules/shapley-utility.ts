import { z } from 'zod';

/*
 * The utility a revenue split by contribution (按贡献分配, RULES.md Trading) is measured over, declared as data
 * so the same declaration is stored, audited, shown to every contributor and recomputed by anyone:
 * - `table`: every subset's value, e.g. the accuracy a model reaches on each subset of the contributors' data
 *   (2^n numbers, so at most 12 contributors); a subset is named by its contributors' ids joined by commas,
 *   in any order, and the empty set by "";
 * - `additive`: v(S) = Σ weights (e.g. records contributed);
 * - `coverage`: v(S) = the total weight of the items the members of S cover between them (each item counted
 *   once, weight 1 unless `itemWeights` says otherwise): regions, fields or entities a product covers;
 * - `weighted_voting`: v(S) = `value` (1 by default) when S's weights reach the quota, else 0.
 */

export const MAX_EXACT_PLAYERS = 12;
export const MAX_PLAYERS = 1000;
/** Coverage items over all contributors' sets together. */
export const MAX_COVERAGE_ITEMS = 1_000_000;
const MAX_ISSUES = 50;

const PlayerId = z
  .string()
  .regex(/^[^\s,]{1,128}$/, 'a contributor id is 1–128 characters without spaces or commas');
const Item = z.union([z.string().min(1).max(200), z.number()]);
const atMost = (max: number, what: string) => (o: object) =>
  Object.keys(o).length <= max || `at most ${max.toLocaleString('en-US')} ${what}`;
const byPlayer = <T extends z.ZodType>(value: T) =>
  z.record(PlayerId, value).refine(atMost(MAX_PLAYERS, 'contributors'));

export const ShapleyUtility = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('table'),
    values: z.record(z.string().max(2000), z.number()).refine(atMost(2 ** MAX_EXACT_PLAYERS, 'subsets')),
  }),
  z.strictObject({ kind: z.literal('additive'), weights: byPlayer(z.number()) }),
  z.strictObject({
    kind: z.literal('coverage'),
    sets: byPlayer(z.array(Item).max(MAX_COVERAGE_ITEMS)),
    itemWeights: z.record(z.string().max(200), z.number().min(0)).optional(),
  }),
  z.strictObject({
    kind: z.literal('weighted_voting'),
    weights: byPlayer(z.number().min(0)),
    quota: z.number().positive(),
    value: z.number().positive().optional(),
  }),
]);
export type ShapleyUtility = z.infer<typeof ShapleyUtility>;
export const ShapleyPlayers = z.array(PlayerId).min(1).max(MAX_PLAYERS);
// built once: zod compiles an object's parser on its first use
const ShapleyInput = z.strictObject({ players: ShapleyPlayers, utility: ShapleyUtility });

export interface ShapleyIssue {
  /** Where, e.g. `utility.values["a,b"]` or `players[3]`. */
  path: string;
  message: string;
}

/** Thrown by the Shapley functions on an input `validateShapleyInput` refuses; carries every issue. */
export class ShapleyInputError extends Error {
  constructor(readonly issues: ShapleyIssue[]) {
    super(issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; '));
    this.name = 'ShapleyInputError';
  }
}

/** Walks one order of the players, telling each one's marginal contribution as it joins. */
export interface Walker {
  reset(): void;
  add(player: number): number;
}

/** A validated game, ready to evaluate: players by index, a walker, and bounds of every marginal contribution. */
export interface Game {
  players: readonly string[];
  empty: number;
  walker(): Walker;
  /** [lowest, highest] marginal contribution each player can make: the range Hoeffding's bound needs. */
  ranges: readonly (readonly [number, number])[];
  /** For a table: v of every subset, indexed by bitmask (bit i = players[i]). */
  table?: Float64Array;
}

const key = (k: PropertyKey) =>
  typeof k === 'number'
    ? `[${k}]`
    : /^[A-Za-z_]\w*$/.test(String(k))
      ? `.${String(k)}`
      : `[${JSON.stringify(k)}]`;
const pathOf = (path: readonly PropertyKey[]) => path.map(key).join('').replace(/^\./, '');

/** The subset's name in a table: its members' ids in the players' order, joined by commas ("" when empty). */
export function subsetKey(players: readonly string[], mask: number): string {
  return players.filter((_, i) => mask & (1 << i)).join(',');
}

function checkPlayers(players: readonly string[], issues: ShapleyIssue[], max: number) {
  const first = new Map<string, number>();
  players.forEach((p, i) => {
    const before = first.get(p);
    if (before === undefined) first.set(p, i);
    else issues.push({ path: `players[${i}]`, message: `repeats "${p}" (first at players[${before}])` });
  });
  if (players.length > max)
    issues.push({
      path: 'players',
      message:
        max === MAX_EXACT_PLAYERS
          ? `${players.length} contributors: exact values and a table utility are for at most ${max}; sample above that`
          : `${players.length} contributors: at most ${max}`,
    });
}

/** Each contributor has exactly one entry, and every entry is a contributor. */
function checkEntries(record: object, players: readonly string[], at: string, issues: ShapleyIssue[]) {
  const known = new Set(players);
  for (const p of players)
    if (!Object.hasOwn(record, p))
      issues.push({ path: `${at}${key(p)}`, message: `no entry for contributor "${p}"` });
  for (const k of Object.keys(record))
    if (!known.has(k))
      issues.push({ path: `${at}${key(k)}`, message: `"${k}" is not one of the contributors` });
}

/** A table's subset names read into bitmasks; every subset named once, each only by contributors. */
function readTable(values: Record<string, number>, players: readonly string[], issues: ShapleyIssue[]) {
  const index = new Map(players.map((p, i) => [p, i]));
  const table = new Float64Array(2 ** players.length);
  const seen = new Array<string | undefined>(table.length);
  for (const [k, v] of Object.entries(values)) {
    const at = () => `utility.values${key(k)}`;
    let mask = 0;
    for (const id of k === '' ? [] : k.split(',')) {
      const i = index.get(id);
      if (i === undefined) issues.push({ path: at(), message: `names "${id}", not one of the contributors` });
      else if (mask & (1 << i)) issues.push({ path: at(), message: `names "${id}" twice` });
      else mask |= 1 << i;
    }
    const before = seen[mask];
    if (before !== undefined)
      issues.push({ path: at(), message: `names the same subset as values${key(before)}` });
    seen[mask] = k;
    table[mask] = v;
  }
  const missing = [...table.keys()].filter((m) => seen[m] === undefined);
  if (missing.length > 0 && issues.length === 0)
    issues.push({
      path: 'utility.values',
      message:
        `every subset needs a value: ${missing.length} of ${table.length} missing, e.g. ` +
        missing
          .slice(0, 3)
          .map((m) => JSON.stringify(subsetKey(players, m)))
          .join(', '),
    });
  return table;
}

/** Checks the contributors and their declared utility; issues name their path. */
export function validateShapleyInput(
  players: unknown,
  utility: unknown,
  maxPlayers = MAX_PLAYERS,
): { ok: true; game: Game } | { ok: false; issues: ShapleyIssue[] } {
  const parsed = ShapleyInput.safeParse({ players, utility });
  if (!parsed.success)
    return {
      ok: false,
      issues: parsed.error.issues
        .slice(0, MAX_ISSUES)
        .map((i) => ({ path: pathOf(i.path), message: i.message })),
    };
  const issues: ShapleyIssue[] = [];
  const u = parsed.data.utility;
  const ids = parsed.data.players;
  checkPlayers(ids, issues, u.kind === 'table' ? Math.min(maxPlayers, MAX_EXACT_PLAYERS) : maxPlayers);
  if (issues.length > 0) return { ok: false, issues };
  if (u.kind === 'table') {
    const table = readTable(u.values, ids, issues);
    return issues.length > 0
      ? { ok: false, issues: issues.slice(0, MAX_ISSUES) }
      : { ok: true, game: tableGame(ids, table) };
  }
  checkEntries(
    u.kind === 'coverage' ? u.sets : u.weights,
    ids,
    `utility.${u.kind === 'coverage' ? 'sets' : 'weights'}`,
    issues,
  );
  if (u.kind === 'coverage' && Object.values(u.sets).reduce((n, s) => n + s.length, 0) > MAX_COVERAGE_ITEMS)
    issues.push({
      path: 'utility.sets',
      message: `at most ${MAX_COVERAGE_ITEMS.toLocaleString('en-US')} items in all`,
    });
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
  if (u.kind === 'additive') return { ok: true, game: additiveGame(ids, u.weights) };
  if (u.kind === 'coverage') return { ok: true, game: coverageGame(ids, u.sets, u.itemWeights ?? {}) };
  return { ok: true, game: votingGame(ids, u.weights, u.quota, u.value ?? 1) };
}

/** The validated game, or a ShapleyInputError carrying every issue. */
export function compileGame(players: unknown, utility: unknown, maxPlayers = MAX_PLAYERS): Game {
  const r = validateShapleyInput(players, utility, maxPlayers);
  if (!r.ok) throw new ShapleyInputError(r.issues);
  return r.game;
}

function tableGame(players: readonly string[], table: Float64Array): Game {
  const ranges = players.map((_, i): [number, number] => {
    const bit = 1 << i;
    let lo = Infinity;
    let hi = -Infinity;
    for (let m = 0; m < table.length; m++)
      if (!(m & bit)) {
        const d = table[m | bit]! - table[m]!;
        lo = Math.min(lo, d);
        hi = Math.max(hi, d);
      }
    return [lo, hi];
  });
  const walker = (): Walker => {
    let mask = 0;
    return {
      reset: () => void (mask = 0),
      add: (i) => {
        const before = table[mask]!;
        mask |= 1 << i;
        return table[mask]! - before;
      },
    };
  };
  return { players, empty: table[0]!, walker, ranges, table };
}

function additiveGame(players: readonly string[], weights: Record<string, number>): Game {
  const w = players.map((p) => weights[p]!);
  return {
    players,
    empty: 0,
    walker: () => ({ reset: () => {}, add: (i) => w[i]! }),
    ranges: w.map((x) => [x, x]),
  };
}

function votingGame(
  players: readonly string[],
  weights: Record<string, number>,
  quota: number,
  value: number,
): Game {
  const w = players.map((p) => weights[p]!);
  const walker = (): Walker => {
    let sum = 0;
    return {
      reset: () => void (sum = 0),
      add: (i) => {
        const before = sum >= quota;
        sum += w[i]!;
        return !before && sum >= quota ? value : 0;
      },
    };
  };
  return { players, empty: 0, walker, ranges: w.map((x) => [0, x > 0 ? value : 0]) };
}

function coverageGame(
  players: readonly string[],
  sets: Record<string, readonly (string | number)[]>,
  itemWeights: Record<string, number>,
): Game {
  const index = new Map<string, number>();
  const own = players.map((p) => {
    const items = new Set(
      sets[p]!.map((x) => index.get(String(x)) ?? index.set(String(x), index.size).get(String(x))!),
    );
    return Int32Array.from(items);
  });
  const weight = new Float64Array(index.size);
  for (const [item, i] of index) weight[i] = itemWeights[item] ?? 1;
  const walker = (): Walker => {
    // an item counts as covered when its stamp is this walk's; a new walk needs no clearing
    const stamp = new Uint32Array(index.size);
    let walk = 1;
    return {
      reset: () => void walk++,
      add: (i) => {
        let gain = 0;
        for (const item of own[i]!)
          if (stamp[item] !== walk) {
            stamp[item] = walk;
            gain += weight[item]!;
          }
        return gain;
      },
    };
  };
  const ranges = own.map((items): [number, number] => [0, items.reduce((s, x) => s + weight[x]!, 0)]);
  return { players, empty: 0, walker, ranges };
}
