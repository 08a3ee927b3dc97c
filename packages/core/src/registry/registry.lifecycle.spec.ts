import { describe, expect, it } from 'vitest';
import {
  certificateBlock,
  certificateStatus,
  type CertificateAction,
  type CertificateFacts,
} from './registry.lifecycle.js';

const now = new Date('2027-03-01T00:00:00Z');
const DAY = 86_400_000;
const ACTIONS: CertificateAction[] = [
  'license',
  'transfer',
  'change',
  'cancel',
  'objection',
  'renew',
  'pledge',
  'release',
  'freeze',
  'unfreeze',
  'resolve_dispute',
];
const valid: CertificateFacts = {
  state: 'valid',
  validUntil: new Date(now.getTime() + 60 * DAY),
  pledged: false,
  frozen: false,
  disputed: false,
};
const blockOf = (f: Partial<CertificateFacts>, a: CertificateAction) =>
  certificateBlock({ ...valid, ...f }, a, now, 90)?.block ?? null;
const table = (f: Partial<CertificateFacts>) => Object.fromEntries(ACTIONS.map((a) => [a, blockOf(f, a)]));

describe('the certificate lifecycle (issue 5: each transition legal or a 409 naming its rule)', () => {
  it('a valid certificate takes every dealing; release, unfreeze and dispute decisions need their state', () => {
    expect(table({})).toEqual({
      license: null,
      transfer: null,
      change: null,
      cancel: null,
      objection: null,
      renew: null, // 60 days left: inside the 90-day renewal window
      pledge: null,
      release: 'not_pledged',
      freeze: null,
      unfreeze: 'not_frozen',
      resolve_dispute: 'not_disputed',
    });
  });

  it('freeze blocks everything but unfreezing', () => {
    for (const base of [
      {},
      { pledged: true },
      { disputed: true },
      { validUntil: new Date(now.getTime() - DAY) },
    ])
      expect(table({ ...base, frozen: true })).toEqual({
        ...Object.fromEntries(ACTIONS.map((a) => [a, 'frozen'])),
        unfreeze: null,
      });
  });

  it('a pledge blocks transfer, cancellation and a second pledge until released', () => {
    expect(table({ pledged: true })).toEqual({
      ...table({}),
      transfer: 'pledged',
      cancel: 'pledged',
      pledge: 'pledged',
      release: null,
    });
  });

  it('an objection registration blocks dealings in the right until decided', () => {
    expect(table({ disputed: true })).toEqual({
      ...table({}),
      transfer: 'disputed',
      license: 'disputed',
      pledge: 'disputed',
      change: 'disputed',
      renew: 'disputed',
      objection: 'disputed',
      resolve_dispute: null,
    });
  });

  it('a cancelled certificate takes nothing; an expired one renewal and a freeze', () => {
    expect(
      Object.values(table({ state: 'cancelled' })).every((b) => b === 'cancelled' || b === 'not_frozen'),
    ).toBe(true);
    const expired = table({ validUntil: new Date(now.getTime() - DAY) });
    expect(expired).toEqual({
      ...Object.fromEntries(ACTIONS.map((a) => [a, 'expired'])),
      renew: null,
      freeze: null,
      unfreeze: 'not_frozen',
    });
    expect(table({ state: 'expired' }).renew).toBeNull();
  });

  it('renewal opens within the window before expiry', () => {
    expect(blockOf({ validUntil: new Date(now.getTime() + 400 * DAY) }, 'renew')).toBe('renewal_too_early');
  });

  it('shows one status, most telling first', () => {
    const s = (f: Partial<CertificateFacts>, licensed = false) =>
      certificateStatus({ ...valid, ...f }, now, licensed);
    expect(s({})).toBe('valid');
    expect(s({}, true)).toBe('licensed');
    expect(s({ disputed: true }, true)).toBe('disputed');
    expect(s({ pledged: true, disputed: true })).toBe('pledged');
    expect(s({ pledged: true, validUntil: new Date(now.getTime() - 1) })).toBe('expired');
    expect(s({ frozen: true, validUntil: new Date(now.getTime() - 1) })).toBe('frozen');
    expect(s({ frozen: true, state: 'cancelled' })).toBe('cancelled');
  });
});
