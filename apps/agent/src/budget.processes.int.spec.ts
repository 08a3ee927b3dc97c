import type { Dataset, Paged, ReleasePolicy } from '@shuliu/contracts';
import { demo } from '@shuliu/core';
import { testDbKind } from '@shuliu/core/testing';
import { useTwoServers } from '@shuliu/server/testing-hooks';
import { describe, expect, it } from 'vitest';

// Two processes on one database need PostgreSQL: PGlite is one process by design.
describe.runIf(testDbKind() === 'postgres')('a dataset’s privacy budget across two server processes', () => {
  const servers = useTwoServers();

  it('20 jobs submitted at once on both processes reserve exactly the budget left for 3', async () => {
    const { a, b } = servers();
    const login = await fetch(`${a.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'merchant', password: demo.DEMO_PASSWORD }),
    });
    const token = ((await login.json()) as { token: string }).token;
    const send = async <T>(base: string, method: string, path: string, body?: unknown) => {
      const r = await fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { status: r.status, body: (await r.json()) as T & { error?: { code: string } } };
    };
    // the demo's credit profiles, held by 齐鲁数据's agent
    const mine = await send<Paged<Dataset>>(a.base, 'GET', '/api/compute/datasets?mine=true');
    const d = mine.body.items.find((x) => x.name === demo.DEMO_DATASET)!;
    const policy: ReleasePolicy = { ...d.policy!, epsilonTotal: d.epsilonSpent + 3, epsilonPerQuery: 1 };
    expect((await send(b.base, 'PUT', `/api/compute/datasets/${d.id}/policy`, policy)).status).toBe(200);

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send(i % 2 ? a.base : b.base, 'POST', '/api/compute/jobs', {
          datasetId: d.id,
          sql: `SELECT count(*) AS n FROM ${demo.DEMO_DATASET}`,
        }),
      ),
    );
    expect(answers.filter((r) => r.status === 202)).toHaveLength(3);
    expect(answers.filter((r) => r.status !== 202).map((r) => r.body.error?.code)).toEqual(
      Array(17).fill('COMPUTE_BUDGET_EXHAUSTED'),
    );
    const after = await send<Dataset>(b.base, 'GET', `/api/compute/datasets/${d.id}`);
    expect(after.body.epsilonSpent).toBeCloseTo(policy.epsilonTotal, 9);
    expect(after.body.epsilonRemaining).toBeCloseTo(0, 9);
  }, 180_000);
});
