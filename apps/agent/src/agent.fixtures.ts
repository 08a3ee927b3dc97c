import type { CreatedAgent, Dataset, ReleasePolicy } from '@shuliu/contracts';
import { expect } from 'vitest';
import { crypto } from '@shuliu/core';
import type { TestServer } from '@shuliu/server';
import { DomainAgent, type HeldDataset } from './agent.js';

/**
 * An agent of `admin`'s org on a listening test server: registered, enrolled with a fresh SM2 key and
 * reporting `datasets` (each given `policy` when one is named). Returns the agent and its datasets' ids by name.
 */
export async function enrolledAgent(
  t: TestServer & { url: string },
  admin: string,
  datasets: HeldDataset[],
  policy?: ReleasePolicy,
) {
  const must = async <T>(method: string, url: string, body: unknown) => {
    const r = await t.call<T>(method, url, admin, body);
    if (r.status >= 300)
      throw new Error(`${method} ${url} as ${admin}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const made = await must<CreatedAgent>('POST', '/api/compute/agents', {
    name: `agent_${admin}_${Date.now() % 1_000_000}_${Math.floor(Math.random() * 1000)}`,
  });
  const signer = crypto.Sm2Signer.generate();
  await must('POST', '/api/compute/agent/enrol', {
    agentId: made.id,
    code: made.enrolmentCode,
    publicKey: signer.publicKeyHex,
  });
  const agent = new DomainAgent({ platformUrl: t.url, agentId: made.id, signer, datasets, pollMs: 100 });
  const { items } = await agent.report();
  if (policy)
    for (const d of items) await must<Dataset>('PUT', `/api/compute/datasets/${d.id}/policy`, policy);
  return { agent, ids: Object.fromEntries(items.map((d) => [d.name, d.id])) as Record<string, string> };
}

/**
 * A release policy for a test: one row per unit, k 10, Laplace noise, ε 10 in all at 1 a query, half of it for
 * each consumer, released without review — and `over` on top.
 */
export const releasePolicy = (
  over: Partial<ReleasePolicy> & Pick<ReleasePolicy, 'privacyUnit'>,
): ReleasePolicy => ({
  maxContributions: 1,
  k: 10,
  bounds: {},
  joinKeys: [],
  mechanism: 'laplace',
  epsilonTotal: 10,
  deltaTotal: 0,
  consumerShare: 0.5,
  epsilonPerQuery: 1,
  manualRelease: false,
  ...over,
});

/** A call as `as` that must succeed (a status below 300): its body. */
export async function must<T>(
  t: TestServer,
  method: string,
  url: string,
  as: string,
  body?: unknown,
): Promise<T> {
  const r = await t.call<T>(method, url, as, body);
  expect(r.status, `${method} ${url} as ${as}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
  return r.body;
}
