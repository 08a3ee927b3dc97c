import { describe, expect, it } from 'vitest';
import type { UsagePolicy } from '../market-policy.js';
import { describePolicy } from './odrl-describe.js';
import { validatePolicy } from './odrl.js';
import { LABELS, offer, SHANDONG_OFFER } from './odrl.fixtures.js';

const valid = (json: unknown): UsagePolicy => {
  const r = validatePolicy(json);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.policy;
};

const SANDBOX_READ = valid(
  offer({
    permission: [
      {
        action: 'read',
        constraint: [
          {
            or: [
              { leftOperand: 'purpose', operator: 'eq', rightOperand: 'research' },
              {
                leftOperand: 'shuliu:recipientOrgType',
                operator: 'isAnyOf',
                rightOperand: ['authority', 'regulator'],
              },
            ],
          },
          { leftOperand: 'deliveryChannel', operator: 'eq', rightOperand: 'sandbox' },
          { leftOperand: 'dateTime', operator: 'gteq', rightOperand: '2026-06-01T00:00:00Z' },
          { leftOperand: 'spatial', operator: 'isNoneOf', rightOperand: ['370100'] },
        ],
        duty: [
          {
            action: 'compensate',
            constraint: [{ leftOperand: 'payAmount', operator: 'eq', rightOperand: '500' }],
          },
        ],
      },
    ],
    prohibition: [
      { action: 'distribute' },
      { action: 'transfer' },
      {
        action: 'use',
        constraint: [{ leftOperand: 'purpose', operator: 'isAnyOf', rightOperand: ['marketing'] }],
      },
    ],
    obligation: [
      { action: 'attribute' },
      {
        action: 'delete',
        constraint: [{ leftOperand: 'dateTime', operator: 'lteq', rightOperand: '2028-06-30' }],
      },
    ],
  }),
);

describe('describePolicy: a usage policy in plain words', () => {
  it('renders the Shandong offer in both languages, with the portal’s names', () => {
    const p = valid(SHANDONG_OFFER);
    expect(describePolicy(p, 'zh-CN', LABELS)).toBe(
      '允许：使用，用途限于 城市规划、科研；地域限于 山东省；有效期至 2027-12-31；最多调用 10,000 次。' +
        '禁止：向第三方转让。义务：使用后 30 天内删除。',
    );
    expect(describePolicy(p, 'en-US', LABELS)).toBe(
      'Permitted: use, purpose limited to urban planning, research; within Shandong Province; until 2027-12-31; ' +
        'at most 10,000 uses. Prohibited: transfer to third parties. Duty: delete within 30 days after use.',
    );
  });

  it('shows the codes when no names are passed', () => {
    expect(describePolicy(valid(SHANDONG_OFFER), 'zh-CN')).toBe(
      '允许：使用，用途限于 urban_planning、research；地域限于 370000；有效期至 2027-12-31；最多调用 10,000 次。' +
        '禁止：向第三方转让。义务：使用后 30 天内删除。',
    );
  });

  it('renders logical constraints, Beijing time, prohibitions with conditions, payment and obligations', () => {
    expect(describePolicy(SANDBOX_READ, 'zh-CN', LABELS)).toBe(
      '允许：读取，（用途限于 科研，或 使用方限于 公共数据主管部门、监管方）；交付方式限于 隐私计算沙箱（数据可用不可见）；' +
        '自 2026-06-01 08:00（北京时间） 起；地域不含 济南市。' +
        '禁止：向第三方分发、向第三方转让。禁止：使用，用于 精准营销。' +
        '义务：支付 500.00 元；注明数据来源；2028-06-30 前删除。',
    );
    expect(describePolicy(SANDBOX_READ, 'en-US', LABELS)).toBe(
      'Permitted: read, (purpose limited to research, or recipient limited to public data authority, regulator); ' +
        'delivered only by the compute-to-data sandbox; from 2026-06-01 08:00 (UTC+8); outside Jinan. ' +
        'Prohibited: distribute to third parties, transfer to third parties. Prohibited: use, for targeted marketing. ' +
        'Duties: pay CNY 500.00; attribute the source; delete by 2028-06-30.',
    );
  });
});
