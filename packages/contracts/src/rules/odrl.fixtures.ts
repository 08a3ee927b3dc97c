import type { PolicyLabels } from './odrl-words.js';

/*
 * Usage policies the specs share: the offer the market issue describes (research and planning in Shandong
 * until 2027, 10,000 calls, no onward transfer, deletion 30 days after use), and the portal's names for it.
 */

export const CONTEXT = ['http://www.w3.org/ns/odrl.jsonld', { shuliu: 'urn:shuliu:odrl:' }];

/** A policy's JSON with the given rules: an Offer of `prd_traffic` by `org_provider`. */
export const offer = (rules: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  '@context': CONTEXT,
  '@type': 'Offer',
  uid: 'urn:uuid:2d1f6b0e-policy-traffic',
  assigner: 'org_provider',
  target: 'prd_traffic',
  ...extra,
  ...rules,
});

export const SHANDONG_OFFER = offer({
  permission: [
    {
      action: 'use',
      constraint: [
        { leftOperand: 'purpose', operator: 'isAnyOf', rightOperand: ['urban_planning', 'research'] },
        { leftOperand: 'spatial', operator: 'isPartOf', rightOperand: '370000' },
        { leftOperand: 'dateTime', operator: 'lteq', rightOperand: '2027-12-31' },
        { leftOperand: 'count', operator: 'lteq', rightOperand: 10000 },
      ],
      duty: [
        {
          action: 'delete',
          constraint: [{ leftOperand: 'elapsedTime', operator: 'lteq', rightOperand: 'P30D' }],
        },
      ],
    },
  ],
  prohibition: [{ action: 'transfer' }],
});

const NAMES: Record<string, [string, string]> = {
  urban_planning: ['城市规划', 'urban planning'],
  research: ['科研', 'research'],
  traffic_dispatch: ['交通调度', 'traffic dispatch'],
  marketing: ['精准营销', 'targeted marketing'],
  '370000': ['山东省', 'Shandong Province'],
  '370100': ['济南市', 'Jinan'],
  '370112': ['历城区', 'Licheng District'],
  '130100': ['石家庄市', 'Shijiazhuang'],
};

/** The portal's lookup: names for purposes and regions, nothing for the rest (the built-in words serve). */
export const LABELS: PolicyLabels = (kind, code, locale) =>
  kind === 'purpose' || kind === 'spatial' ? NAMES[code]?.[locale === 'zh-CN' ? 0 : 1] : undefined;
