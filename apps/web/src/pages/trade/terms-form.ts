import {
  evaluate,
  type DealTerms,
  type DeliveryMode,
  type OrgType,
  type PolicyDecision,
  type PolicyLabels,
  type Product,
  type UsagePolicy,
} from '@shuliu/contracts';
import { ApiError, fieldIssues } from '../../api/errors';
import type { Dayjs } from 'dayjs';
import { dayjs } from '../../lib/time';
import { yuanToFen } from '../../lib/format';

/** The terms as a person fills them in: yuan for the price, day pickers for the term (DESIGN.md §4). */
export interface TermsValues {
  template: DealTerms['template'];
  deliveryMode: DeliveryMode;
  purpose: string;
  region: string;
  scope: string;
  startsOn: Dayjs;
  endsOn: Dayjs;
  priceYuan: number;
  maxUses?: number | null;
  scenarioVersionId?: string | null;
  message?: string;
}
export type TermsField = Exclude<keyof TermsValues, 'message'>;

const DAY = 'YYYY-MM-DD';

/** The form's values as the API's terms: yuan to integer fen, days as YYYY-MM-DD. */
export function toTerms(v: TermsValues): DealTerms {
  return {
    template: v.template,
    deliveryMode: v.deliveryMode,
    purpose: v.purpose.trim(),
    region: v.region.trim(),
    scope: v.scope.trim(),
    startsOn: v.startsOn.format(DAY),
    endsOn: v.endsOn.format(DAY),
    priceFen: yuanToFen(v.priceYuan),
    maxUses: v.maxUses ?? null,
    scenarioVersionId: v.scenarioVersionId?.trim() || null,
  };
}

export function fromTerms(t: DealTerms): Partial<TermsValues> {
  return {
    template: t.template,
    deliveryMode: t.deliveryMode,
    purpose: t.purpose,
    region: t.region,
    scope: t.scope,
    startsOn: dayjs(t.startsOn),
    endsOn: dayjs(t.endsOn),
    priceYuan: t.priceFen / 100,
    maxUses: t.maxUses ?? null,
    scenarioVersionId: t.scenarioVersionId ?? null,
  };
}

/** Purposes the policy names, for the purpose field's suggestions. */
export function policyPurposes(policy: UsagePolicy | null): string[] {
  const out = new Set<string>();
  for (const rule of [...(policy?.permission ?? []), ...(policy?.prohibition ?? [])])
    for (const c of rule.constraint ?? [])
      if ('leftOperand' in c && c.leftOperand === 'purpose')
        for (const v of [c.rightOperand].flat()) out.add(String(v));
  return [...out];
}

/**
 * A first request's terms: the listed price, the product's first delivery mode and region, a one-year term
 * from tomorrow.
 */
export function requestDefaults(p: Product): Partial<TermsValues> {
  const pm = p.priceModel;
  const listedFen = pm && 'amountFen' in pm ? pm.amountFen : pm && 'unitFen' in pm ? pm.unitFen : undefined;
  const start = dayjs().add(1, 'day').startOf('day');
  return {
    template: 'provision',
    deliveryMode: p.deliveryModes[0],
    region: p.region,
    startsOn: start,
    endsOn: start.add(1, 'year').subtract(1, 'day'),
    ...(listedFen !== undefined && { priceYuan: listedFen / 100 }),
  };
}

/** The delivery channel a policy's `deliveryChannel` constraint speaks of, per delivery mode. */
const CHANNEL = { file: 'file', report: 'file', api: 'api', compute: 'sandbox' } as const;

/**
 * The terms asked of the offer's policy in the browser, as the server asks it (trade.rules termsWithinPolicy):
 * use, for the purpose, where and through the channel agreed, on the term's first and last day, for the
 * last use allowed. Advice only: the server decides.
 */
export function checkTerms(
  policy: UsagePolicy,
  t: DealTerms,
  party: { orgId: string; orgTypes: readonly OrgType[] },
  labels?: PolicyLabels,
): PolicyDecision {
  const instants = [`${t.startsOn}T00:00:00+08:00`, `${t.endsOn}T23:59:59+08:00`];
  let last: PolicyDecision | null = null;
  for (const now of instants) {
    last = evaluate(
      policy,
      {
        party: { orgId: party.orgId, orgType: party.orgTypes.length ? party.orgTypes : ['buyer'] },
        action: 'use',
        context: {
          purpose: t.purpose,
          region: t.region,
          now,
          count: t.maxUses == null ? 0 : t.maxUses - 1,
          since: instants[0],
          deliveryChannel: CHANNEL[t.deliveryMode],
        },
      },
      labels,
    );
    if (!last.allowed) return last;
  }
  return last!;
}

/** The field a policy constraint speaks of: purpose, region, the dates, the uses, the channel or the price. */
const FIELD_OF_OPERAND: Record<string, TermsField> = {
  purpose: 'purpose',
  spatial: 'region',
  dateTime: 'endsOn',
  elapsedTime: 'endsOn',
  count: 'maxUses',
  deliveryChannel: 'deliveryMode',
  payAmount: 'priceYuan',
};
export const fieldOfOperand = (op: string | undefined): TermsField | undefined =>
  op ? FIELD_OF_OPERAND[op] : undefined;

/** A field of the API's terms (`terms.priceFen`) as the form's field. */
function formField(path: (string | number)[]): TermsField | undefined {
  const segs = path[0] === 'terms' ? path.slice(1) : path;
  const name = String(segs[0] ?? '');
  if (name === 'priceFen') return 'priceYuan';
  return ['template', 'deliveryMode', 'purpose', 'region', 'scope', 'startsOn', 'endsOn', 'maxUses'].includes(
    name,
  ) || name === 'scenarioVersionId'
    ? (name as TermsField)
    : undefined;
}

export interface FieldError {
  field: TermsField;
  message: string;
}

/**
 * Where the server's refusal belongs: a policy refusal beside the field its constraint concerns (in the
 * portal's language, from `details.message`), a field the terms do not fit, a 400's field issues.
 */
export function serverFieldErrors(e: unknown, lang: 'zh-CN' | 'en-US', fallback: string): FieldError[] {
  if (!(e instanceof ApiError)) return [];
  const d = (e.details ?? {}) as {
    leftOperand?: string;
    message?: Record<string, string>;
    field?: string;
  };
  if (e.code === 'TRADE_POLICY_REFUSED') {
    const field = fieldOfOperand(d.leftOperand);
    return field ? [{ field, message: d.message?.[lang] ?? fallback }] : [];
  }
  if (typeof d.field === 'string') {
    const field = formField(d.field.split('.'));
    return field ? [{ field, message: fallback }] : [];
  }
  return fieldIssues(e).flatMap((i) => {
    const field = formField(i.path);
    return field ? [{ field, message: i.message }] : [];
  });
}
