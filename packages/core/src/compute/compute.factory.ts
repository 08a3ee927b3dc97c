import { AgentsService } from './agents.service.js';
import type { ComputeDeps } from './compute.support.js';
import { DatasetsService } from './datasets.service.js';

/** Builds the compute domain's services: agents and their machine identity, and the datasets they hold. */
export function createCompute(deps: ComputeDeps) {
  const agents = new AgentsService(deps);
  const datasets = new DatasetsService(deps);
  agents.onRevoked = (tx, agentId, at) => datasets.withdrawAll(tx, agentId, at);
  return { agents, datasets };
}
export type ComputeServices = ReturnType<typeof createCompute>;
