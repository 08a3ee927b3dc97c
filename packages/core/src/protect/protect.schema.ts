import { z } from 'zod';
import { RulesInvalid } from './protect.errors.js';

const count = z.number().int().min(0).max(64);
const maskChar = z.string().length(1).optional();

const keep = z.strictObject({ strategy: z.literal('keep') });
const mask = z.strictObject({
  strategy: z.literal('mask'),
  format: z.enum(['name', 'mobile', 'idCard', 'bankCard', 'address', 'email', 'plate', 'ip', 'partial']),
  /** ID cards: first 1 + last 2 by default; 6+4 and 3+4 selectable (RULES.md). */
  keep: z.enum(['1+2', '6+4', '3+4']).optional(),
  /** `partial`: how many characters stay visible at each end. */
  keepFirst: count.optional(),
  keepLast: count.optional(),
  maskChar,
});
const pseudonymize = z.strictObject({
  strategy: z.literal('pseudonymize'),
  /** Hex characters of the HMAC-SM3 kept (16 = 64 bits: no collision expected below billions of values). */
  length: z.number().int().min(8).max(64).optional(),
  prefix: z.string().max(32).optional(),
});
const hash = z.strictObject({
  strategy: z.literal('hash'),
  length: z.number().int().min(8).max(64).optional(),
  salt: z.string().max(256).optional(),
});
const generalize = z.discriminatedUnion('method', [
  z.strictObject({
    strategy: z.literal('generalize'),
    method: z.literal('band'),
    width: z.number().positive(),
  }),
  z.strictObject({
    strategy: z.literal('generalize'),
    method: z.literal('date'),
    to: z.enum(['year', 'month']),
  }),
  z.strictObject({
    strategy: z.literal('generalize'),
    method: z.literal('prefix'),
    keep: count,
    fill: z.string().max(1).optional(),
  }),
  z.strictObject({
    strategy: z.literal('generalize'),
    method: z.literal('map'),
    map: z.record(z.string(), z.string().nullable()),
    otherwise: z.string().nullable().optional(),
  }),
]);
const suppress = z.strictObject({
  strategy: z.literal('suppress'),
  replacement: z.string().nullable().optional(),
});
const round = z
  .strictObject({
    strategy: z.literal('round'),
    step: z.number().positive().optional(),
    buckets: z.array(z.number()).min(1).optional(),
  })
  .refine((r) => (r.step === undefined) !== (r.buckets === undefined), {
    message: 'give exactly one of step or buckets',
  })
  .refine((r) => !r.buckets || r.buckets.every((b, i) => i === 0 || b > r.buckets![i - 1]!), {
    message: 'buckets must be strictly increasing',
    path: ['buckets'],
  });
const noise = z.strictObject({
  strategy: z.literal('noise'),
  scale: z.number().positive(),
  distribution: z.enum(['laplace', 'uniform']).optional(),
  decimals: z.number().int().min(0).max(10).optional(),
});

export const ColumnRuleSchema = z.discriminatedUnion('strategy', [
  keep,
  mask,
  pseudonymize,
  hash,
  generalize,
  suppress,
  round,
  noise,
]);
export type ColumnRule = z.infer<typeof ColumnRuleSchema>;
export type MaskFormat = z.infer<typeof mask>['format'];

/** A masking rules document: a strategy per column; columns not named get the detected default. */
export const MaskRulesSchema = z.strictObject({
  /** HMAC-SM3 key for `pseudonymize`, hex (at least 16 bytes); `--key-file` takes precedence. */
  key: z
    .string()
    .regex(/^(?:[0-9a-fA-F]{2}){16,}$/, 'must be hex, at least 32 hex digits (16 bytes)')
    .optional(),
  /** `detected` (default): unnamed columns get the default strategy of their detected kind; `keep`: untouched. */
  defaults: z.enum(['detected', 'keep']).optional(),
  columns: z.record(z.string(), ColumnRuleSchema),
});
export type MaskRules = z.infer<typeof MaskRulesSchema>;

/** Validates a rules document; the error names the first offending field (`rules.columns.age.width: …`). */
export function parseMaskRules(input: unknown): MaskRules {
  const r = MaskRulesSchema.safeParse(input);
  if (r.success) return r.data;
  const issues = r.error.issues.map(
    (i) => `rules${i.path.map((p) => `.${String(p)}`).join('')}: ${i.message}`,
  );
  throw RulesInvalid(issues[0], { issues });
}
