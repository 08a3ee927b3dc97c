import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing.js';

type Access = 'public' | 'authenticated' | { roles: string[] };
interface Operation {
  method: string;
  path: string;
  access: Access | undefined;
  params: { name: string; in: string; schema?: { pattern?: string } }[];
}

/** Demo users and their roles; `yantai` is an applicant still under review and holds none. */
const USERS: Record<string, string[]> = {
  yantai: [],
  merchant2: ['merchant'],
  buyer2: ['buyer'],
  'qilu-agent': ['agent'],
  certifier: ['provider', 'org_admin'],
  authority: ['authority', 'org_admin'],
  regulator: ['regulator', 'org_admin'],
  reviewer: ['operator'],
};

let t: TestServer;
let operations: Operation[];
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer();
  const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { 'x-access'?: Access; parameters?: Operation['params'] }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      access: op['x-access'],
      params: op.parameters ?? [],
    })),
  );
  for (const u of Object.keys(USERS)) tokens[u] = await t.login(u);
});
afterAll(() => t.close());

/** Fills `{id}` with a well-formed id of the right prefix, so the answer is about access, not validation. */
function concrete(op: Operation): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const pattern = op.params.find((p) => p.in === 'path' && p.name === name)?.schema?.pattern ?? '';
    const prefix = /\^(\w+)_/.exec(pattern)?.[1] ?? 'x';
    return `${prefix}_${'0'.repeat(26)}`;
  });
}

const call = (op: Operation, token?: string) =>
  t.app.inject({
    method: op.method as 'GET',
    url: concrete(op),
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(op.method !== 'GET' && op.method !== 'DELETE' && { payload: {} }),
  });

describe('authorization matrix over every route of the OpenAPI document', () => {
  it('finds the routes, and every one declares who may call it', () => {
    expect(operations.length).toBeGreaterThan(20);
    const undeclared = operations
      .filter((op) => op.access === undefined)
      .map((op) => `${op.method} ${op.path}`);
    expect(undeclared).toEqual([]);
  });

  it('answers 401 with the error shape to anonymous callers on every protected route', async () => {
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.access !== 'public')) {
      const res = await call(op);
      if (
        res.statusCode !== 401 ||
        (res.json() as { error?: { code?: string } }).error?.code !== 'UNAUTHENTICATED'
      ) {
        failures.push(`${op.method} ${op.path} → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 401 to a forged or revoked token', async () => {
    const me = operations.find((o) => o.path === '/api/me')!;
    expect((await call(me, 'sls_forged-token')).statusCode).toBe(401);
    expect((await call(me, 'not-even-a-prefix')).statusCode).toBe(401);
  });

  it('answers 403 on every role-restricted route to a logged-in user without the role', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const op of operations) {
      if (typeof op.access !== 'object') continue;
      const required = op.access.roles;
      for (const [user, roles] of Object.entries(USERS)) {
        if (roles.some((r) => required.includes(r))) continue;
        const res = await call(op, tokens[user]);
        checked++;
        if (res.statusCode !== 403) failures.push(`${op.method} ${op.path} as ${user} → ${res.statusCode}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  });

  it('lets a user with a required role past the access check', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      if (typeof op.access !== 'object') continue;
      const holder = Object.keys(USERS).find((u) =>
        USERS[u]!.some((r) => (op.access as { roles: string[] }).roles.includes(r)),
      );
      if (!holder) continue;
      const res = await call(op, tokens[holder]);
      if (res.statusCode === 401 || res.statusCode === 403)
        failures.push(`${op.method} ${op.path} as ${holder} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});
