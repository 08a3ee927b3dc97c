import { idCardCheckChar } from '@shuliu/contracts';
import { describe, expect, it } from 'vitest';
import {
  hashToPoint,
  normalizePsiValue,
  PsiFormatError,
  psiFinish,
  PsiKey,
  psiRequest,
  psiRespond,
  psiSet,
} from './psi.js';

const idCard = (body17: string) => body17 + idCardCheckChar(body17);
const left = new PsiKey(Buffer.alloc(32, 1), 'cjb_test');
const right = new PsiKey(Buffer.alloc(32, 2), 'cjb_test');

describe('normalization', () => {
  it('agrees on identifiers written differently and drops what is none', () => {
    const id = idCard('11010519491231002');
    expect(normalizePsiValue('id_card', ` ${id.toLowerCase()} `)).toBe(id.toUpperCase());
    expect(normalizePsiValue('id_card', id.slice(0, 17) + (id.endsWith('1') ? '2' : '1'))).toBeNull();
    expect(normalizePsiValue('phone', '+86 138-0013-8000')).toBe('13800138000');
    expect(normalizePsiValue('phone', '8613800138000')).toBe('13800138000');
    expect(normalizePsiValue('phone', '12345')).toBeNull();
    expect(normalizePsiValue('email', ' Li.Lei@Example.CN ')).toBe('li.lei@example.cn');
    expect(normalizePsiValue('uscc', '91350100m000100y43')).toBe('91350100M000100Y43');
    expect(normalizePsiValue('text', '  ')).toBeNull();
    expect(normalizePsiValue('text', null)).toBeNull();
  });

  it('counts what it dropped and keeps each value once', () => {
    expect(psiSet(['13800138000', '+8613800138000', 'x', null], 'phone')).toEqual({
      values: ['13800138000'],
      invalid: 2,
    });
  });
});

describe('the protocol', () => {
  it('raising is commutative, and different keys give different points', () => {
    const p = hashToPoint('a');
    expect(left.raise(right.raise(p)).equals(right.raise(left.raise(p)))).toBe(true);
    expect(left.raise(p).equals(right.raise(p))).toBe(false);
    expect(new PsiKey(Buffer.alloc(32, 1), 'cjb_other').blind('a').equals(left.blind('a'))).toBe(false);
  });

  const L = Array.from({ length: 300 }, (_, i) => `p${i}`);
  const R = Array.from({ length: 500 }, (_, i) => `p${i * 2}`); // the even ones: 150 of L's

  it('L learns which of its own values R holds', async () => {
    const { ordered, request } = await psiRequest(L, left);
    const response = await psiRespond(request, R, right, false);
    const r = await psiFinish(response, ordered, left, false);
    expect(r).toMatchObject({ left: 300, right: 500, intersection: 150 });
    expect(r.matched).toEqual(L.filter((_, i) => i % 2 === 0).sort());
  });

  it('a shuffled response tells only the size', async () => {
    const { ordered, request } = await psiRequest(L, left);
    const r = await psiFinish(await psiRespond(request, R, right, true), ordered, left, true);
    expect(r).toEqual({ left: 300, right: 500, intersection: 150, matched: null });
  });

  it('the request hides the values and their order', async () => {
    const { ordered, request } = await psiRequest(L, left);
    expect(ordered).not.toEqual(L);
    expect(request.includes(Buffer.from('p1'))).toBe(false);
    expect(request.includes(hashToPoint('p1'))).toBe(false);
  });

  it('a cut or foreign message is refused', async () => {
    const { ordered, request } = await psiRequest(L, left);
    await expect(psiRespond(request.subarray(0, request.length - 1), R, right, false)).rejects.toThrow(
      PsiFormatError,
    );
    await expect(psiRespond(Buffer.from('nope'), R, right, false)).rejects.toThrow(PsiFormatError);
    const response = await psiRespond(request, R, right, false);
    await expect(psiFinish(response, ordered.slice(1), left, false)).rejects.toThrow(PsiFormatError);
  });

  it('spread over worker threads, gives the same points in the same order as one thread', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => `v${i}`);
    const one = new PsiKey(Buffer.alloc(32, 3), 'cjb_threads', 1);
    const two = new PsiKey(Buffer.alloc(32, 3), 'cjb_threads', 2);
    const a = await one.blindAll(many);
    expect((await two.blindAll(many)).equals(a)).toBe(true);
    expect((await two.raiseAll(a)).equals(await one.raiseAll(a))).toBe(true);
    expect(a.subarray(32 * 4321, 32 * 4322).equals(one.blind('v4321'))).toBe(true);
  });
});
