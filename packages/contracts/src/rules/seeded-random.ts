import { sm3Digest } from './sm3.js';

/*
 * A seeded pseudo-random generator whose every draw anyone can replay, in the browser as on the server: the
 * seed (any text, e.g. a statement's id) is hashed with SM3 and its first 16 bytes start xoshiro128** (Blackman
 * and Vigna, 2018). Integer arithmetic only, so every JavaScript engine draws the same numbers.
 */

/** What an audit record names so a reader knows how the draws were made. */
export const SEEDED_RANDOM_ALGORITHM = 'xoshiro128** seeded by the first 16 bytes of SM3(seed)';

export interface SeededRandom {
  /** The next 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform integer in [0, bound): rejection sampling, so no value is favoured. */
  below(bound: number): number;
  /** Shuffles in place, every order equally likely (Fisher–Yates). */
  shuffle(items: { length: number; [i: number]: number }): void;
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

export function seededRandom(seed: string | number): SeededRandom {
  const view = new DataView(sm3Digest(String(seed)).buffer);
  const s = [0, 4, 8, 12].map((o) => view.getUint32(o));
  // xoshiro's one forbidden state; SM3 reaching it is as likely as a collision, but the guard costs nothing
  if (!s.some((w) => w !== 0)) s[0] = 1;
  let [s0, s1, s2, s3] = s as [number, number, number, number];
  const nextUint32 = () => {
    const out = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return out;
  };
  const below = (bound: number) => {
    if (!Number.isInteger(bound) || bound < 1 || bound > 2 ** 32)
      throw new RangeError(`bound must be an integer in [1, 2^32], not ${bound}`);
    const limit = 2 ** 32 - (2 ** 32 % bound);
    for (;;) {
      const x = nextUint32();
      if (x < limit) return x % bound;
    }
  };
  const shuffle = (items: { length: number; [i: number]: number }) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = below(i + 1);
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
  };
  return { nextUint32, below, shuffle };
}
