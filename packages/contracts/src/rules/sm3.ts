/**
 * SM3 (GB/T 32905-2016) in plain TypeScript, for the browser and for verifying without Node's OpenSSL.
 * The server hashes with OpenSSL's SM3; a test holds the two equal.
 */

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];
const rotl = (x: number, n: number) => ((x << n) | (x >>> (32 - n))) >>> 0;
const P0 = (x: number) => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
const P1 = (x: number) => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;
const T = Array.from({ length: 64 }, (_, j) => rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32));

function compress(v: Uint32Array, block: DataView, offset: number, w: Uint32Array, w1: Uint32Array) {
  for (let j = 0; j < 16; j++) w[j] = block.getUint32(offset + j * 4);
  for (let j = 16; j < 68; j++)
    w[j] = P1(w[j - 16]! ^ w[j - 9]! ^ rotl(w[j - 3]!, 15)) ^ rotl(w[j - 13]!, 7) ^ w[j - 6]!;
  for (let j = 0; j < 64; j++) w1[j] = w[j]! ^ w[j + 4]!;
  let a = v[0]!,
    b = v[1]!,
    c = v[2]!,
    d = v[3]!,
    e = v[4]!,
    f = v[5]!,
    g = v[6]!,
    h = v[7]!;
  for (let j = 0; j < 64; j++) {
    const a12 = rotl(a, 12);
    const ss1 = rotl((a12 + e + T[j]!) >>> 0, 7);
    const ss2 = (ss1 ^ a12) >>> 0;
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    const tt1 = (ff + d + ss2 + w1[j]!) >>> 0;
    const tt2 = (gg + h + ss1 + w[j]!) >>> 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = P0(tt2);
  }
  v[0]! ^= a;
  v[1]! ^= b;
  v[2]! ^= c;
  v[3]! ^= d;
  v[4]! ^= e;
  v[5]! ^= f;
  v[6]! ^= g;
  v[7]! ^= h;
}

/** The SM3 digest (32 bytes) of the concatenated parts; strings are taken as UTF-8. */
export function sm3Digest(...parts: (Uint8Array | string)[]): Uint8Array {
  const enc = new TextEncoder();
  const chunks = parts.map((p) => (typeof p === 'string' ? enc.encode(p) : p));
  const len = chunks.reduce((n, c) => n + c.length, 0);
  const padded = new Uint8Array(Math.ceil((len + 9) / 64) * 64);
  let o = 0;
  for (const c of chunks) {
    padded.set(c, o);
    o += c.length;
  }
  padded[len] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor((len * 8) / 2 ** 32));
  view.setUint32(padded.length - 4, (len * 8) >>> 0);
  const v = Uint32Array.from(IV);
  const w = new Uint32Array(68);
  const w1 = new Uint32Array(64);
  for (let off = 0; off < padded.length; off += 64) compress(v, view, off, w, w1);
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) ov.setUint32(i * 4, v[i]!);
  return out;
}
