import { describe, expect, it } from 'vitest';
import type { UsagePolicy } from '../market-policy.js';
import { compilePolicy, evaluate, validatePolicy, type PolicyRequest } from './odrl.js';
import { LABELS, offer, SHANDONG_OFFER } from './odrl.fixtures.js';

const valid = (json: unknown): UsagePolicy => {
  const r = validatePolicy(json);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.policy;
};
const shandong = valid(SHANDONG_OFFER);

/** A buyer in 历城区 asking to use the data for research on 1 May 2026, its 6th call. */
const ask = (
  context: Partial<PolicyRequest['context']> = {},
  action = 'use',
  party: Partial<PolicyRequest['party']> = {},
): PolicyRequest => ({
  party: { orgId: 'org_buyer', orgType: 'buyer', ...party },
  action,
  context: { purpose: 'research', region: '370112', now: '2026-05-01T02:00:00Z', count: 5, ...context },
});
const reasonOf = (policy: UsagePolicy, request: PolicyRequest) => {
  const d = evaluate(policy, request, LABELS);
  if (d.allowed) throw new Error('expected a refusal');
  return d.reason;
};
const useWith = (...constraint: unknown[]) => valid(offer({ permission: [{ action: 'use', constraint }] }));

describe('ODRL evaluation: permissions', () => {
  it('allows a permitted purpose and hands back the duty, due 30 days after now', () => {
    expect(evaluate(shandong, ask())).toEqual({
      allowed: true,
      permission: 0,
      duties: [
        {
          path: 'permission[0].duty[0]',
          action: 'delete',
          constraint: [{ leftOperand: 'elapsedTime', operator: 'lteq', rightOperand: 'P30D' }],
          dueAt: '2026-05-31T02:00:00.000Z',
        },
      ],
    });
  });

  it('refuses a purpose outside the permitted ones, naming the constraint in both languages', () => {
    expect(reasonOf(shandong, ask({ purpose: 'traffic_dispatch' }))).toEqual({
      rule: 'permission',
      index: 0,
      path: 'permission[0].constraint[0]',
      leftOperand: 'purpose',
      operator: 'isAnyOf',
      expected: ['urban_planning', 'research'],
      actual: 'traffic_dispatch',
      message: {
        'zh-CN': '用途“交通调度”不在许可的用途（城市规划、科研）之内',
        'en-US': 'purpose "traffic dispatch" is not among the permitted purposes (urban planning, research)',
      },
    });
    expect(reasonOf(shandong, ask({ purpose: null })).message).toEqual({
      'zh-CN': '请求未说明用途',
      'en-US': 'the request gives no purpose',
    });
  });

  it('GB/T 2260: a province covers its cities and counties; a region outside, or none, is refused', () => {
    for (const region of ['370000', '370100', '370112'])
      expect(evaluate(shandong, ask({ region })).allowed).toBe(true);
    expect(evaluate(shandong, ask({ region: undefined }, 'use', { region: '370100' })).allowed).toBe(true);
    expect(reasonOf(shandong, ask({ region: '130100' }))).toMatchObject({
      path: 'permission[0].constraint[1]',
      leftOperand: 'spatial',
      message: {
        'zh-CN': '地域“石家庄市”不在许可的地域（山东省）之内',
        'en-US': 'region "Shijiazhuang" is not within the permitted region (Shandong Province)',
      },
    });
    expect(reasonOf(shandong, ask({ region: 'Jinan' })).message['en-US']).toBe('the request gives no region');
    const city = useWith({ leftOperand: 'spatial', operator: 'isAnyOf', rightOperand: ['370100', '110000'] });
    expect(evaluate(city, ask({ region: '110105' })).allowed).toBe(true);
    expect(evaluate(city, ask({ region: '370200' })).allowed).toBe(false);
  });

  it('a date limit runs to the end of that day in Beijing; a date-time to the instant', () => {
    expect(evaluate(shandong, ask({ now: '2027-12-31T15:59:59.999Z' })).allowed).toBe(true);
    expect(reasonOf(shandong, ask({ now: new Date('2027-12-31T16:00:00Z') }))).toMatchObject({
      path: 'permission[0].constraint[2]',
      actual: '2027-12-31T16:00:00.000Z',
      message: {
        'zh-CN': '有效期至 2027-12-31，现已过期（当前北京时间 2028-01-01 00:00）',
        'en-US': 'until 2027-12-31: expired (now 2028-01-01 00:00 UTC+8)',
      },
    });
    const from = useWith({
      leftOperand: 'dateTime',
      operator: 'gteq',
      rightOperand: '2026-06-01T08:00:00+08:00',
    });
    expect(evaluate(from, ask({ now: '2026-06-01T00:00:00Z' })).allowed).toBe(true);
    expect(reasonOf(from, ask({ now: '2026-05-31T23:59:59Z' })).message['zh-CN']).toBe(
      '自 2026-06-01 08:00（北京时间） 起生效，尚未生效（当前北京时间 2026-06-01 07:59:59）',
    );
  });

  it('counts the use asked for: 10,000 allowed means the 10,000th passes and the 10,001st does not', () => {
    expect(evaluate(shandong, ask({ count: 9999 })).allowed).toBe(true);
    expect(reasonOf(shandong, ask({ count: 10000 }))).toMatchObject({
      leftOperand: 'count',
      actual: 10000,
      message: { 'zh-CN': '最多调用 10,000 次，已调用 10,000 次' },
    });
    const fewer = useWith({ leftOperand: 'count', operator: 'lt', rightOperand: 3 });
    expect([0, 1, 2].map((count) => evaluate(fewer, ask({ count })).allowed)).toEqual([true, true, false]);
  });

  it('an elapsed period runs from `since`; without one it is refused', () => {
    const month = useWith({ leftOperand: 'elapsedTime', operator: 'lteq', rightOperand: 'P1M' });
    const since = '2026-01-31T00:00:00Z';
    expect(evaluate(month, ask({ since, now: '2026-02-28T00:00:00Z' })).allowed).toBe(true);
    expect(evaluate(month, ask({ since, now: '2026-02-28T00:00:01Z' })).allowed).toBe(false);
    expect(reasonOf(month, ask()).message['en-US']).toBe('the request gives no start for the period');
  });

  it('recipient org types (an org may hold several) and delivery channels', () => {
    const types = useWith({
      leftOperand: 'shuliu:recipientOrgType',
      operator: 'isAnyOf',
      rightOperand: ['buyer', 'authority'],
    });
    expect(evaluate(types, ask({}, 'use', { orgType: ['merchant', 'buyer'] })).allowed).toBe(true);
    expect(reasonOf(types, ask({}, 'use', { orgType: 'merchant' })).message).toEqual({
      'zh-CN': '使用方类型“数据商”不在许可的使用方类型（需求方、公共数据主管部门）之内',
      'en-US':
        'recipient type "data merchant" is not among the permitted recipient types (buyer, public data authority)',
    });
    const sandbox = useWith({ leftOperand: 'deliveryChannel', operator: 'eq', rightOperand: 'sandbox' });
    expect(evaluate(sandbox, ask({ deliveryChannel: 'sandbox' })).allowed).toBe(true);
    expect(evaluate(sandbox, ask({ deliveryChannel: 'file' })).allowed).toBe(false);
  });

  it('another permission of the action may grant what the first refuses; the first one explains a refusal', () => {
    const two = valid(
      offer({
        permission: [
          {
            action: 'use',
            constraint: [{ leftOperand: 'purpose', operator: 'eq', rightOperand: 'research' }],
          },
          {
            action: 'read',
            constraint: [{ leftOperand: 'purpose', operator: 'eq', rightOperand: 'urban_planning' }],
          },
        ],
      }),
    );
    expect(evaluate(two, ask({ purpose: 'urban_planning' }, 'read'))).toMatchObject({
      allowed: true,
      permission: 1,
    });
    expect(reasonOf(two, ask({ purpose: 'traffic_dispatch' }, 'read'))).toMatchObject({
      index: 0,
      expected: 'research',
    });
    expect(reasonOf(two, ask({ purpose: 'urban_planning' }, 'use'))).toMatchObject({ index: 0 });
  });
});

describe('ODRL evaluation: actions and prohibitions', () => {
  it('use includes read and distribute; transfer is granted by no use permission', () => {
    expect(evaluate(shandong, ask({}, 'odrl:read')).allowed).toBe(true);
    const open = valid(offer({ permission: [{ action: 'use' }] }));
    expect(evaluate(open, ask({}, 'distribute')).allowed).toBe(true);
    expect(reasonOf(open, ask({}, 'transfer'))).toMatchObject({
      rule: 'permission',
      index: null,
      message: {
        'zh-CN': '策略未许可“向第三方转让”',
        'en-US': 'the policy grants no permission to "transfer to third parties"',
      },
    });
    expect(reasonOf(open, ask({}, 'sell')).message['en-US']).toBe('unknown action "sell"');
  });

  it('a prohibition overrides a permission, of the action itself or of one including it', () => {
    expect(reasonOf(shandong, ask({}, 'transfer'))).toMatchObject({
      rule: 'prohibition',
      index: 0,
      path: 'prohibition[0]',
      message: {
        'zh-CN': '策略禁止“向第三方转让”',
        'en-US': 'the policy prohibits "transfer to third parties"',
      },
    });
    const noDistribution = valid(
      offer({ permission: [{ action: 'use' }], prohibition: [{ action: 'distribute' }] }),
    );
    expect(evaluate(noDistribution, ask({}, 'distribute')).allowed).toBe(false);
    expect(evaluate(noDistribution, ask({}, 'read')).allowed).toBe(true);
    const noUse = valid(offer({ permission: [{ action: 'read' }], prohibition: [{ action: 'use' }] }));
    expect(evaluate(noUse, ask({}, 'read')).allowed).toBe(false);
  });

  it('a prohibition with constraints applies when they hold, and when the request leaves their value out', () => {
    const noMarketing = valid(
      offer({
        permission: [{ action: 'use' }],
        prohibition: [
          {
            action: 'use',
            constraint: [{ leftOperand: 'purpose', operator: 'eq', rightOperand: 'marketing' }],
          },
        ],
      }),
    );
    expect(evaluate(noMarketing, ask({ purpose: 'research' })).allowed).toBe(true);
    expect(reasonOf(noMarketing, ask({ purpose: 'marketing' })).message).toEqual({
      'zh-CN': '策略禁止“使用”（用于 精准营销）',
      'en-US': 'the policy prohibits "use" for targeted marketing',
    });
    expect(evaluate(noMarketing, ask({ purpose: null })).allowed).toBe(false);
  });
});

describe('ODRL evaluation: logical constraints', () => {
  const research = { leftOperand: 'purpose', operator: 'eq', rightOperand: 'research' };
  const authority = { leftOperand: 'shuliu:recipientOrgType', operator: 'eq', rightOperand: 'authority' };
  const inShandong = { leftOperand: 'spatial', operator: 'eq', rightOperand: '370000' };

  it('or: one alternative is enough; a refusal lists why each fails', () => {
    const p = useWith({ or: [research, authority] });
    expect(evaluate(p, ask({ purpose: 'research' })).allowed).toBe(true);
    expect(evaluate(p, ask({ purpose: 'marketing' }, 'use', { orgType: 'authority' })).allowed).toBe(true);
    expect(reasonOf(p, ask({ purpose: 'marketing' }))).toMatchObject({
      path: 'permission[0].constraint[0]',
      operator: 'or',
      message: {
        'zh-CN':
          '以下条件均不满足：用途“精准营销”不是许可的用途（科研）；使用方类型“需求方”不是许可的使用方类型（公共数据主管部门）',
        'en-US':
          'none of these holds: purpose "targeted marketing" is not the permitted purpose (research); recipient type "buyer" is not the permitted recipient type (public data authority)',
      },
    });
  });

  it('and: every member, the failing one named by its path; xone: exactly one', () => {
    const p = useWith({ or: [{ and: [research, inShandong] }, authority] });
    expect(evaluate(p, ask()).allowed).toBe(true);
    expect(evaluate(p, ask({ region: '130100' })).allowed).toBe(false);
    const and = useWith({ and: [research, inShandong] });
    expect(reasonOf(and, ask({ region: '130100' })).path).toBe('permission[0].constraint[0].and[1]');
    const xone = useWith({ xone: [research, inShandong] });
    expect(evaluate(xone, ask({ region: '130100' })).allowed).toBe(true);
    expect(reasonOf(xone, ask())).toMatchObject({ operator: 'xone', actual: 2 });
  });
});

describe('ODRL evaluation: parties, obligations, compilation', () => {
  it('an Agreement binds its assignee only', () => {
    const agreement = valid({ ...SHANDONG_OFFER, '@type': 'Agreement', assignee: 'org_buyer' });
    expect(evaluate(agreement, ask()).allowed).toBe(true);
    expect(reasonOf(agreement, ask({}, 'use', { orgId: 'org_other' }))).toMatchObject({
      rule: 'policy',
      path: 'assignee',
      expected: 'org_buyer',
      actual: 'org_other',
    });
  });

  it("returns the policy's obligations with the permission's duties", () => {
    const p = valid({
      ...SHANDONG_OFFER,
      obligation: [
        { action: 'attribute' },
        {
          action: 'delete',
          constraint: [{ leftOperand: 'dateTime', operator: 'lteq', rightOperand: '2028-06-30' }],
        },
      ],
    });
    const d = evaluate(p, ask());
    expect(d.allowed && d.duties.map((x) => [x.path, x.action, x.dueAt])).toEqual([
      ['permission[0].duty[0]', 'delete', '2026-05-31T02:00:00.000Z'],
      ['obligation[0]', 'attribute', null],
      ['obligation[1]', 'delete', '2028-06-30T16:00:00.000Z'],
    ]);
  });

  it('a compiled policy decides like evaluate, for every request', () => {
    const compiled = compilePolicy(shandong);
    for (const r of [ask(), ask({ purpose: 'marketing' }), ask({ count: 20000 }), ask({}, 'transfer')])
      expect(compiled.evaluate(r, LABELS)).toEqual(evaluate(shandong, r, LABELS));
    expect(() => evaluate(shandong, ask({ now: 'yesterday' }))).toThrow(/context.now/);
  });
});
