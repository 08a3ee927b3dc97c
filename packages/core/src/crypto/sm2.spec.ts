import { spawnSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { inspect } from 'node:util';
import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SM2_ID,
  Sm2Signer,
  parsePublicKey,
  parsePublicKeyPem,
  publicKeyPem,
  sm2PublicKeyOf,
  sm2Verify,
} from './sm2.js';
import { sm2Curve, sm2Verify as browserVerify } from '@shuliu/contracts';

const { sm2 } = smCrypto;
const { N } = sm2Curve;
const ID = DEFAULT_SM2_ID;

describe('SM2 interoperability with the sm-crypto package', () => {
  it('verifies signatures made by sm-crypto', () => {
    for (let i = 0; i < 10; i++) {
      const kp = sm2.generateKeyPairHex();
      const msg = `合同 ${i}: ${'x'.repeat(i * 37)}`;
      const sig = sm2.doSignature(msg, kp.privateKey, { hash: true, publicKey: kp.publicKey, userId: ID });
      expect(sm2Verify(parsePublicKey(kp.publicKey), msg, sig, ID)).toBe(true);
      expect(sm2Verify(parsePublicKey(kp.publicKey), `${msg}!`, sig, ID)).toBe(false);
    }
  });

  it('makes signatures that sm-crypto verifies', () => {
    for (let i = 0; i < 10; i++) {
      const signer = Sm2Signer.generate();
      const msg = `证书 ${i}: ${'y'.repeat(i * 41)}`;
      const sig = signer.sign(msg, ID).toString('hex');
      expect(sm2.doVerifySignature(msg, sig, signer.publicKeyHex, { hash: true, userId: ID })).toBe(true);
      expect(sm2.doVerifySignature(`${msg}!`, sig, signer.publicKeyHex, { hash: true, userId: ID })).toBe(
        false,
      );
    }
  });

  it('agrees on the public key of a private key, also with a signer ID other than the default', () => {
    const kp = sm2.generateKeyPairHex();
    const signer = new Sm2Signer(BigInt(`0x${kp.privateKey}`));
    expect(signer.publicKeyHex).toBe(kp.publicKey);
    const sig = signer.sign('abc', 'ALICE123@YAHOO.COM').toString('hex');
    expect(
      sm2.doVerifySignature('abc', sig, kp.publicKey, { hash: true, userId: 'ALICE123@YAHOO.COM' }),
    ).toBe(true);
    expect(sm2.doVerifySignature('abc', sig, kp.publicKey, { hash: true, userId: ID })).toBe(false);
  });

  it('reads compressed public keys', () => {
    const kp = sm2.generateKeyPairHex();
    const y = BigInt(`0x${kp.publicKey.slice(66)}`);
    const compressed = `${y & 1n ? '03' : '02'}${kp.publicKey.slice(2, 66)}`;
    expect(parsePublicKey(compressed)).toEqual(parsePublicKey(kp.publicKey));
  });
});

describe('SM2 keys and signatures', () => {
  it('exports public keys as SPKI PEM that OpenSSL reads as an SM2 key, and reads them back', () => {
    const signer = Sm2Signer.generate();
    const pem = publicKeyPem(signer.publicKey);
    const key = createPublicKey(pem);
    expect(key.type).toBe('public');
    const openssl = spawnSync('openssl', ['pkey', '-pubin', '-text', '-noout'], {
      input: pem,
      encoding: 'utf8',
    });
    if (!openssl.error) expect(openssl.stdout).toMatch(/ASN1 OID: SM2/);
    expect(key.export({ format: 'der', type: 'spki' }).toString('base64')).toBe(
      pem.replace(/-----[A-Z ]+-----|\s/g, ''),
    );
    expect(parsePublicKeyPem(pem)).toEqual(signer.publicKey);
  });

  it('rejects points off the curve and malformed keys', () => {
    const q = Sm2Signer.generate().publicKey;
    expect(() =>
      parsePublicKey(`04${q.x.toString(16).padStart(64, '0')}${(q.y ^ 1n).toString(16).padStart(64, '0')}`),
    ).toThrow();
    expect(() => parsePublicKey('04abcd')).toThrow();
    expect(() => parsePublicKey('zz')).toThrow();
    expect(() => sm2PublicKeyOf(0n)).toThrow();
    expect(() => sm2PublicKeyOf(N - 1n)).toThrow();
  });

  it('makes signatures that the browser verifier (plain-TS SM3, default ID) accepts', () => {
    for (let i = 0; i < 5; i++) {
      const signer = Sm2Signer.generate();
      const body = `shuliu.test/ledger\n${i + 1}\n${Buffer.alloc(32, i).toString('base64')}\n`;
      const sig = signer.sign(body, ID).toString('hex');
      expect(browserVerify(signer.publicKeyHex, body, sig)).toBe(true);
      expect(browserVerify(signer.publicKeyHex, `${body} `, sig)).toBe(false);
    }
  });

  it('rejects signatures with r or s out of range, of the wrong length, or for another key', () => {
    const signer = Sm2Signer.generate();
    const sig = signer.sign('m', ID);
    const zero = Buffer.concat([Buffer.alloc(32), sig.subarray(32)]);
    const big = Buffer.concat([Buffer.from(N.toString(16), 'hex'), sig.subarray(32)]);
    expect(sm2Verify(signer.publicKey, 'm', sig, ID)).toBe(true);
    expect(sm2Verify(signer.publicKey, 'm', zero, ID)).toBe(false);
    expect(sm2Verify(signer.publicKey, 'm', big, ID)).toBe(false);
    expect(sm2Verify(signer.publicKey, 'm', sig.subarray(1), ID)).toBe(false);
    expect(sm2Verify(Sm2Signer.generate().publicKey, 'm', sig, ID)).toBe(false);
  });

  it('never shows the private key: JSON, inspect and string forms carry only the public key', () => {
    const signer = Sm2Signer.generate();
    const d = signer.exportPrivate().toString('hex');
    for (const shown of [
      JSON.stringify(signer),
      inspect(signer, { showHidden: true, depth: 5 }),
      `${signer}`,
    ]) {
      expect(shown).not.toContain(d);
      expect(shown).toContain(signer.publicKeyHex);
    }
    expect(Object.keys(signer)).toEqual(['publicKey']);
  });
});
