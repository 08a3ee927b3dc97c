import { fromBase64, fromHex, toHex } from './merkle.js';
import { A, B, GX, GY, N, decompress, isOnCurve, mulBaseAdd, type Affine } from './sm2-curve.js';
import { sm3Digest } from './sm3.js';

/**
 * SM2 signature verification (GB/T 32918.2) in plain TypeScript: the server, the offline verifier and the
 * browser check checkpoint signatures with this one implementation. The hash defaults to the plain-TS SM3;
 * the server passes OpenSSL's, which gives the same digests faster.
 */

/** GB/T 32918.2 / GM/T 0009: the signer ID when none is agreed. */
export const DEFAULT_SM2_ID = '1234567812345678';

export type Sm2PublicKey = Affine;

/** SM3 of the concatenated parts (strings as UTF-8), 32 bytes. */
export type Sm3Function = (...parts: Uint8Array[]) => Uint8Array;

const utf8 = (m: string | Uint8Array) => (typeof m === 'string' ? new TextEncoder().encode(m) : m);

/** A big-endian unsigned integer; the empty array is 0. */
export function bigFromBytes(b: Uint8Array): bigint {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

/** A value below 2^256 as 32 big-endian bytes. */
export function bytes32(v: bigint): Uint8Array {
  return fromHex(v.toString(16).padStart(64, '0'));
}

/** Parses an uncompressed (04…) or compressed (02…/03…) public key and checks that it lies on the curve. */
export function parseSm2PublicKey(input: string | Uint8Array): Sm2PublicKey {
  let b: Uint8Array;
  try {
    b = typeof input === 'string' ? fromHex(input.replace(/^0x/i, '')) : input;
  } catch {
    throw new Error('not an SM2 public key');
  }
  let q: Affine | null = null;
  if (b.length === 65 && b[0] === 4)
    q = { x: bigFromBytes(b.subarray(1, 33)), y: bigFromBytes(b.subarray(33)) };
  else if (b.length === 33 && (b[0] === 2 || b[0] === 3))
    q = decompress(bigFromBytes(b.subarray(1)), b[0] === 3);
  if (!q || !isOnCurve(q)) throw new Error('not an SM2 public key');
  return q;
}

/** DER of an SM2 SubjectPublicKeyInfo up to its point: id-ecPublicKey (1.2.840.10045.2.1), curve sm2p256v1 (1.2.156.10197.1.301). */
export const SM2_SPKI_PREFIX = fromHex('3059301306072a8648ce3d020106082a811ccf5501822d034200');

/** Parses a PEM SubjectPublicKeyInfo of an SM2 key (as `openssl pkey -pubout` writes it), checked on the curve. */
export function parseSm2PublicKeyPem(pem: string): Sm2PublicKey {
  let der: Uint8Array;
  try {
    der = fromBase64(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''));
  } catch {
    throw new Error('not an SM2 SubjectPublicKeyInfo');
  }
  const prefix = der.subarray(0, SM2_SPKI_PREFIX.length);
  if (der.length !== SM2_SPKI_PREFIX.length + 65 || toHex(prefix) !== toHex(SM2_SPKI_PREFIX))
    throw new Error('not an SM2 SubjectPublicKeyInfo');
  return parseSm2PublicKey(der.subarray(SM2_SPKI_PREFIX.length));
}

/** GB/T 32918.2 §5.5: Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA). */
export function sm2Z(q: Sm2PublicKey, id: string | Uint8Array, hash: Sm3Function = sm3Digest): Uint8Array {
  const idBytes = utf8(id);
  const bits = idBytes.length * 8;
  if (bits > 0xffff) throw new Error('SM2 signer ID too long');
  return hash(new Uint8Array([bits >> 8, bits & 0xff]), idBytes, ...[A, B, GX, GY, q.x, q.y].map(bytes32));
}

function signatureBytes(signature: string | Uint8Array): Uint8Array | null {
  if (typeof signature !== 'string') return signature;
  try {
    return fromHex(signature);
  } catch {
    return null;
  }
}

/**
 * GB/T 32918.2 §7.1: r, s ∈ [1, n−1]; t = r + s ≠ 0; (x1, y1) = sG + tP; valid iff (e + x1) mod n = r,
 * where e = SM3(Z ‖ M). The key is a point or its hex encoding; the signature is r ‖ s (64 bytes, or 128
 * hex digits). Anything malformed is simply not a valid signature.
 */
export function sm2Verify(
  publicKey: string | Sm2PublicKey,
  message: string | Uint8Array,
  signature: string | Uint8Array,
  id: string | Uint8Array = DEFAULT_SM2_ID,
  hash: Sm3Function = sm3Digest,
): boolean {
  let q: Sm2PublicKey;
  try {
    q = typeof publicKey === 'string' ? parseSm2PublicKey(publicKey) : publicKey;
  } catch {
    return false;
  }
  const sig = signatureBytes(signature);
  if (sig?.length !== 64) return false;
  const r = bigFromBytes(sig.subarray(0, 32));
  const s = bigFromBytes(sig.subarray(32));
  if (r < 1n || r >= N || s < 1n || s >= N) return false;
  const t = (r + s) % N;
  if (t === 0n) return false;
  const e = bigFromBytes(hash(sm2Z(q, id, hash), utf8(message)));
  const pt = mulBaseAdd(s, t, q);
  if (!pt) return false;
  return (e + pt.x) % N === r;
}
