import { randomInt } from 'node:crypto';

const INITIAL_SLOTS = 1 << 10;
const seed32 = () => randomInt(0xffff_ffff);

/** MurmurHash3's 32-bit finalizer: every input bit reaches every output bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A set of strings that keeps a 64-bit hash of each, never the string, so exact uniqueness over tens of millions
 * of keys fits in memory: open addressing over one `Uint32Array` (8 bytes a slot), grown ×2 past 3/4 full, so
 * 11–21 bytes a distinct key, about 16 on average (10 million keys: 2²⁴ slots, 134 MB; half as much again
 * while growing). Two 32-bit lanes (FNV-1a and a Murmur-style multiply–shift, each finished by MurmurHash3's fmix32)
 * give the 64 bits: for n distinct keys the chance that any two share a hash is about n²/2⁶⁵ — 3 in a million
 * at 10 million keys — and a collision can only make a key look repeated, never hide a repeat. The hashes are
 * not cryptographic; the seeds are random per set, so a file cannot be crafted ahead of time to collide.
 */
export class KeySet {
  size = 0;
  private slots = new Uint32Array(INITIAL_SLOTS * 2);
  private readonly seedA = seed32();
  private readonly seedB = seed32();

  /** The hash being built, its two 32-bit lanes (no array per key). */
  private a = 0;
  private b = 0;
  /** What `prefetch` read, kept so that the reads are not optimized away. */
  private touched = 0;

  /** Adds a key; false when it (or a key with the same 64-bit hash) was there already. */
  add(key: string): boolean {
    this.begin(key.length);
    this.part(key);
    return this.end(true);
  }

  has(key: string): boolean {
    this.begin(key.length);
    this.part(key);
    return !this.end(false);
  }

  /**
   * Adds the key made of several parts, as `add` would the parts joined by a separator no part holds, without
   * building that string: `parts` strings, kept apart by their count and lengths.
   */
  addParts(parts: readonly string[]): boolean {
    this.begin(parts.length);
    for (const p of parts) {
      this.mix(p.length + 0x10000);
      this.part(p);
    }
    return this.end(true);
  }

  private begin(n: number) {
    this.a = 0x811c9dc5 ^ this.seedA;
    this.b = this.seedB ^ n;
  }

  private mix(c: number) {
    this.a = Math.imul(this.a ^ c, 0x01000193);
    const b = Math.imul(this.b ^ c, 0x5bd1e995);
    this.b = b ^ (b >>> 15);
  }

  private part(key: string) {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
  }

  private end(insert: boolean): boolean {
    return this.addHash(fmix32(this.a), fmix32(this.b), insert);
  }

  /**
   * Adds a key by a 64-bit hash the caller worked out (two finished 32-bit lanes; `hi` picks the slot), for
   * keys hashed once per batch outside the set. False when it was there already.
   */
  addHash(hi: number, lo: number, insert = true): boolean {
    // (0, 0) marks an empty slot
    return this.place(hi, hi === 0 && lo === 0 ? 1 : lo, insert);
  }

  /** Finds the key's slot; stores it there when `insert` and absent. True when it was absent. */
  private place(hi: number, lo: number, insert: boolean): boolean {
    const s = this.slots;
    const mask = s.length / 2 - 1;
    for (let i = hi & mask; ; i = (i + 1) & mask) {
      const h = s[2 * i]!;
      const l = s[2 * i + 1]!;
      if (h === hi && l === lo) return false;
      if (h === 0 && l === 0) {
        if (!insert) return true;
        s[2 * i] = hi;
        s[2 * i + 1] = lo;
        if (++this.size * 4 > (s.length / 2) * 3) this.grow();
        return true;
      }
    }
  }

  /**
   * Reads the slots where keys of these hashes (`hi` as `addHash` takes it) would go, so that adding them
   * next finds their slots in the cache. The reads do not wait on one another, so the memory serves many of
   * them at once, where adding the keys one by one waits for each slot in turn (a large set is far bigger
   * than the cache, and nearly every key's slot is a miss).
   */
  prefetch(hi: Uint32Array, n: number): void {
    const s = this.slots;
    const mask = s.length / 2 - 1;
    let x = 0;
    for (let i = 0; i < n; i++) x |= s[2 * (hi[i]! & mask)]!;
    this.touched = x;
  }

  /** Makes room for `keys` keys at once (a set that knows its size ahead does not grow step by step). */
  reserve(keys: number): void {
    let slots = this.slots.length / 2;
    while (keys * 4 > slots * 3) slots *= 2;
    if (slots > this.slots.length / 2) this.rehash(slots);
  }

  private grow(): void {
    this.rehash(this.slots.length);
  }

  private rehash(slots: number): void {
    const old = this.slots;
    this.slots = new Uint32Array(slots * 2);
    this.size = 0;
    for (let i = 0; i < old.length; i += 2)
      if (old[i] !== 0 || old[i + 1] !== 0) this.place(old[i]!, old[i + 1]!, true);
  }
}
