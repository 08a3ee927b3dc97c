import { randomBytes, randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

let lastTime = 0;
let lastRandom: Uint8Array = new Uint8Array(10);

// Random bytes drawn from the CSPRNG a few kilobytes at a time: every request takes an id, and a call into
// the CSPRNG per id costs more than the rest of making it.
const pool = new Uint8Array(4096);
let pooled = pool.length;
function random10(): Uint8Array {
  if (pooled + 10 > pool.length) {
    randomFillSync(pool);
    pooled = 0;
  }
  const out = pool.slice(pooled, pooled + 10);
  pooled += 10;
  return out;
}

/** A ULID: 48-bit time + 80 random bits, monotonic within a millisecond, lexicographically sortable. */
export function ulid(now = Date.now()): string {
  let rnd: Uint8Array;
  if (now <= lastTime) {
    rnd = lastRandom;
    for (let i = rnd.length - 1; i >= 0; i--) {
      if (rnd[i]! < 255) {
        rnd[i]!++;
        break;
      }
      rnd[i] = 0;
    }
    now = lastTime;
  } else {
    rnd = random10();
  }
  lastTime = now;
  lastRandom = rnd;
  let out = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[t % 32]! + out;
    t = Math.floor(t / 32);
  }
  let bits = 0;
  let value = 0;
  for (const byte of rnd) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]!;
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

export type IdPrefix =
  | 'org'
  | 'usr'
  | 'ses'
  | 'tok'
  | 'app'
  | 'aud'
  | 'ntf'
  | 'res'
  | 'ima'
  | 'fil'
  | 'opr'
  | 'shr'
  | 'rtf'
  | 'svy'
  | 'rap'
  | 'cert'
  | 'obj'
  | 'lic'
  | 'evd'
  | 'scn'
  | 'scv'
  | 'cgr'
  | 'rcp'
  | 'eag'
  | 'aog'
  | 'aev'
  | 'aoe'
  | 'osk'
  | 'prd'
  | 'mrv'
  | 'neg'
  | 'dmd'
  | 'dma'
  | 'ngt'
  | 'ord'
  | 'dlf'
  | 'apk'
  | 'shp'
  | 'agt'
  | 'cds'
  | 'cjb'
  | 'qrn'
  | 'dca'
  | 'hqd'
  | 'qcp'
  | 'qce'
  | 'ast'
  | 'acs'
  | 'aim'
  | 'avl'
  | 'aci';

/** Prefixed sortable id, e.g. `org_01j…`. */
export const newId = (prefix: IdPrefix) => `${prefix}_${ulid()}`;

/** A random opaque secret in base64url (256 bits unless told). */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
