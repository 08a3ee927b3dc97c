import {
  isThirdParty as thirdPartyOf,
  isUnjustified,
  pipiaReasons as reasonsOf,
  type PipiaReason,
  type Scenario,
  type ScenarioField,
  type ScenarioVersion,
} from '@shuliu/contracts';

// The review's rules come from the contracts (the server applies the same ones); these adapt them to the page's shapes.
export { isSensitive, needsSeparateConsent, type PipiaReason } from '@shuliu/contracts';

/** PIPL Art. 6 (最小且必要): a field without a justification is struck by the review. */
export const unjustified = (f: { justification?: string | null }) => isUnjustified(f.justification);

/** PIPL Art. 23: a recipient other than the registering org is provision to a third party. */
export const isThirdParty = (s: Pick<Scenario, 'orgName'>, v: Pick<ScenarioVersion, 'recipient'>) =>
  thirdPartyOf(s.orgName, v.recipient);

/** PIPL Art. 55: why a version needs an impact assessment, given the fields that stay after the review. */
export const pipiaReasons = (
  s: Pick<Scenario, 'orgName'>,
  v: Pick<ScenarioVersion, 'recipient' | 'crossBorder' | 'automatedDecision'>,
  kept: Pick<ScenarioField, 'category'>[],
): PipiaReason[] =>
  reasonsOf({
    keptCategories: kept.map((f) => f.category),
    thirdParty: isThirdParty(s, v),
    crossBorder: v.crossBorder,
    automatedDecision: v.automatedDecision,
  });

const TERMS = [
  'purpose',
  'legalBasis',
  'recipient',
  'processingMethod',
  'retentionDays',
  'crossBorder',
  'automatedDecision',
] as const;
export type Term = (typeof TERMS)[number];

export interface VersionChanges {
  terms: Term[];
  added: string[];
  removed: string[];
  changed: string[];
}

/** What a version changed against the one before it (PIPL Art. 14: such a change needs new consent). */
export function versionChanges(v: ScenarioVersion, prev: ScenarioVersion): VersionChanges {
  const before = new Map(prev.fields.map((f) => [f.name, f]));
  const after = new Set(v.fields.map((f) => f.name));
  return {
    terms: TERMS.filter((k) => v[k] !== prev[k]),
    added: v.fields.filter((f) => !before.has(f.name)).map((f) => f.label),
    removed: prev.fields.filter((f) => !after.has(f.name)).map((f) => f.label),
    changed: v.fields
      .filter((f) => {
        const p = before.get(f.name);
        return !!p && (p.category !== f.category || p.required !== f.required || p.label !== f.label);
      })
      .map((f) => f.label),
  };
}

export const hasChanges = (c: VersionChanges) =>
  c.terms.length + c.added.length + c.removed.length + c.changed.length > 0;
