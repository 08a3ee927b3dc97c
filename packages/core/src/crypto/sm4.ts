import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { EnvelopeInvalid, EnvelopeTampered } from './crypto.errors.js';
import { hmacSm3 } from './sm3.js';

/**
 * Authenticated encryption with SM4 (GB/T 32907-2016): OpenSSL has no SM4-GCM, so encrypt-then-MAC with
 * SM4-CTR and HMAC-SM3 under two keys derived from one 32-byte data key.
 *
 * Envelope, version 1 (text, dot-separated, base64url parts):
 *   sm4e1.<keyId>.<nonce: 16 bytes>.<ciphertext>.<tag: HMAC-SM3, 32 bytes>
 * The tag covers the version, the key id, the caller's associated data (e.g. the row the value belongs to,
 * so a sealed value cannot be moved to another row), the nonce and the ciphertext.
 */
export const ENVELOPE_VERSION = 'sm4e1';
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface DataKey {
  id: string;
  /** 32 bytes of key material. */
  material: Uint8Array;
}

function subkeys(material: Uint8Array) {
  if (material.length !== 32) throw new Error('an SM4 data key is 32 bytes');
  return {
    enc: hmacSm3(material, 'shuliu/sm4e1/sm4-ctr').subarray(0, 16),
    mac: hmacSm3(material, 'shuliu/sm4e1/hmac-sm3'),
  };
}

const bytes = (v: string | Uint8Array) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v));

function tagOf(mac: Uint8Array, keyId: string, aad: Buffer, nonce: Buffer, ciphertext: Buffer) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(aad.length);
  return hmacSm3(mac, `${ENVELOPE_VERSION}\0${keyId}\0`, len, aad, nonce, ciphertext);
}

export function seal(key: DataKey, plaintext: string | Uint8Array, aad: string | Uint8Array = ''): string {
  if (!KEY_ID.test(key.id)) throw new Error(`bad key id ${key.id}`);
  const { enc, mac } = subkeys(key.material);
  const nonce = randomBytes(16);
  const cipher = createCipheriv('sm4-ctr', enc, nonce);
  const ciphertext = Buffer.concat([cipher.update(bytes(plaintext)), cipher.final()]);
  const tag = tagOf(mac, key.id, bytes(aad), nonce, ciphertext);
  return [ENVELOPE_VERSION, key.id, nonce, ciphertext, tag]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export interface ParsedEnvelope {
  keyId: string;
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export function parseEnvelope(envelope: string): ParsedEnvelope {
  const parts = envelope.split('.');
  const b64 = /^[A-Za-z0-9_-]*$/;
  if (parts.length !== 5 || parts[0] !== ENVELOPE_VERSION || !KEY_ID.test(parts[1]!)) throw EnvelopeInvalid();
  if (!parts.slice(2).every((p) => b64.test(p))) throw EnvelopeInvalid();
  const [, keyId, nonce, ciphertext, tag] = parts as [string, string, string, string, string];
  const out = {
    keyId,
    nonce: Buffer.from(nonce, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
  };
  if (out.nonce.length !== 16 || out.tag.length !== 32) throw EnvelopeInvalid();
  return out;
}

/** Checks the tag first (in constant time) and decrypts only an authentic envelope. */
export function open(key: DataKey, envelope: string, aad: string | Uint8Array = ''): Buffer {
  const e = parseEnvelope(envelope);
  if (e.keyId !== key.id) throw EnvelopeInvalid(`the envelope was sealed with key ${e.keyId}, not ${key.id}`);
  const { enc, mac } = subkeys(key.material);
  const want = tagOf(mac, e.keyId, bytes(aad), e.nonce, e.ciphertext);
  if (!timingSafeEqual(want, e.tag)) throw EnvelopeTampered();
  const decipher = createDecipheriv('sm4-ctr', enc, e.nonce);
  return Buffer.concat([decipher.update(e.ciphertext), decipher.final()]);
}

/** One raw SM4 block encryption (ECB, no padding): for the standard's test vectors only. */
export function sm4EncryptBlocks(key: Uint8Array, block: Uint8Array, iterations = 1): Buffer {
  const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
  let out = Buffer.from(block);
  for (let i = 0; i < iterations; i++) out = cipher.update(out);
  return out;
}
