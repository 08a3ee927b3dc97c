import { idCardCheckChar } from '@shuliu/contracts';
import { describe, expect, it } from 'vitest';
import {
  ageAt,
  decideConsent,
  DEFAULT_CONSENT_SETTINGS as S,
  grantFieldsProblem,
  isMaterialChange,
  isNewSubmission,
  needsGuardian,
  reviewFields,
} from './consent.rules.js';
import type { StoredField } from './consent.tables.js';

const field = (name: string, over: Partial<StoredField> = {}): StoredField => ({
  name,
  label: name,
  category: 'basic',
  required: true,
  justification: '业务必需的理由',
  sensitive: false,
  struck: false,
  strikeReason: null,
  ...over,
});
const at = new Date('2026-06-01T00:00:00Z');
const live = {
  grantId: 'cgr_1',
  revoked: false,
  versionCurrent: true,
  expiresAt: new Date('2026-07-01T00:00:00Z'),
  grantedFields: ['a', 'b'],
};

describe('consent rules', () => {
  it('reads the age from the ID card and needs a guardian under 14 (PIPL Art. 31)', () => {
    const first = '37010220120602123';
    const id = first + idCardCheckChar(first);
    expect(ageAt(id, at)).toEqual({ birthDate: '2012-06-02', age: 13 });
    expect(needsGuardian(13, S)).toBe(true);
    expect(ageAt(id, new Date('2026-06-02T00:00:00Z')).age).toBe(14);
    expect(needsGuardian(14, S)).toBe(false);
  });

  it('counts the birthday by the date in China: it begins at 16:00 UTC the day before', () => {
    const first = '37010220120602123';
    const id = first + idCardCheckChar(first);
    expect(ageAt(id, new Date('2026-06-01T15:59:59Z')).age).toBe(13);
    expect(ageAt(id, new Date('2026-06-01T16:00:00Z')).age).toBe(14);
    expect(ageAt(id, new Date('2026-06-02T15:59:59Z')).age).toBe(14);
  });

  it('strikes unjustified and unapproved biometric fields, keeps the rest', () => {
    const out = reviewFields(
      [field('a'), field('b', { justification: '' }), field('face', { category: 'biometric' }), field('c')],
      [{ field: 'c', reason: '与目的无关' }],
      false,
      S,
    );
    expect(out.map((f) => f.struck)).toEqual([false, true, true, true]);
    expect(reviewFields([field('face', { category: 'biometric' })], [], true, S)[0]!.struck).toBe(false);
  });

  it('needs every required field, refuses struck ones, lets optional ones be refused', () => {
    const fs = [field('a'), field('b', { required: false }), field('x', { struck: true })];
    expect(grantFieldsProblem(fs, ['a'])).toBeNull();
    expect(grantFieldsProblem(fs, ['b'])).toContain('required');
    expect(grantFieldsProblem(fs, ['a', 'x'])).toContain('not fields');
  });

  it('treats what the person is told as material (PIPL Art. 14, 17), not a justification', () => {
    const a = { name: 'a', label: '姓名', category: 'basic', required: true, justification: '识别身份' };
    const t = {
      purpose: 'p',
      legalBasis: 'b',
      processingMethod: 'm',
      recipient: 'r',
      retentionDays: 1,
      crossBorder: false,
      automatedDecision: false,
      fields: [a],
    };
    expect(isMaterialChange(t, { ...t })).toBe(false);
    expect(isMaterialChange(t, { ...t, purpose: 'q' })).toBe(true);
    expect(isMaterialChange(t, { ...t, legalBasis: 'c' })).toBe(true);
    expect(isMaterialChange(t, { ...t, fields: [{ ...a, category: 'health' }] })).toBe(true);
    expect(isMaterialChange(t, { ...t, fields: [{ ...a, label: '真实姓名' }] })).toBe(true);
    const justified = { ...t, fields: [{ ...a, justification: '识别借款人身份' }] };
    expect(isMaterialChange(t, justified)).toBe(false);
    expect(isNewSubmission(t, justified)).toBe(true);
    expect(isNewSubmission(t, { ...t })).toBe(false);
  });

  it('a field the review struck is no change whether left out or sent back as it was; reworded it is', () => {
    const kept = field('name');
    const hobby = field('hobby', {
      required: false,
      justification: '',
      struck: true,
      strikeReason: '未说明',
    });
    const t = {
      purpose: 'p',
      legalBasis: 'b',
      processingMethod: 'm',
      recipient: 'r',
      retentionDays: 30,
      crossBorder: false,
      automatedDecision: false,
      fields: [kept, hobby],
    };
    expect(isMaterialChange(t, { ...t, fields: [kept] })).toBe(false);
    expect(isMaterialChange(t, { ...t, fields: [kept, { ...hobby, struck: false }] })).toBe(false);
    expect(
      isMaterialChange(t, { ...t, fields: [kept, { ...hobby, justification: '推荐还款提醒方式' }] }),
    ).toBe(true);
    expect(isMaterialChange(t, { ...t, fields: [] })).toBe(true);
  });

  it('decides in order: no grant, revoked, superseded, expired, field outside the grant', () => {
    expect(decideConsent({ ...live, grantId: null }, ['a'], at).reason).toBe('no_grant');
    expect(decideConsent({ ...live, revoked: true }, ['a'], at).reason).toBe('revoked');
    expect(decideConsent({ ...live, versionCurrent: false }, ['a'], at).reason).toBe('version_superseded');
    expect(decideConsent(live, ['a'], new Date('2026-07-01T00:00:00Z')).reason).toBe('expired');
    expect(decideConsent(live, ['a', 'c'], at)).toEqual({
      allow: false,
      reason: 'field_not_granted',
      missingFields: ['c'],
    });
    expect(decideConsent(live, ['a', 'b'], at)).toEqual({
      allow: true,
      reason: 'granted',
      missingFields: [],
    });
  });
});
