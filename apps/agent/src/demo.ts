import { demo, type Services } from '@shuliu/core';
import { DomainAgent, type HeldDataset } from './agent.js';

/** The demo's agents: each org's node, the dataset it holds in memory (its "domain") and the key it enrolled. */
const DEMO_AGENTS = [
  {
    name: demo.DEMO_AGENT_NAME,
    admin: 'merchant',
    dataset: demo.DEMO_DATASET,
    title: '企业信用画像（月度）',
    columns: demo.DEMO_DATASET_COLUMNS,
    rows: demo.demoCreditProfiles,
  },
  {
    name: demo.DEMO_APPLICANTS_AGENT_NAME,
    admin: 'quancheng',
    dataset: demo.DEMO_APPLICANTS,
    title: '贷款申请企业名单',
    columns: demo.DEMO_APPLICANTS_COLUMNS,
    rows: demo.demoLoanApplicants,
  },
];

/** The demo's running agents, stopped together. */
export interface DemoAgents {
  agents: DomainAgent[];
  stop(): Promise<void>;
}

/**
 * The demo's agents, started beside `shuliu serve --demo`: 齐鲁数据's compute node with its credit profiles and
 * 泉城数智's with its loan applicants, signing with the keys the demo enrolled. They call the platform over
 * HTTP like any agent, so the demo shows the whole path (a PSI job passes between the two); null when the
 * database holds no demo agent.
 */
export async function startDemoAgent(
  server: { url: string; services: Services },
  log?: (line: string) => void,
): Promise<DemoAgents | null> {
  const agents: DomainAgent[] = [];
  for (const a of DEMO_AGENTS) {
    const found = await demo.demoAgent(server.services, a.name, a.admin);
    if (!found) continue;
    const reported = found.datasets.find((d) => d.name === a.dataset);
    const held: HeldDataset = {
      name: a.dataset,
      title: reported?.title ?? a.title,
      ...(reported?.resourceId && { resourceId: reported.resourceId }),
      columns: a.columns,
      source: { rows: a.rows() },
    };
    const agent = new DomainAgent({
      platformUrl: server.url,
      agentId: found.agent.id,
      signer: demo.demoAgentSigner(server.services, a.name),
      datasets: [held],
      pollMs: 2000,
      log,
    });
    await agent.start();
    agents.push(agent);
  }
  if (!agents.length) return null;
  return { agents, stop: async () => void (await Promise.all(agents.map((a) => a.stop()))) };
}
