import { AgentsService } from './agents.service.js';
import type { ComputeDeps } from './compute.support.js';
import { DatasetsService } from './datasets.service.js';
import { JobsService } from './jobs.service.js';

/** Builds the compute domain's services: agents and their machine identity, the datasets they hold, and jobs. */
export function createCompute(deps: ComputeDeps) {
  const agents = new AgentsService(deps);
  const datasets = new DatasetsService(deps);
  agents.onRevoked = (tx, agentId, at) => datasets.withdrawAll(tx, agentId, at);
  const jobs = new JobsService(deps);
  return { agents, datasets, jobs };
}
export type ComputeServices = ReturnType<typeof createCompute>;
