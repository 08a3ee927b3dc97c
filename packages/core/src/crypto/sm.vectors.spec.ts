import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sm3Digest } from '@shuliu/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SM2_ID, Sm2Signer, parsePublicKey, sm2Verify } from './sm2.js';
import { hmacSm3, sm3, sm3Hex } from './sm3.js';
import { sm4EncryptBlocks } from './sm4.js';

/** The standards' vectors, kept in the repository's testdata/ (see its README). */
const vectors = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../../testdata/sm/vectors.json'), 'utf8'),
) as {
  sm3: { message_utf8: string; digest_hex: string }[];
  sm4_ecb_single_block: {
    key_hex: string;
    plaintext_hex: string;
    ciphertext_hex: string;
    iterations?: number;
  }[];
  sm2_sign_recommended_curve: Record<string, string>;
};
const hex = (s: string) => Buffer.from(s, 'hex');

describe('SM3 (GB/T 32905-2016)', () => {
  it.each(vectors.sm3)('hashes "$message_utf8" to the standard digest', ({ message_utf8, digest_hex }) => {
    expect(sm3Hex(message_utf8)).toBe(digest_hex);
    expect(Buffer.from(sm3Digest(message_utf8)).toString('hex')).toBe(digest_hex);
  });

  it('the plain-TypeScript SM3 (browser) equals OpenSSL on every length around the block boundaries', () => {
    for (let n = 0; n < 300; n++) {
      const data = Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff));
      expect(Buffer.from(sm3Digest(data)).toString('hex'), `length ${n}`).toBe(sm3Hex(data));
    }
  });

  it('HMAC-SM3 is the RFC 2104 construction over SM3 (checked against a hand-built HMAC)', () => {
    for (const key of [Buffer.alloc(0), Buffer.alloc(20, 0x0b), Buffer.alloc(131, 0xaa)]) {
      const k = key.length > 64 ? sm3(key) : key;
      const block = Buffer.concat([k, Buffer.alloc(64 - k.length)]);
      const ipad = block.map((b) => b ^ 0x36);
      const opad = block.map((b) => b ^ 0x5c);
      const manual = sm3(opad, sm3(ipad, 'what do ya want for nothing?'));
      expect(hmacSm3(key, 'what do ya want for nothing?').toString('hex')).toBe(manual.toString('hex'));
      expect(createHmac('sm3', key).update('what do ya want for nothing?').digest('hex')).toBe(
        manual.toString('hex'),
      );
    }
  });
});

describe('SM4 (GB/T 32907-2016)', () => {
  it.each(vectors.sm4_ecb_single_block)(
    'encrypts the standard block $iterations time(s)',
    ({ key_hex, plaintext_hex, ciphertext_hex, iterations }) => {
      expect(sm4EncryptBlocks(hex(key_hex), hex(plaintext_hex), iterations ?? 1).toString('hex')).toBe(
        ciphertext_hex,
      );
    },
  );
});

describe('SM2 signature (GB/T 32918.2, Annex A example on the recommended curve)', () => {
  const v = vectors.sm2_sign_recommended_curve;
  const signer = new Sm2Signer(BigInt(`0x${v.private_key_hex}`));

  it('derives the example public key from the private key', () => {
    expect(signer.publicKeyHex).toBe(`04${v.public_key_x_hex}${v.public_key_y_hex}`.toLowerCase());
  });

  it('verifies the example signature', () => {
    const q = parsePublicKey(`04${v.public_key_x_hex}${v.public_key_y_hex}`);
    expect(sm2Verify(q, v.message_utf8!, `${v.r_hex}${v.s_hex}`, v.user_id_utf8!)).toBe(true);
    expect(sm2Verify(q, `${v.message_utf8}.`, `${v.r_hex}${v.s_hex}`, v.user_id_utf8!)).toBe(false);
    expect(sm2Verify(q, v.message_utf8!, `${v.r_hex}${v.s_hex}`, 'another-signer-id')).toBe(false);
  });

  it('reproduces the example signature with the given k', () => {
    const sig = signer.sign(v.message_utf8!, v.user_id_utf8!, BigInt(`0x${v.k_hex}`));
    expect(sig.toString('hex')).toBe(`${v.r_hex}${v.s_hex}`.toLowerCase());
    expect(v.user_id_utf8).toBe(DEFAULT_SM2_ID);
  });
});
