import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, parseEnvelope, seal } from './sm4.js';

const key = { id: 'key_test', material: randomBytes(32) };

describe('SM4-CTR + HMAC-SM3 envelopes', () => {
  it('round-trips, with a fresh nonce each time, and names its version and key', () => {
    const a = seal(key, '数据要素 plaintext', 'row-1');
    const b = seal(key, '数据要素 plaintext', 'row-1');
    expect(a).not.toBe(b);
    expect(a.split('.').slice(0, 2)).toEqual(['sm4e1', 'key_test']);
    expect(open(key, a, 'row-1').toString()).toBe('数据要素 plaintext');
    expect(open(key, seal(key, Buffer.alloc(0))).length).toBe(0);
  });

  it('does not carry the plaintext and its ciphertext has the plaintext length', () => {
    const e = seal(key, 'secret-value-0123456789');
    expect(e).not.toContain(Buffer.from('secret-value-0123456789').toString('base64url'));
    expect(parseEnvelope(e).ciphertext.length).toBe(23);
  });

  it('refuses an altered nonce, ciphertext or tag, other associated data, or another key', () => {
    const e = seal(key, 'payload', 'row-1');
    const parts = e.split('.');
    const flip = (i: number) => {
      const p = [...parts];
      const b = Buffer.from(p[i]!, 'base64url');
      b[0]! ^= 1;
      p[i] = b.toString('base64url');
      return p.join('.');
    };
    for (const i of [2, 3, 4]) expect(() => open(key, flip(i), 'row-1')).toThrow(/integrity/);
    expect(() => open(key, e, 'row-2')).toThrow(/integrity/);
    expect(() => open({ id: 'key_test', material: randomBytes(32) }, e, 'row-1')).toThrow(/integrity/);
    expect(() => open({ id: 'key_other', material: key.material }, e, 'row-1')).toThrow(/key_test/);
    expect(() => open(key, e.replace('sm4e1', 'sm4e9'), 'row-1')).toThrow(/well-formed/);
    expect(() => open(key, `${e}.x`, 'row-1')).toThrow(/well-formed/);
  });
});
