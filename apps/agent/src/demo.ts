import { demo, type Services } from '@shuliu/core';
import { DomainAgent } from './agent.js';

/**
 * The demo's agent, started beside `shuliu serve --demo`: 齐鲁数据's compute node with its credit profiles in
 * memory (its "domain"), signing with the key the demo enrolled. It calls the platform over HTTP like any
 * agent, so the demo shows the whole path; null when the database holds no demo agent.
 */
export async function startDemoAgent(
  server: { url: string; services: Services },
  log?: (line: string) => void,
) {
  const found = await demo.demoAgent(server.services);
  if (!found) return null;
  const reported = found.datasets.find((d) => d.name === demo.DEMO_DATASET);
  const agent = new DomainAgent({
    platformUrl: server.url,
    agentId: found.agent.id,
    signer: demo.demoAgentSigner(server.services),
    datasets: [
      {
        name: demo.DEMO_DATASET,
        title: reported?.title ?? '企业信用画像（月度）',
        ...(reported?.resourceId && { resourceId: reported.resourceId }),
        columns: demo.DEMO_DATASET_COLUMNS,
        source: { rows: demo.demoCreditProfiles() },
      },
    ],
    pollMs: 2000,
    log,
  });
  await agent.start();
  return agent;
}
