import { generateKeyPairSync } from 'node:crypto';
import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import { jcs } from './jcs.js';
import { isBoundedJson, isOrgPublicKey, parseOrgPublicKey, verifyOrgSignature } from './org-signature.js';
import { parseSm2PublicKey } from './sm2-verify.js';

const { sm2 } = smCrypto;
const ID = '1234567812345678';
const DOC = {
  contract: 'SD-HT-2026-000007',
  parties: ['org_a', 'org_b'],
  priceFen: 990_000,
  附注: '按月交付',
};

/** Signed by a third party's SM2 implementation (sm-crypto), as an org signing offline would. */
function signElsewhere(payload: unknown) {
  const kp = sm2.generateKeyPairHex();
  const signature = sm2.doSignature(jcs(payload), kp.privateKey, {
    hash: true,
    publicKey: kp.publicKey,
    userId: ID,
  });
  return { publicKey: kp.publicKey, signature };
}

describe('org signatures, checked offline', () => {
  it('round trip: a signature over the RFC 8785 form verifies, whatever the key order', () => {
    const { publicKey, signature } = signElsewhere(DOC);
    const reordered = {
      附注: DOC.附注,
      priceFen: DOC.priceFen,
      parties: DOC.parties,
      contract: DOC.contract,
    };
    expect(verifyOrgSignature(reordered, signature, publicKey)).toBe(true);
    expect(verifyOrgSignature(DOC, signature.toUpperCase(), publicKey)).toBe(true);
  });

  it('rejects a tampered payload, another key, and malformed input', () => {
    const { publicKey, signature } = signElsewhere(DOC);
    expect(verifyOrgSignature({ ...DOC, priceFen: 990_001 }, signature, publicKey)).toBe(false);
    expect(verifyOrgSignature({ ...DOC, parties: ['org_a'] }, signature, publicKey)).toBe(false);
    expect(verifyOrgSignature(DOC, signature, signElsewhere(DOC).publicKey)).toBe(false);
    expect(verifyOrgSignature(DOC, signature.slice(2), publicKey)).toBe(false);
    expect(verifyOrgSignature(DOC, signature, '04abcd')).toBe(false);
    expect(verifyOrgSignature({ n: 1n }, signature, publicKey)).toBe(false);
  });

  it('reads a public key as PEM SubjectPublicKeyInfo (as OpenSSL and Node write it) or as hex', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const point = publicKey.export({ type: 'spki', format: 'der' }).subarray(-65);
    expect(parseOrgPublicKey(pem)).toEqual(parseSm2PublicKey(point));
    expect(parseOrgPublicKey(`  ${Buffer.from(point).toString('hex')}\n`)).toEqual(parseSm2PublicKey(point));
    // a P-256 key is not an SM2 key, and a point off the curve is no key at all
    const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
    expect(isOrgPublicKey(p256.export({ type: 'spki', format: 'pem' }).toString())).toBe(false);
    expect(isOrgPublicKey(`04${'11'.repeat(64)}`)).toBe(false);
    expect(isOrgPublicKey('-----BEGIN PUBLIC KEY-----\n!!\n-----END PUBLIC KEY-----')).toBe(false);
  });

  it('bounds the documents a caller may send for checking', () => {
    expect(isBoundedJson(DOC)).toBe(true);
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(isBoundedJson(deep)).toBe(false);
    expect(isBoundedJson({ x: Number.NaN })).toBe(false);
    expect(isBoundedJson(Array.from({ length: 30_000 }, () => 0))).toBe(false);
  });
});
