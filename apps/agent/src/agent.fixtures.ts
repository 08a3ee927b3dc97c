import type { CreatedAgent, Dataset, ReleasePolicy } from '@shuliu/contracts';
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
