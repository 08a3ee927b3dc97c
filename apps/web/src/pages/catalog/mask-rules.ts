import type { ColumnProfile, FileProfile } from '@shuliu/contracts';

/** One column's masking rule, as packages/core/src/protect/protect.schema.ts defines it (the server validates). */
export type MaskRule = { strategy: string } & Record<string, unknown>;
export type MaskRules = Record<string, MaskRule>;

export const STRATEGIES = [
  'keep',
  'mask',
  'pseudonymize',
  'hash',
  'generalize',
  'suppress',
  'round',
  'noise',
] as const;
export const MASK_FORMATS = [
  'name',
  'mobile',
  'idCard',
  'bankCard',
  'address',
  'email',
  'plate',
  'ip',
  'partial',
] as const;
export const ID_CARD_KEEPS = ['1+2', '6+4', '3+4'] as const;
export const GENERALIZE_METHODS = ['band', 'date', 'prefix'] as const;

const FORMAT_OF_KIND: Record<string, string> = {
  name: 'name',
  mobile: 'mobile',
  idCard: 'idCard',
  bankCard: 'bankCard',
  address: 'address',
  email: 'email',
  plate: 'plate',
  ip: 'ip',
};

const numeric = (c: Pick<ColumnProfile, 'type'>) => c.type === 'integer' || c.type === 'decimal';

/** The rule a strategy starts with when the user picks it for a column (sensible options for its kind). */
export function starterRule(strategy: string, c: Pick<ColumnProfile, 'type' | 'pii'>): MaskRule {
  switch (strategy) {
    case 'mask': {
      const format = FORMAT_OF_KIND[c.pii?.kind ?? ''] ?? 'partial';
      return format === 'partial' ? { strategy, format, keepFirst: 1, keepLast: 1 } : { strategy, format };
    }
    case 'generalize':
      return numeric(c) ? { strategy, method: 'band', width: 10 } : { strategy, method: 'prefix', keep: 3 };
    case 'round':
      return { strategy, step: 10 };
    case 'noise':
      return { strategy, scale: 1, distribution: 'laplace' };
    default:
      return { strategy };
  }
}

/** Each column's rule as detection suggests (its default rule), or keep when nothing was detected. */
export function defaultRules(profile: FileProfile): MaskRules {
  return Object.fromEntries(
    profile.columns.map((c) => [c.name, (c.defaultRule as MaskRule | null) ?? { strategy: 'keep' }]),
  );
}

/** Drops options left empty in the form, so that the server's defaults apply. */
export function cleanRule(rule: MaskRule): MaskRule {
  const out: MaskRule = { strategy: rule.strategy };
  for (const [k, v] of Object.entries(rule)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

export function cleanRules(rules: MaskRules): MaskRules {
  return Object.fromEntries(Object.entries(rules).map(([k, r]) => [k, cleanRule(r)]));
}
