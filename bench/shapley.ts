// `npm run bench -- --only=shapley`: revenue shared by contribution (按贡献分配). Exact Shapley values for 12
// contributors from a declared table of 4,096 subset values, beside the textbook subset formula (string keys,
// factorials) and, at 9 contributors, beside enumerating every order; then 50 contributors sampled over random
// orders on the airport game, whose exact values have a closed form, with the error measured against it and the
// bound the sampler states, beside a sampler that recomputes each prefix's value from scratch.
import {
  shapleyExact,
  shapleySampled,
  SEEDED_RANDOM_ALGORITHM,
  subsetKey,
  validateShapleyInput,
  type ShapleyUtility,
} from '@shuliu/contracts';

const SAMPLES = Number(process.argv.find((a) => a.startsWith('--shapley-samples='))?.slice(18) ?? 10_000);
const ROUNDS = 5;

/** Milliseconds of the best of some runs after a warm-up (fewer for a slow baseline), and the last run's answer. */
function best<T>(f: () => T, rounds = ROUNDS): { ms: number; out: T } {
  let out = f();
  let ms = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    out = f();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, out };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `org_${String(i).padStart(2, '0')}`);
const bits = (m: number) => m.toString(2).replace(/0/g, '').length;

/** Declared accuracies: rising with the contributors' number, each subset a little apart. */
function accuracyTable(players: string[]): { kind: 'table'; values: Record<string, number> } {
  const values: Record<string, number> = {};
  for (let m = 0; m < 2 ** players.length; m++)
    values[subsetKey(players, m)] =
      m === 0 ? 0.5 : 0.5 + 0.4 * (1 - 0.75 ** bits(m)) + ((m * 2654435761) % 997) / 1e5;
  return { kind: 'table', values };
}

/** The formula as written: for each i, each S ⊆ N∖{i}, |S|!(n−|S|−1)!/n! · (v(S∪{i}) − v(S)), v read by key. */
function textbook(players: string[], values: Record<string, number>): number[] {
  const n = players.length;
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  return players.map((_, i) => {
    const others = players.filter((_, j) => j !== i);
    let phi = 0;
    for (let m = 0; m < 2 ** (n - 1); m++) {
      const s = others.filter((_, j) => m & (1 << j));
      const key = (members: string[]) => players.filter((p) => members.includes(p)).join(',');
      const w = (fact(s.length) * fact(n - s.length - 1)) / fact(n);
      phi += w * (values[key([...s, players[i]!])]! - values[key(s)]!);
    }
    return phi;
  });
}

/** The definition: the mean marginal contribution over every one of the n! orders (Heap's algorithm). */
function everyOrder(n: number, v: (mask: number) => number): number[] {
  const phi = new Array<number>(n).fill(0);
  const order = Array.from({ length: n }, (_, i) => i);
  const c = new Array<number>(n).fill(0);
  let count = 0;
  const visit = () => {
    let mask = 0;
    for (const i of order) {
      const next = mask | (1 << i);
      phi[i]! += v(next) - v(mask);
      mask = next;
    }
    count++;
  };
  visit();
  for (let i = 1; i < n;) {
    if (c[i]! < i) {
      const j = i % 2 ? c[i]! : 0;
      [order[j], order[i]] = [order[i]!, order[j]!];
      visit();
      c[i]!++;
      i = 1;
    } else c[i++] = 0;
  }
  return phi.map((x) => x / count);
}

/** The airport game on 50 runways, as coverage of runway segments; φᵢ = Σ_{k ≤ i} (c_k − c_{k−1}) / (n − k). */
function airport(n: number) {
  const costs = Array.from({ length: n }, (_, i) => 10 * (i + 1) + ((i * 7) % 5));
  const players = ids(n);
  const sets = Object.fromEntries(players.map((p, i) => [p, Array.from({ length: i + 1 }, (_, k) => k)]));
  const itemWeights = Object.fromEntries(costs.map((c, k) => [String(k), c - (costs[k - 1] ?? 0)]));
  const closed = costs.map((_, i) =>
    costs.slice(0, i + 1).reduce((s, c, k) => s + (c - (costs[k - 1] ?? 0)) / (n - k), 0),
  );
  const utility: ShapleyUtility = { kind: 'coverage', sets, itemWeights };
  return { players, sets, itemWeights, closed, utility, top: costs[n - 1]! };
}

/** A sampler that, at each step of an order, recomputes the prefix's covered weight from scratch. */
function naiveSampled(a: ReturnType<typeof airport>, samples: number): number[] {
  const n = a.players.length;
  const phi = new Array<number>(n).fill(0);
  const order = Array.from({ length: n }, (_, i) => i);
  const v = (members: number[]) => {
    const covered = new Set(members.flatMap((i) => a.sets[a.players[i]!]!));
    return [...covered].reduce((s, item) => s + a.itemWeights[String(item)]!, 0);
  };
  for (let s = 0; s < samples; s++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let k = 0; k < n; k++) phi[order[k]!]! += v(order.slice(0, k + 1)) - v(order.slice(0, k));
  }
  return phi.map((x) => x / samples);
}

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`);
const maxDiff = (a: readonly number[], b: readonly number[]) =>
  Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));

function benchExact() {
  const players = ids(12);
  const utility = accuracyTable(players);
  const ours = best(() => shapleyExact(players, utility));
  const check = best(() => validateShapleyInput(players, utility));
  const base = best(() => textbook(players, utility.values), 2);
  const diff = maxDiff(
    players.map((p) => ours.out.values[p]!),
    base.out,
  );
  console.log(
    `\nshapley exact, 12 contributors (4,096 declared subset values) ${fmt(ours.ms).padStart(9)}, of which validating ` +
      `the declaration ${fmt(check.ms)}  |  ` +
      `textbook subset formula ${fmt(base.ms).padStart(9)}  |  ratio ${(ours.ms / base.ms).toFixed(3)}×  |  ` +
      `largest difference ${diff.toExponential(1)}`,
  );
  const nine = ids(9);
  const small = accuracyTable(nine);
  // the enumeration reads v from an array by bitmask, so only the orders are counted against it
  const table = Float64Array.from({ length: 2 ** 9 }, (_, m) => small.values[subsetKey(nine, m)]!);
  const ours9 = best(() => shapleyExact(nine, small));
  const orders = best(() => everyOrder(9, (m) => table[m]!), 1);
  console.log(
    `shapley exact, 9 contributors ${fmt(ours9.ms).padStart(9)}  |  every one of the 362,880 orders ` +
      `${fmt(orders.ms).padStart(9)}  |  ratio ${(ours9.ms / orders.ms).toFixed(4)}×  |  largest difference ` +
      `${maxDiff(
        nine.map((p) => ours9.out.values[p]!),
        orders.out,
      ).toExponential(1)}; at 12 the orders are 1,320× as many`,
  );
}

function benchSampled() {
  const a = airport(50);
  const ours = best(() => shapleySampled(a.players, a.utility, { seed: 'bench-2026', samples: SAMPLES }));
  const naiveSamples = Math.max(10, Math.round(SAMPLES / 100));
  const base = best(() => naiveSampled(a, naiveSamples), 2);
  const perOurs = (ours.ms * 1000) / SAMPLES;
  const perBase = (base.ms * 1000) / naiveSamples;
  const r = ours.out;
  const err = maxDiff(
    a.players.map((p) => r.values[p]!),
    a.closed,
  );
  const se = Math.max(...Object.values(r.standardError));
  const within = a.players.every((p, i) => Math.abs(r.values[p]! - a.closed[i]!) <= r.errorBound[p]!);
  console.log(
    `shapley sampled, 50 contributors (airport game, 1,275 runway segments covered), ${SAMPLES.toLocaleString('en-US')} orders ` +
      `${fmt(ours.ms).padStart(9)} (${perOurs.toFixed(1)} µs/order)  |  naive sampler recomputing each prefix ` +
      `${perBase.toFixed(1)} µs/order  |  ratio ${(perOurs / perBase).toFixed(3)}×`,
  );
  console.log(
    `shapley sampled, largest error against the closed form ${err.toFixed(3)} (values up to ${Math.max(...a.closed).toFixed(1)}, ` +
      `v(N) = ${a.top})  |  stated Hoeffding bound at ${r.confidence * 100} % for all 50 at once ${r.maxErrorBound.toFixed(3)}  |  ` +
      `largest standard error ${se.toFixed(3)}  (each within its own bound: ${within ? 'yes' : 'NO'}; ${SEEDED_RANDOM_ALGORITHM})`,
  );
}

export async function runShapleyBenchmarks() {
  benchExact();
  benchSampled();
}

if (process.argv[1]?.endsWith('shapley.ts')) await runShapleyBenchmarks();
