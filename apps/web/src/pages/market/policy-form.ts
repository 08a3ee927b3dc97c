import {
  SHULIU_ODRL_NS,
  ODRL_CONTEXT,
  type OrgType,
  type PolicyAction,
  type PolicyConstraint,
  type UsagePolicy,
} from '@shuliu/contracts';
import type { Dayjs } from 'dayjs';
import { dayjs } from '../../lib/time';

/*
 * The policy builder's form and the ODRL 2.2 JSON-LD it stands for. The builder speaks the terms a seller
 * needs (purpose, region, until, count, recipient type, deletion after use, no onward transfer); a policy
 * with more than those is kept as it is and edited as JSON.
 */

export interface PermissionForm {
  action: PolicyAction;
  purposes?: string[];
  regions?: string[];
  until?: Dayjs | null;
  maxCount?: number | null;
  orgTypes?: OrgType[];
  deleteAfterDays?: number | null;
  attribute?: boolean;
}

export interface PolicyForm {
  uid?: string;
  permissions: PermissionForm[];
  noOnwardTransfer: boolean;
  prohibited?: PolicyAction[];
}

/** Onward transfer in ODRL terms: handing it over (`transfer`) or passing copies on (`distribute`). */
const ONWARD: PolicyAction[] = ['transfer', 'distribute'];

export const EMPTY_POLICY_FORM: PolicyForm = {
  permissions: [{ action: 'use' }],
  noOnwardTransfer: true,
  prohibited: [],
};

const newUid = () => `urn:shuliu:policy:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

function constraintsOf(p: PermissionForm): PolicyConstraint[] {
  const out: PolicyConstraint[] = [];
  const list = (leftOperand: 'purpose' | 'spatial' | 'shuliu:recipientOrgType', values?: string[]) => {
    const v = (values ?? []).map((x) => x.trim()).filter(Boolean);
    if (v.length === 1) out.push({ leftOperand, operator: 'eq', rightOperand: v[0]! });
    else if (v.length > 1) out.push({ leftOperand, operator: 'isAnyOf', rightOperand: v });
  };
  list('purpose', p.purposes);
  list('spatial', p.regions);
  if (p.until)
    out.push({ leftOperand: 'dateTime', operator: 'lteq', rightOperand: p.until.format('YYYY-MM-DD') });
  if (p.maxCount != null) out.push({ leftOperand: 'count', operator: 'lteq', rightOperand: p.maxCount });
  list('shuliu:recipientOrgType', p.orgTypes);
  return out;
}

/** The form as an ODRL 2.2 Offer in compact JSON-LD (the platform sets its assigner and target). */
export function toPolicyJson(f: PolicyForm): Record<string, unknown> {
  const permission = (f.permissions ?? []).map((p) => {
    const constraint = constraintsOf(p);
    const duty = [
      ...(p.deleteAfterDays
        ? [
            {
              action: 'delete',
              constraint: [
                { leftOperand: 'elapsedTime', operator: 'lteq', rightOperand: `P${p.deleteAfterDays}D` },
              ],
            },
          ]
        : []),
      ...(p.attribute ? [{ action: 'attribute' }] : []),
    ];
    return {
      action: p.action ?? 'use',
      ...(constraint.length && { constraint }),
      ...(duty.length && { duty }),
    };
  });
  const prohibited = [...new Set([...(f.noOnwardTransfer ? ONWARD : []), ...(f.prohibited ?? [])])];
  return {
    '@context': [ODRL_CONTEXT, { shuliu: SHULIU_ODRL_NS }],
    '@type': 'Offer',
    uid: f.uid ?? newUid(),
    permission,
    ...(prohibited.length && { prohibition: prohibited.map((action) => ({ action })) }),
  };
}

const values = (c: { rightOperand: unknown }) => [c.rightOperand].flat().map(String);

/** A stored policy back into the form; null when it says more than the builder can show. */
export function fromPolicy(policy: UsagePolicy): PolicyForm | null {
  if (policy.obligation?.length) return null;
  const permissions: PermissionForm[] = [];
  for (const rule of policy.permission ?? []) {
    const p: PermissionForm = { action: rule.action };
    for (const c of rule.constraint ?? []) {
      if (!('leftOperand' in c)) return null;
      if (c.leftOperand === 'purpose' && ['eq', 'isAnyOf'].includes(c.operator)) p.purposes = values(c);
      else if (c.leftOperand === 'spatial' && ['eq', 'isAnyOf', 'isPartOf'].includes(c.operator))
        p.regions = values(c);
      else if (c.leftOperand === 'dateTime' && c.operator === 'lteq') p.until = dayjs(String(c.rightOperand));
      else if (c.leftOperand === 'count' && c.operator === 'lteq') p.maxCount = Number(c.rightOperand);
      else if (c.leftOperand === 'shuliu:recipientOrgType' && ['eq', 'isAnyOf'].includes(c.operator))
        p.orgTypes = values(c) as OrgType[];
      else return null;
    }
    for (const d of rule.duty ?? []) {
      const days = d.constraint?.[0] && 'leftOperand' in d.constraint[0] ? d.constraint[0] : null;
      const m = days ? /^P(\d+)D$/.exec(String(days.rightOperand)) : null;
      if (d.action === 'delete' && m) p.deleteAfterDays = Number(m[1]);
      else if (d.action === 'attribute' && !d.constraint?.length) p.attribute = true;
      else return null;
    }
    permissions.push(p);
  }
  const prohibited: PolicyAction[] = [];
  for (const rule of policy.prohibition ?? []) {
    if (rule.constraint?.length) return null;
    prohibited.push(rule.action);
  }
  const noOnwardTransfer = ONWARD.every((a) => prohibited.includes(a));
  return {
    uid: policy.uid,
    permissions,
    noOnwardTransfer,
    prohibited: noOnwardTransfer ? prohibited.filter((a) => !ONWARD.includes(a)) : prohibited,
  };
}
