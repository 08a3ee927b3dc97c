import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import {
  DEFAULT_SM2_ID,
  bigFromBytes as big,
  bytes32 as bytes32Array,
  parseSm2PublicKey,
  parseSm2PublicKeyPem,
  SM2_SPKI_PREFIX,
  sm2Curve,
  sm2Verify as verifyWith,
  sm2Z as zWith,
  type Sm2PublicKey,
} from '@shuliu/contracts';
import { sm3 } from './sm3.js';

// The curve, the key parser and verification live in @shuliu/contracts, so that the browser and the offline
// verifier check signatures with the code the server uses; signing (private keys, randomness) stays here.
export { DEFAULT_SM2_ID, type Sm2PublicKey };

const { N, invMod, mulBase } = sm2Curve;
const bytes32 = (v: bigint) => Buffer.from(bytes32Array(v));

/** A uniformly random scalar in [1, n − 2] (so that 1 + d stays invertible), by rejection. */
function randomScalar(): bigint {
  for (;;) {
    const k = big(randomBytes(32));
    if (k >= 1n && k <= N - 2n) return k;
  }
}

export function sm2PublicKeyOf(d: bigint): Sm2PublicKey {
  if (d < 1n || d > N - 2n) throw new Error('SM2 private key out of range');
  return mulBase(d)!;
}

/** Uncompressed SEC1 encoding, 04 ‖ x ‖ y, as 130 hex digits. */
export const publicKeyHex = (q: Sm2PublicKey) =>
  `04${bytes32(q.x).toString('hex')}${bytes32(q.y).toString('hex')}`;

/** Parses an uncompressed (04…) or compressed (02…/03…) public key and checks that it lies on the curve. */
export const parsePublicKey = parseSm2PublicKey;

export const publicKeyDer = (q: Sm2PublicKey) =>
  Buffer.concat([SM2_SPKI_PREFIX, Buffer.from(publicKeyHex(q), 'hex')]);

export function publicKeyPem(q: Sm2PublicKey): string {
  const b64 = publicKeyDer(q).toString('base64');
  return `-----BEGIN PUBLIC KEY-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/** Parses a PEM SubjectPublicKeyInfo of an SM2 key (shared with the browser and the offline verifier). */
export const parsePublicKeyPem = parseSm2PublicKeyPem;

/** Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA), GB/T 32918.2 §5.5, hashed with OpenSSL's SM3. */
export const sm2Z = (q: Sm2PublicKey, id: string | Uint8Array): Buffer => Buffer.from(zWith(q, id, sm3));

const toBytes = (m: string | Uint8Array) => (typeof m === 'string' ? Buffer.from(m, 'utf8') : m);

/**
 * An SM2 private key held for signing. The scalar lives in a private field and never serializes: JSON,
 * util.inspect and template strings show only the public key.
 */
export class Sm2Signer {
  readonly #d: bigint;
  readonly #dInv: bigint;
  readonly publicKey: Sm2PublicKey;
  readonly #z = new Map<string, Buffer>();

  constructor(d: bigint) {
    this.publicKey = sm2PublicKeyOf(d);
    this.#d = d;
    this.#dInv = invMod(1n + d, N);
  }

  static generate(): Sm2Signer {
    return new Sm2Signer(randomScalar());
  }

  static fromBytes(b: Uint8Array): Sm2Signer {
    if (b.length !== 32) throw new Error('an SM2 private key is 32 bytes');
    return new Sm2Signer(big(b));
  }

  /** The scalar as 32 bytes, for sealing under the master key; callers must not keep or print it. */
  exportPrivate(): Buffer {
    return bytes32(this.#d);
  }

  get publicKeyHex() {
    return publicKeyHex(this.publicKey);
  }

  private z(id: string): Buffer {
    let z = this.#z.get(id);
    if (!z) this.#z.set(id, (z = sm2Z(this.publicKey, id)));
    return z;
  }

  /**
   * GB/T 32918.2 §6.1: e = SM3(Z ‖ M); (x1, y1) = kG; r = (e + x1) mod n; s = (1 + d)⁻¹(k − rd) mod n.
   * Returns r ‖ s (64 bytes). `k` is for the standard's test vector only.
   */
  sign(message: string | Uint8Array, id: string, k?: bigint): Buffer {
    const e = big(sm3(this.z(id), toBytes(message)));
    for (;;) {
      const kk = k ?? randomScalar();
      const x1 = mulBase(kk)!.x;
      const r = (e + x1) % N;
      if (r === 0n || r + kk === N) {
        if (k !== undefined) throw new Error('the given k yields r = 0');
        continue;
      }
      const s = (this.#dInv * (((kk - r * this.#d) % N) + N)) % N;
      if (s === 0n) {
        if (k !== undefined) throw new Error('the given k yields s = 0');
        continue;
      }
      return Buffer.concat([bytes32(r), bytes32(s)]);
    }
  }

  toJSON() {
    return { algorithm: 'sm2', publicKey: this.publicKeyHex };
  }
  toString() {
    return `Sm2Signer(${this.publicKeyHex})`;
  }
  [inspect.custom]() {
    return this.toString();
  }
}

/** GB/T 32918.2 §7.1 with OpenSSL's SM3; the signer ID is always given on the server. */
export const sm2Verify = (
  q: Sm2PublicKey,
  message: string | Uint8Array,
  signature: Uint8Array | string,
  id: string,
): boolean => verifyWith(q, message, signature, id, sm3);
