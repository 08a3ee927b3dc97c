import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing.js';

/** Security issue 14.7: every string and array a caller can send has a bound in the contract. */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ demo: false });
});
afterAll(() => t.close());

type Schema = Record<string, unknown>;
type Doc = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; schema?: Schema }[];
        requestBody?: { content: Record<string, { schema?: Schema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
};

/** Where a schema lets a string or an array grow without limit, as JSON paths. */
function unbounded(doc: Doc, s: unknown, at: string, seen = new Set<unknown>()): string[] {
  if (!s || typeof s !== 'object' || seen.has(s)) return [];
  seen.add(s);
  const node = s as Schema;
  if (typeof node.$ref === 'string') {
    const name = node.$ref.replace('#/components/schemas/', '');
    return unbounded(doc, doc.components?.schemas?.[name], at, seen);
  }
  const out: string[] = [];
  const types = Array.isArray(node.type) ? node.type : [node.type];
  const fixed = 'enum' in node || 'const' in node;
  if (types.includes('string') && !fixed && node.maxLength === undefined && node.format !== 'binary')
    out.push(at);
  if (types.includes('array') && node.maxItems === undefined && !Array.isArray(node.prefixItems))
    out.push(at);
  for (const [k, v] of Object.entries(node.properties ?? {}))
    out.push(...unbounded(doc, v, `${at}.${k}`, seen));
  if (node.items) out.push(...unbounded(doc, node.items, `${at}[]`, seen));
  if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    if (node.maxProperties === undefined) out.push(`${at}{}`);
    out.push(...unbounded(doc, node.additionalProperties, `${at}{}`, seen));
  }
  for (const k of ['anyOf', 'oneOf', 'allOf'])
    for (const [i, v] of ((node[k] as unknown[]) ?? []).entries())
      out.push(...unbounded(doc, v, `${at}<${i}>`, seen));
  return out;
}

describe('contract bounds', () => {
  it('no request parameter or body holds an unbounded string, array or map', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as Doc;
    const found: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        for (const p of op.parameters ?? [])
          found.push(...unbounded(doc, p.schema, `${where} ${p.in}.${p.name}`));
        for (const c of Object.values(op.requestBody?.content ?? {}))
          found.push(...unbounded(doc, c.schema, `${where} body`));
      }
    expect(found).toEqual([]);
  });
});
