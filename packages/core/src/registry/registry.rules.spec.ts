import { RegistrationStatus } from '@shuliu/contracts';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, shanghaiDay, workingDaysBetween } from './registry.calendar.js';
import {
  certificateValidUntil,
  certNoOf,
  coreDataRefusal,
  dataIpRefusal,
  isFinancialOrg,
  missingDeclarations,
  missingInstrument,
  nextRegistrationStatus,
  objectStateRefusal,
  renewedValidUntil,
  sourceRefusal,
  type RegistrationAction,
} from './registry.rules.js';
import { DEFAULT_REGISTRY_SETTINGS } from './registry.settings.js';

const none = new Map<string, 'holiday' | 'workday'>();
// 2031: National Day falls Wednesday 1 October; the calendar below is this test's own, not the official one
const cal = new Map<string, 'holiday' | 'workday'>([
  ['2031-10-01', 'holiday'],
  ['2031-10-02', 'holiday'],
  ['2031-10-03', 'holiday'],
  ['2031-10-06', 'holiday'],
  ['2031-10-07', 'holiday'],
  ['2031-10-11', 'workday'], // Saturday worked (调休)
]);
const shanghai = (s: string) => new Date(`${s}+08:00`);

describe('working days (RULES.md: 受理 3, 公示 10, 异议处理 10 working days; operator-edited calendar)', () => {
  it('reads the day in Asia/Shanghai, not UTC', () => {
    expect(shanghaiDay(new Date('2031-09-26T17:30:00Z'))).toBe('2031-09-27'); // Saturday 01:30 in Shanghai
    expect(shanghaiDay(new Date('2031-09-26T15:59:59Z'))).toBe('2031-09-26');
  });

  it('skips the weekend: submitted on a Friday, 3 working days end Wednesday 24:00 Shanghai', () => {
    expect(addWorkingDays(shanghai('2031-09-19T10:00:00'), 3, none).toISOString()).toBe(
      '2031-09-24T15:59:59.999Z',
    );
    // a submission on Saturday counts from Monday
    expect(shanghaiDay(addWorkingDays(shanghai('2031-09-20T10:00:00'), 1, none))).toBe('2031-09-22');
  });

  it('skips holidays and counts a worked Saturday (调休), across the weekend and the holiday', () => {
    expect(isWorkingDay('2031-10-01', cal)).toBe(false);
    expect(isWorkingDay('2031-10-11', cal)).toBe(true);
    expect(isWorkingDay('2031-10-12', cal)).toBe(false);
    // Tue 30 Sep + 3: Oct 1-3 holiday, 4-5 weekend, 6-7 holiday → 8, 9, 10
    expect(shanghaiDay(addWorkingDays(shanghai('2031-09-30T09:00:00'), 3, cal))).toBe('2031-10-10');
    expect(shanghaiDay(addWorkingDays(shanghai('2031-09-30T09:00:00'), 4, cal))).toBe('2031-10-11');
    // 公示 10 working days from Fri 26 Sep: 29, 30, 8, 9, 10, 11(调休), 13, 14, 15, 16
    expect(shanghaiDay(addWorkingDays(shanghai('2031-09-26T16:00:00'), 10, cal))).toBe('2031-10-16');
    expect(shanghaiDay(addWorkingDays(shanghai('2031-09-26T16:00:00'), 10, none))).toBe('2031-10-10');
    expect(workingDaysBetween(shanghai('2031-09-26T16:00:00'), shanghai('2031-10-16T12:00:00'), cal)).toBe(
      10,
    );
  });

  it('refuses a period that is not a whole number of days and a calendar with no working day', () => {
    expect(() => addWorkingDays(new Date(), 0, none)).toThrow(/whole number/);
    const allHolidays = new Map<string, 'holiday' | 'workday'>();
    const d = new Date('2031-01-01T00:00:00Z');
    for (let i = 0; i < 3700; i++)
      allHolidays.set(new Date(d.getTime() + i * 86_400_000).toISOString().slice(0, 10), 'holiday');
    expect(() => addWorkingDays(d, 1, allHolidays)).toThrow(/no working day/);
  });
});

// every status × action: the one legal move of each pair, or refused
const LEGAL: Record<RegistrationAction, Partial<Record<RegistrationStatus, RegistrationStatus>>> = {
  submit: { draft: 'submitted' },
  withdraw: { draft: 'withdrawn', submitted: 'withdrawn', under_review: 'withdrawn' },
  accept: { submitted: 'under_review' },
  assign: { submitted: 'submitted', under_review: 'under_review' },
  reject: { submitted: 'rejected', under_review: 'rejected' },
  review: { under_review: 'publicizing' },
  object: { publicizing: 'objected', objected: 'objected' },
  decide_objection: { objected: 'rejected' },
  issue: { approved: 'issued' },
};

describe('the application workflow (RULES.md: 申请 → 受理 → 审查 → 公示 → 异议处理 → 存证 → 凭证核发)', () => {
  it('allows exactly the legal moves and refuses every other status × action', () => {
    for (const [action, legal] of Object.entries(LEGAL) as [RegistrationAction, Record<string, string>][])
      for (const from of RegistrationStatus.options) {
        const move = nextRegistrationStatus(from, action, {
          positive: true,
          needsNotice: true,
          noticeOver: false,
        });
        const expected = legal[from];
        if (action === 'issue' && from === 'publicizing') {
          expect(move).toMatchObject({ ok: false, refusal: 'notice_running' });
          continue;
        }
        if (expected) expect(move, `${from} + ${action}`).toEqual({ ok: true, to: expected });
        else expect(move, `${from} + ${action}`).toMatchObject({ ok: false, refusal: 'illegal' });
      }
  });

  it('branches on the facts: failed review, no notice needed, objections, the end of the notice', () => {
    expect(nextRegistrationStatus('under_review', 'review', { positive: false })).toEqual({
      ok: true,
      to: 'rejected',
    });
    expect(nextRegistrationStatus('under_review', 'review', { positive: true, needsNotice: false })).toEqual({
      ok: true,
      to: 'approved',
    });
    expect(nextRegistrationStatus('publicizing', 'object', { noticeOver: true })).toMatchObject({
      ok: false,
      refusal: 'notice_over',
    });
    expect(nextRegistrationStatus('objected', 'decide_objection', { positive: true })).toEqual({
      ok: true,
      to: 'rejected',
    });
    expect(
      nextRegistrationStatus('objected', 'decide_objection', { positive: false, otherOpenObjections: 1 }),
    ).toEqual({
      ok: true,
      to: 'objected',
    });
    expect(nextRegistrationStatus('publicizing', 'issue', { noticeOver: true })).toEqual({
      ok: true,
      to: 'issued',
    });
  });
});

describe('refusal rules (RULES.md, Rights registration: Refuse)', () => {
  it('never registers core data', () => {
    expect(coreDataRefusal('core')).toMatch(/核心数据/);
    expect(coreDataRefusal('important')).toBeNull();
  });

  it('needs the source: a collection method, an authorization, or a purchase contract', () => {
    expect(sourceRefusal('collected', null, [], 0)).toMatch(/collected/);
    expect(sourceRefusal('collected', '业务系统采集', [], 0)).toBeNull();
    expect(sourceRefusal('authorized', 'x', [], 0)).toMatch(/authorization/);
    expect(sourceRefusal('authorized', 'x', ['purchase_contract'], 0)).toMatch(/authorization/);
    expect(sourceRefusal('authorized', 'x', ['authorization'], 0)).toBeNull();
    expect(sourceRefusal('authorized', 'x', [], 1)).toBeNull(); // catalogued with the resource
    expect(sourceRefusal('purchased', 'x', [], 0)).toMatch(/purchase contract/);
    expect(sourceRefusal('purchased', 'x', ['purchase_contract'], 0)).toBeNull();
  });

  it('refuses data in dispute or frozen, frozen first', () => {
    expect(objectStateRefusal({ disputed: false, frozen: false })).toBeNull();
    expect(objectStateRefusal({ disputed: true, frozen: false })?.code).toBe('disputed');
    expect(objectStateRefusal({ disputed: true, frozen: true })?.code).toBe('frozen');
  });

  it('refuses raw data and single records as data IP, not as data property', () => {
    expect(dataIpRefusal('data_property', 'raw', 1)).toBeNull();
    expect(dataIpRefusal('data_ip', 'raw', 1000)?.code).toBe('raw');
    expect(dataIpRefusal('data_ip', 'masked', 1)?.code).toBe('single_record');
    expect(dataIpRefusal('data_ip', 'masked', null)?.code).toBe('single_record');
    expect(dataIpRefusal('data_ip', 'statistical', 2)).toBeNull();
  });

  it('wants every declaration (声明承诺) and the instrument of each dealing', () => {
    expect(missingDeclarations('initial', ['truthful'])).toEqual([
      'lawfulSource',
      'noInfringement',
      'acceptReview',
    ]);
    expect(missingDeclarations('objection', ['truthful', 'acceptReview'])).toEqual([]);
    expect(missingInstrument('pledge', [])).toBe('pledge_contract');
    expect(missingInstrument('pledge', ['pledge_contract'])).toBeNull();
    expect(missingInstrument('cancel', [])).toBeNull();
  });
});

describe('certificates (RULES.md: validity = min(announcement + 3 years, end of the authorization))', () => {
  const at = new Date('2026-11-28T02:00:00Z');
  it('takes the earlier of three years and the end of the source authorization', () => {
    expect(certificateValidUntil(at, 3, null).toISOString()).toBe('2029-11-28T02:00:00.000Z');
    expect(certificateValidUntil(at, 3, '2028-06-30').toISOString()).toBe('2028-06-30T15:59:59.999Z');
    expect(certificateValidUntil(at, 3, '2035-01-01').toISOString()).toBe('2029-11-28T02:00:00.000Z');
  });

  it('renews from the current end, or from now once expired', () => {
    expect(renewedValidUntil(new Date('2027-01-01T00:00:00Z'), at, 3, null).toISOString()).toBe(
      '2030-01-01T00:00:00.000Z',
    );
    expect(renewedValidUntil(new Date('2026-01-01T00:00:00Z'), at, 3, null).toISOString()).toBe(
      '2029-11-28T02:00:00.000Z',
    );
  });

  it('numbers certificates SD-DR-<year>-<six digits>', () => {
    expect(certNoOf('SD-DR', 2026, 123)).toBe('SD-DR-2026-000123');
    expect(certNoOf('SD-DR', 2026, 1234567)).toBe('SD-DR-2026-1234567');
  });

  it('accepts as pledgee a listed org or one named as a financial institution', () => {
    const s = DEFAULT_REGISTRY_SETTINGS;
    expect(isFinancialOrg({ id: 'org_a', name: '鲁信普惠金融科技有限公司' }, s)).toBe(true);
    expect(isFinancialOrg({ id: 'org_b', name: '齐鲁银行股份有限公司' }, s)).toBe(true);
    expect(isFinancialOrg({ id: 'org_c', name: '泉城数智信息服务有限公司' }, s)).toBe(false);
    expect(
      isFinancialOrg({ id: 'org_c', name: '泉城数智信息服务有限公司' }, { ...s, financialOrgIds: ['org_c'] }),
    ).toBe(true);
    expect(isFinancialOrg({ id: 'org_c', name: 'x' }, { ...s, financialNamePattern: '(' })).toBe(false);
  });
});
