import {
  COMMITMENTS,
  validatePolicy,
  type Commitment,
  type DeliveryMode,
  type Product,
  type ProductBody,
} from '@shuliu/contracts';
import type { FieldIssue } from '../../api/errors';
import type { PolicyMode } from './PolicyBuilder';
import { policyJsonOf } from './PolicyBuilder';
import { EMPTY_POLICY_FORM, fromPolicy, type PolicyForm } from './policy-form';
import { fromPrice, toPriceInput, type PriceForm } from './price-form';

/** The wizard's one form across its steps. */
export interface WizardValues {
  resourceIds: string[];
  title: string;
  summary: string;
  description: string;
  sector: string;
  region: string;
  boards: string[];
  scenarios: { title?: string; description?: string }[];
  deliveryModes: DeliveryMode[];
  policyMode: PolicyMode;
  policy: PolicyForm;
  policyJson?: string;
  price: PriceForm;
  commitments: Partial<Record<Commitment, boolean>>;
  statement?: string;
  licence?: { seats?: number | null; exclusive?: boolean };
}

export const WIZARD_STEPS = ['basics', 'delivery', 'policy', 'price', 'declarations', 'submit'] as const;
export const SUBMIT_STEP = WIZARD_STEPS.length - 1;

/** The form fields each editing step validates before moving on. */
export const STEP_FIELDS: string[][] = [
  ['resourceIds', 'title', 'summary', 'description', 'sector', 'region', 'boards', 'scenarios'],
  ['deliveryModes'],
  ['policy', 'policyJson'],
  ['price', 'licence'],
  ['commitments', 'statement'],
];

export const NEW_VALUES: Partial<WizardValues> = {
  scenarios: [{}],
  deliveryModes: [],
  policyMode: 'builder',
  policy: EMPTY_POLICY_FORM,
  price: {},
  commitments: {},
};

export function valuesOf(p: Product): WizardValues {
  const checked = p.policy ? validatePolicy(p.policy) : null;
  const built = checked?.ok ? fromPolicy(checked.policy) : null;
  return {
    resourceIds: p.resources.map((r) => r.id),
    title: p.title,
    summary: p.summary,
    description: p.description,
    sector: p.sector,
    region: p.region,
    boards: p.boards.map((b) => b.code),
    scenarios: p.scenarios,
    deliveryModes: p.deliveryModes,
    policyMode: p.policy && !built ? 'json' : 'builder',
    policy: built ?? EMPTY_POLICY_FORM,
    policyJson: p.policy ? JSON.stringify(p.policy, null, 2) : undefined,
    price: fromPrice(p.priceModel),
    commitments: p.declaration.commitments,
    statement: p.declaration.statement ?? undefined,
    licence: { seats: p.licence.seats, exclusive: p.licence.exclusive },
  };
}

/** The body the API takes; `policy: undefined` when the JSON typed in is not JSON at all. */
export function bodyOf(
  v: WizardValues,
): Omit<ProductBody, 'policy'> & { policy: Record<string, unknown> | null | undefined } {
  return {
    title: v.title,
    summary: v.summary,
    description: v.description,
    sector: v.sector,
    region: v.region?.trim(),
    resourceIds: v.resourceIds ?? [],
    deliveryModes: v.deliveryModes ?? [],
    boards: v.boards ?? [],
    priceModel: toPriceInput(v.price),
    policy: policyJsonOf(v.policyMode ?? 'builder', v.policy, v.policyJson),
    scenarios: (v.scenarios ?? [])
      .filter((s) => s?.title || s?.description)
      .map((s) => ({ title: s.title ?? '', description: s.description ?? '' })),
    commitments: Object.fromEntries(COMMITMENTS.map((c) => [c, !!v.commitments?.[c]])) as Record<
      Commitment,
      boolean
    >,
    statement: v.statement?.trim() || null,
    licence: {
      seats: v.licence?.exclusive ? null : (v.licence?.seats ?? null),
      exclusive: !!v.licence?.exclusive,
    },
  };
}

const RENAMED: Record<string, string> = { amountFen: 'amountYuan', unitFen: 'unitYuan' };

/** A field the server named, as the form names it (the price is typed in yuan under `price`). */
export function formPathOf(path: (string | number)[]): (string | number)[] {
  if (path[0] === 'priceModel') return ['price', ...path.slice(1).map((s) => RENAMED[s] ?? s)];
  return path;
}

/** The step that holds a field. */
export function stepOfField(path: (string | number)[]): number {
  const head = String(path[0]);
  const i = STEP_FIELDS.findIndex((names) => names.includes(head));
  return i < 0 ? 0 : i;
}

export const stepOfIssues = (issues: FieldIssue[]) =>
  issues.length ? Math.min(...issues.map((i) => stepOfField(formPathOf(i.path)))) : null;
