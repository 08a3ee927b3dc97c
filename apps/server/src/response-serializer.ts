import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type Serializer = (data: unknown) => string;
type JsonSchema = Record<string, unknown>;
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  values?: unknown[];
  checks?: { _zod: { def: { check: string } } }[];
}

const defOf = (s: z.ZodType) => s._zod.def as unknown as Def;

/** Zod types whose encoding is the value itself, so that a JSON Schema describes their output exactly. */
const PLAIN = new Set(['string', 'number', 'boolean', 'null', 'enum', 'unknown', 'any']);

/**
 * Whether writing only the declared properties of `s` gives what zod's encoding gives. Anything that changes
 * a value (transforms, pipes, codecs, `catch`, `overwrite`) or that JSON Schema cannot say (dates, z.custom,
 * lazy) is not; nor is a refinement inside a union, where it decides which branch a value takes.
 */
function faithful(s: z.ZodType, inUnion = false): boolean {
  const d = defOf(s);
  for (const c of d.checks ?? []) {
    const kind = c._zod.def.check;
    if (kind === 'overwrite' || (kind === 'custom' && inUnion)) return false;
  }
  if (PLAIN.has(d.type)) return true;
  switch (d.type) {
    case 'literal':
      return d.values!.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
    case 'object':
      return (
        Object.values(d.shape!).every((v) => faithful(v, inUnion)) &&
        (!d.catchall || defOf(d.catchall).type === 'never' || faithful(d.catchall, inUnion))
      );
    case 'array':
      return faithful(d.element!, inUnion);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return faithful(d.innerType!, inUnion);
    case 'union':
      return d.options!.every((o) => faithful(o, true));
    case 'record':
      return faithful(d.keyType!, inUnion) && faithful(d.valueType!, inUnion);
    default:
      return false;
  }
}

/** Whether zod lets a property be absent: then fast-json-stringify must not call it required. */
const mayBeAbsent = (s: z.ZodType) => z.safeEncode(s, undefined).success;

/**
 * Adjusts the JSON Schema zod writes (which describes what a *validator* should accept) to what the
 * serializer must do: a plain `z.object` drops unknown keys rather than refusing them, so it has no
 * `additionalProperties: false` (fast-json-stringify writes declared properties only, and a union's branch
 * is then chosen as zod chooses it); a property that accepts `undefined` is not required.
 */
function forSerializing(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }) {
  const d = defOf(ctx.zodSchema as z.ZodType);
  if (d.type === 'object') {
    if (!d.catchall) delete ctx.jsonSchema.additionalProperties;
    const required = (ctx.jsonSchema.required as string[] | undefined)?.filter(
      (k) => !mayBeAbsent(d.shape![k]!),
    );
    if (required?.length) ctx.jsonSchema.required = required;
    else delete ctx.jsonSchema.required;
  }
}

/**
 * `X | null`, which zod writes as `anyOf: [X, {type: "null"}]`, as `X` with `nullable: true`: for an `anyOf`
 * fast-json-stringify validates the value against each branch to choose one, while `nullable` is one check.
 */
function nullableInPlace(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(nullableInPlace);
  const js = node as JsonSchema;
  for (const v of Object.values(js)) nullableInPlace(v);
  const anyOf = js.anyOf as JsonSchema[] | undefined;
  const isNull = (b: JsonSchema) => b.type === 'null' && Object.keys(b).length === 1;
  if (anyOf?.length !== 2 || !anyOf.some(isNull)) return;
  const value = anyOf.find((b) => !isNull(b))!;
  if ('$ref' in value || 'anyOf' in value || 'oneOf' in value) return;
  delete js.anyOf;
  Object.assign(js, value, { nullable: true });
}

/** fast-json-stringify over `s`'s JSON Schema, or null when that would not write what zod writes. */
function compileFast(s: z.ZodType): Serializer | null {
  if (!faithful(s)) return null;
  let schema: JsonSchema;
  try {
    schema = z.toJSONSchema(s, {
      io: 'output',
      target: 'draft-7',
      unrepresentable: 'throw',
      cycles: 'throw',
      reused: 'inline',
      override: forSerializing,
    }) as JsonSchema;
  } catch {
    return null;
  }
  nullableInPlace(schema);
  return fastJson(schema as unknown as Parameters<typeof fastJson>[0]) as Serializer;
}

const compiled = new WeakMap<z.ZodType, Serializer | null>();

/** The fast serializer of a response schema, compiled once however many routes and statuses share it. */
export function fastSerializer(s: z.ZodType): Serializer | null {
  if (!compiled.has(s)) compiled.set(s, compileFast(s));
  return compiled.get(s)!;
}

/**
 * Fastify's response serializer: each route's zod response schema compiled once to fast-json-stringify,
 * which writes only the declared properties — unlisted fields never leave, as with zod — without parsing
 * every answer through zod first. A schema whose output JSON Schema cannot describe exactly (see
 * `faithful`) keeps zod's own serializer.
 */
export const serializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const schema = route.schema;
  const fast = schema instanceof z.ZodType ? fastSerializer(schema) : null;
  return fast ?? (zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]) as Serializer);
};
