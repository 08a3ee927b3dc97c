import { z } from 'zod';
import { ErrorCodeSchema } from './errors.js';

/** The one error shape every failing request returns (DESIGN.md §4). */
export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = (prefix: string) =>
  z
    .string()
    .max(prefix.length + 27)
    .regex(new RegExp(`^${prefix}_[0-9a-z]{26}$`), `must be a ${prefix}_ id`)
    .describe(`${prefix}_… identifier`);

/** A map of at most `max` entries: the check enforces it, the JSON Schema says it as `maxProperties`. */
export const atMostKeys = <T extends z.ZodType<Record<string, unknown>>>(schema: T, max: number) =>
  schema
    .refine((o) => Object.keys(o).length <= max, `must have at most ${max} entries`)
    .meta({ maxProperties: max });

export const IdParams = (prefix: string) => z.strictObject({ id: Id(prefix) });

export const Timestamp = z.string().describe('ISO 8601 UTC');

/** Text a person writes: trimmed, not empty, at most `max` characters. */
export const Text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const PageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const paged = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

export const Ok = z.object({ ok: z.literal(true) });

/** A query-string boolean: `true`/`false`/`1`/`0`. */
export const QueryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** An SM3 digest, and an SM2 signature r ‖ s, as agents send them: lower-case hex. */
export const Sm3Hex = z
  .string()
  .max(64)
  .regex(/^[0-9a-f]{64}$/, 'must be SM3 in lower-case hex');
export const Sm2SignatureHex = z
  .string()
  .max(128)
  .regex(/^[0-9a-f]{128}$/, 'must be an SM2 signature r ‖ s in lower-case hex');
