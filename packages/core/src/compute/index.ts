export { createCompute, type ComputeServices } from './compute.factory.js';
export { AgentsService, requireAgent, type AgentRequest } from './agents.service.js';
export { DatasetsService } from './datasets.service.js';
export { policyProblem } from './compute.rules.js';
export { AgentSignatureInvalid } from './compute.errors.js';
export { agentHeaders } from './agent-signing.js';
