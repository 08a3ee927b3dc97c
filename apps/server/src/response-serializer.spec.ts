import {
  api,
  ErrorBody,
  GradingSettings,
  Me,
  orgCodeCheckChar,
  usccCheckChar,
  type RouteContract,
} from '@shuliu/contracts';
import { settings } from '@shuliu/core';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastSerializer, serializerCompiler } from './response-serializer.js';

type Serialize = (data: unknown) => string;
const UNLISTED = '__unlisted';

const usccBody = '91110000' + 'MA01ABCD';
const usccFirst17 = usccBody + orgCodeCheckChar(usccBody.slice(8));
/** Strings tried in turn for a string schema: the first its checks accept is used. */
const STRINGS = [
  'plain text',
  'health',
  'transport.road',
  'SD-DR',
  'a@example.cn',
  '13800138000',
  '110101',
  usccFirst17 + usccCheckChar(usccFirst17),
  '2026-01-02T03:04:05.000Z',
  '2026-01-02',
  'https://example.cn/x',
  '2026-01-02',
  'HT-2026-000001',
  '2026-11',
];

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
  entries?: Record<string, string | number>;
  pattern?: RegExp;
  checks?: { _zod: { def: { pattern?: RegExp } } }[];
}
/** Values for schemas whose refinements a generated sample would not meet. */
const FIXTURES = new Map<z.ZodType, unknown>([[GradingSettings, settings.DEFAULT_GRADING]]);

const defOf = (s: z.ZodType) => s._zod.def as unknown as Def;
const accepts = (s: z.ZodType, v: unknown) => z.safeEncode(s, v as never).success;

function sampleString(s: z.ZodType, path: string): string {
  const patterns = [defOf(s).pattern, ...(defOf(s).checks ?? []).map((c) => c._zod.def.pattern)];
  const derived = patterns.flatMap((p) => {
    const id = p && /^\^(\w+)_\[0-9a-z\]\{26\}\$$/.exec(p.source);
    const hex = p && /^\^\[0-9a-f\]\{(\d+)\}\$$/.exec(p.source);
    return id ? [`${id[1]}_${'0'.repeat(26)}`] : hex ? ['a'.repeat(Number(hex[1]))] : [];
  });
  const found = [...derived, ...STRINGS].find((c) => accepts(s, c));
  if (found === undefined) throw new Error(`no sample string for ${path}: add one to STRINGS`);
  return found;
}

/**
 * A value `s` accepts, with an unlisted property on every object that would drop it. `variant` picks union
 * branches, enum members and null for nullables; `full` includes optional properties.
 */
function sample(s: z.ZodType, variant: number, full: boolean, path: string): unknown {
  if (FIXTURES.has(s)) return structuredClone(FIXTURES.get(s));
  const d = defOf(s);
  const at = (seg: string | number) => `${path}.${seg}`;
  switch (d.type) {
    case 'string':
      return sampleString(s, path);
    case 'number':
      return [3, 1, 0, 2026, 0.5].find((n) => accepts(s, n));
    case 'boolean':
      return variant % 2 === 0;
    case 'null':
      return null;
    case 'unknown':
    case 'any':
      // zod lets an unknown property be undefined (not absent), optional or not
      return full ? { free: [variant, 'form', { [UNLISTED]: true }] } : undefined;
    case 'literal':
      return d.values![variant % d.values!.length];
    case 'enum': {
      const members = Object.values(d.entries!);
      return members[variant % members.length];
    }
    case 'optional':
      return full ? sample(d.innerType!, variant, full, path) : undefined;
    case 'nullable':
      return variant % 2 === 1 ? null : sample(d.innerType!, variant, full, path);
    case 'default':
    case 'readonly':
      return sample(d.innerType!, variant, full, path);
    case 'array':
      return [0, 1].map((i) => sample(d.element!, variant + i, full, at(i)));
    case 'union':
      return sample(d.options![variant % d.options!.length]!, variant, full, path);
    case 'record':
      return recordSample(d, variant, full, path);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape!)) {
        const value = sample(v, variant, full, at(k));
        if (value !== undefined || defOf(v).type !== 'optional') out[k] = value;
      }
      // a plain object drops what it does not list, a loose one passes it on; a strict one refuses it (zod's
      // encode fails), so it gets none
      if (!d.catchall) out[UNLISTED] = 'must not leak';
      else if (defOf(d.catchall).type !== 'never') out[UNLISTED] = 'passed on';
      return out;
    }
    default:
      throw new Error(`no sample for a ${d.type} at ${path}`);
  }
}

function recordSample(d: Def, variant: number, full: boolean, path: string) {
  const keyDef = defOf(d.keyType!);
  // zod's record over an enum needs every member
  const keys =
    keyDef.type === 'enum'
      ? Object.values(keyDef.entries!).map(String)
      : [sampleString(d.keyType!, `${path}{key}`)];
  return Object.fromEntries(keys.map((k) => [k, sample(d.valueType!, variant, full, `${path}.${k}`)]));
}

/** Both serializers' answers to every sample of `s`, as parsed JSON. */
function serializeBoth(s: z.ZodType, fast: Serialize, label: string) {
  const slow = zodSerializerCompiler({ schema: s, method: 'GET', url: label }) as Serialize;
  const pairs: { value: unknown; zod: unknown; fast: unknown }[] = [];
  for (const full of [true, false]) {
    for (let variant = 0; variant < 4; variant++) {
      const value = sample(s, variant, full, label);
      pairs.push({ value, zod: JSON.parse(slow(value)), fast: JSON.parse(fast(value)) });
    }
  }
  return pairs;
}

const SINK = z.object({
  nested: z.object({ deeper: z.object({ x: z.string() }), list: z.array(z.object({ y: z.number() })) }),
  strict: z.strictObject({ a: z.string() }),
  loose: z.looseObject({ b: z.string() }),
  nullable: z.object({ c: z.string() }).nullable(),
  maybe: z.unknown(),
  opt: z.string().optional(),
  byName: z.record(z.string(), z.object({ d: z.boolean() })),
  byKind: z.record(z.enum(['p', 'q']), z.array(z.string())),
  choice: z.union([z.object({ e: z.literal(1), f: z.string() }), z.object({ g: z.number() })]),
  tagged: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('a'), h: z.string() }),
    z.object({ kind: z.literal('b'), i: z.array(z.number()).nullable() }),
  ]),
  detail: z.unknown().optional(),
});

const routes = Object.values(api).flatMap((area) => Object.values(area) as RouteContract[]);
const schemas = new Map<z.ZodType, string>([
  [SINK, 'nested objects, arrays, unions, nullables, records'],
  [ErrorBody, 'ErrorBody'],
]);
for (const r of routes)
  if (!r.download && !schemas.has(r.response)) schemas.set(r.response, `${r.method} ${r.path}`);

describe('response serializer', () => {
  it('knows every route of the contracts', () => {
    expect(routes.length).toBeGreaterThan(100);
    for (const r of routes) expect(r.path, JSON.stringify(r)).toMatch(/^\/api\//);
  });

  it('serializes GET /api/me, the error shape and most responses without zod', () => {
    expect(fastSerializer(Me)).not.toBeNull();
    expect(fastSerializer(ErrorBody)).not.toBeNull();
    expect(fastSerializer(SINK)).not.toBeNull();
    const fast = [...schemas.keys()].filter((s) => fastSerializer(s));
    expect(fast.length / schemas.size).toBeGreaterThan(0.8);
  });

  it.each([...schemas].map(([s, label]) => ({ s, label })))(
    'writes what zod writes: $label',
    ({ s, label }) => {
      const serialize = serializerCompiler({ schema: s, method: 'GET', url: label }) as Serialize;
      for (const { value, zod, fast } of serializeBoth(s, serialize, label)) {
        expect(fast, JSON.stringify(value)).toEqual(zod);
        expect(JSON.stringify(fast)).not.toContain('must not leak');
      }
    },
  );

  it('would notice a serializer that lets unlisted properties out', () => {
    const leaks = serializeBoth(Me, JSON.stringify, 'GET /api/me');
    expect(leaks.some(({ zod, fast }) => JSON.stringify(zod) !== JSON.stringify(fast))).toBe(true);
  });
});
