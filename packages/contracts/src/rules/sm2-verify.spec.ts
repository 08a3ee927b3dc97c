import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { N } from './sm2-curve.js';
import { DEFAULT_SM2_ID, parseSm2PublicKey, sm2Verify, sm2Z } from './sm2-verify.js';
import { toHex } from './merkle.js';

/** The standards' vectors, kept in the repository's testdata/ (see its README). */
const vectors = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../../testdata/sm/vectors.json'), 'utf8'),
) as { sm2_sign_recommended_curve: Record<string, string> };

const annex = vectors.sm2_sign_recommended_curve;
const annexKey = `04${annex.public_key_x_hex}${annex.public_key_y_hex}`;
const annexSig = `${annex.r_hex}${annex.s_hex}`;

/**
 * A checkpoint signed by the server's Sm2Signer (packages/core/src/crypto/sm2.ts) with a key of its own,
 * kept here because contracts may not import core; core's sm2.spec.ts checks live signatures both ways.
 */
const SIGNED_BY_CORE = {
  publicKey:
    '04f36e3d402eede1695d9ea931382a3935144f7fbb98139d3e13d3c8c0d47f398dfa2bd0b245df07f81d2b75dfb58e6a3f8ec8ca8fc710782ef098308d96a2b9b4',
  body: 'shuliu.example/ledger\n42\nZ3K/0i+TQWiXQqlBFP7Dnx3C7Y7n3gAqnEnB3yAiNZU=\n',
  signature:
    '34fb4f85a8d9757a82926485668c56b83a9d88ab5bdd50aacfbf560f3b6d82cfc63d391675b02e93680a7004d9e2994c262b7e22c24bd2d8631ed1d99f0cc485',
};

describe('SM2 verification in plain TypeScript (GB/T 32918.2)', () => {
  it('accepts the Annex A example signature, upper- or lower-case hex', () => {
    expect(annex.user_id_utf8).toBe(DEFAULT_SM2_ID);
    expect(sm2Verify(annexKey, annex.message_utf8!, annexSig)).toBe(true);
    expect(sm2Verify(annexKey.toLowerCase(), annex.message_utf8!, annexSig.toLowerCase())).toBe(true);
    const bytes = new TextEncoder().encode(annex.message_utf8!);
    expect(sm2Verify(parseSm2PublicKey(annexKey), bytes, annexSig, annex.user_id_utf8!)).toBe(true);
  });

  it('rejects the example signature over another message, under another signer ID or another key', () => {
    expect(sm2Verify(annexKey, `${annex.message_utf8}.`, annexSig)).toBe(false);
    expect(sm2Verify(annexKey, annex.message_utf8!, annexSig, 'another-signer-id')).toBe(false);
    expect(sm2Verify(SIGNED_BY_CORE.publicKey, annex.message_utf8!, annexSig)).toBe(false);
  });

  it('accepts a checkpoint signed by the server signer, and no altered copy of it', () => {
    const { publicKey, body, signature } = SIGNED_BY_CORE;
    expect(sm2Verify(publicKey, body, signature)).toBe(true);
    expect(sm2Verify(publicKey, body.replace('42', '43'), signature)).toBe(false);
    const flipped = `${signature.slice(0, 10)}${signature[10] === '0' ? '1' : '0'}${signature.slice(11)}`;
    expect(sm2Verify(publicKey, body, flipped)).toBe(false);
  });

  it('reads a compressed key as the same point', () => {
    const q = parseSm2PublicKey(annexKey);
    const compressed = `${q.y & 1n ? '03' : '02'}${annex.public_key_x_hex}`;
    expect(parseSm2PublicKey(compressed)).toEqual(q);
    expect(sm2Verify(compressed, annex.message_utf8!, annexSig)).toBe(true);
  });

  it('says no, without throwing, to malformed keys and signatures', () => {
    const m = annex.message_utf8!;
    const offCurve = `${annexKey.slice(0, -1)}${annexKey.endsWith('0') ? '1' : '0'}`;
    const nHex = N.toString(16);
    for (const [key, sig] of [
      ['04abcd', annexSig],
      ['zz', annexSig],
      [offCurve, annexSig],
      [annexKey, annexSig.slice(2)],
      [annexKey, 'not hex'],
      [annexKey, `${'0'.repeat(64)}${annex.s_hex}`],
      [annexKey, `${nHex}${annex.s_hex}`],
      [annexKey, `${annex.r_hex}${nHex}`],
    ] as const)
      expect(sm2Verify(key, m, sig), `${key.slice(0, 8)} ${sig.slice(0, 8)}`).toBe(false);
    expect(() => parseSm2PublicKey(offCurve)).toThrow('not an SM2 public key');
  });

  it('computes Z over a 16-byte ID as the standard defines its length prefix', () => {
    const q = parseSm2PublicKey(annexKey);
    const seen: Uint8Array[][] = [];
    sm2Z(q, DEFAULT_SM2_ID, (...parts) => (seen.push(parts), new Uint8Array(32)));
    expect(toHex(seen[0]![0]!)).toBe('0080');
    expect(seen[0]!.slice(2).map((p) => p.length)).toEqual([32, 32, 32, 32, 32, 32]);
  });
});
