import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { EnvelopeTampered } from './crypto.errors.js';
import { hmacSm3 } from './sm3.js';

/**
 * Streaming authenticated encryption for files (SM4-CTR + HMAC-SM3, encrypt-then-MAC, like `sm4e1` but in
 * chunks so that neither side holds a file in memory and nothing unverified is ever released).
 *
 * Format `sm4s1`: 16-byte nonce, then units of (ciphertext of up to CHUNK bytes ‖ 32-byte tag). The tag of
 * unit i is HMAC-SM3(mac, "sm4s1" ‖ aad-length ‖ aad ‖ i as 8 bytes ‖ final flag ‖ ciphertext): reordering,
 * truncation (the last unit carries final = 1, and there always is one) and moving a blob to another object
 * (the aad names it) are all detected.
 */
export const STREAM_VERSION = 'sm4s1';
const CHUNK = 64 * 1024;
const TAG = 32;

function subkeys(material: Uint8Array) {
  if (material.length !== 32) throw new Error('an SM4 data key is 32 bytes');
  return {
    enc: hmacSm3(material, 'shuliu/sm4s1/sm4-ctr').subarray(0, 16),
    mac: hmacSm3(material, 'shuliu/sm4s1/hmac-sm3'),
  };
}

function unitTag(mac: Uint8Array, aad: Buffer, index: number, final: boolean, ciphertext: Buffer) {
  const head = Buffer.alloc(4 + aad.length + 9);
  head.writeUInt32BE(aad.length, 0);
  aad.copy(head, 4);
  head.writeBigUInt64BE(BigInt(index), 4 + aad.length);
  head[head.length - 1] = final ? 1 : 0;
  return hmacSm3(mac, STREAM_VERSION, head, ciphertext);
}

/** Encrypts a byte stream under a 32-byte key; `aad` binds the output to its object (e.g. the blob key). */
export function sealStream(material: Uint8Array, aad: string): Transform {
  const { enc, mac } = subkeys(material);
  const nonce = randomBytes(16);
  const cipher = createCipheriv('sm4-ctr', enc, nonce);
  const ad = Buffer.from(aad, 'utf8');
  let pending: Buffer[] = [];
  let size = 0;
  let index = 0;
  const emit = (t: Transform, plain: Buffer, final: boolean) => {
    const ct = cipher.update(plain);
    t.push(ct);
    t.push(unitTag(mac, ad, index++, final, ct));
  };
  return new Transform({
    construct(cb) {
      this.push(nonce);
      cb();
    },
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      pending.push(chunk);
      size += chunk.length;
      if (size > CHUNK) {
        let all = Buffer.concat(pending);
        while (all.length > CHUNK) {
          emit(this, all.subarray(0, CHUNK), false);
          all = all.subarray(CHUNK);
        }
        pending = [all];
        size = all.length;
      }
      cb();
    },
    flush(cb) {
      emit(this, Buffer.concat(pending), true);
      cb();
    },
  });
}

/** Decrypts an `sm4s1` stream, releasing each unit only after its tag checks out. */
export function openStream(material: Uint8Array, aad: string): Transform {
  const { enc, mac } = subkeys(material);
  const ad = Buffer.from(aad, 'utf8');
  let decipher: ReturnType<typeof createDecipheriv> | null = null;
  let buf: Buffer = Buffer.alloc(0);
  let index = 0;
  const unit = CHUNK + TAG;
  const release = (t: Transform, u: Buffer, final: boolean) => {
    const ct = u.subarray(0, u.length - TAG);
    const tag = u.subarray(u.length - TAG);
    if (!timingSafeEqual(unitTag(mac, ad, index++, final, ct), tag))
      throw EnvelopeTampered('the encrypted file was altered, truncated or belongs to another object');
    t.push(decipher!.update(ct));
  };
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      try {
        if (!decipher) {
          if (buf.length < 16) return cb();
          decipher = createDecipheriv('sm4-ctr', enc, buf.subarray(0, 16));
          buf = buf.subarray(16);
        }
        // the last unit is only known at the end: keep at least one whole unit back
        while (buf.length > unit) {
          release(this, buf.subarray(0, unit), false);
          buf = buf.subarray(unit);
        }
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
    flush(cb) {
      try {
        if (!decipher || buf.length < TAG) throw EnvelopeTampered('the encrypted file is truncated');
        release(this, buf, true);
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
  });
}
