export { DomainAgent, AGENT_SOFTWARE, type AgentOptions, type HeldDataset } from './agent.js';
export { PlatformClient, PlatformError } from './client.js';
export { runSqlJob, JobRefusal, DEFAULT_LIMITS, type JobLimits, type DatasetSource } from './run-job.js';
export { startDemoAgent } from './demo.js';
export { runTemplateJob } from './run-template.js';
