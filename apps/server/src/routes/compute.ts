import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

const c = api.compute;

/** 域内计算: agents and their enrolment, the agent's own signed calls, datasets and their release policies, jobs. */
export function computeRoutes(app: FastifyInstance, { services }: AppDeps) {
  const { agents, datasets, jobs } = services.compute;
  handle(app, c.agents, ({ ctx, query }) => agents.list(ctx, query));
  handle(app, c.agent, ({ ctx, params }) => agents.get(ctx, params.id));
  handle(app, c.createAgent, ({ ctx, body }) => agents.create(ctx, body));
  handle(app, c.reenrol, ({ ctx, params }) => agents.reenrol(ctx, params.id));
  handle(app, c.revokeAgent, ({ ctx, params }) => agents.revoke(ctx, params.id));
  handle(app, c.enrol, ({ ctx, body }) => agents.enrol(ctx, body));
  handle(app, c.heartbeat, ({ ctx }) => agents.heartbeat(ctx));
  handle(app, c.reportDatasets, ({ ctx, body }) => datasets.report(ctx, body));
  handle(app, c.datasets, ({ ctx, query }) => datasets.list(ctx, query));
  handle(app, c.dataset, ({ ctx, params }) => datasets.get(ctx, params.id));
  handle(app, c.setPolicy, ({ ctx, params, body }) => datasets.setPolicy(ctx, params.id, body));
  handle(app, c.submitJob, ({ ctx, body }) => jobs.submit(ctx, body));
  handle(app, c.jobs, ({ ctx, query }) => jobs.list(ctx, query));
  handle(app, c.job, ({ ctx, params }) => jobs.get(ctx, params.id));
  handle(app, c.reviewJob, ({ ctx, params, body }) => jobs.review(ctx, params.id, body));
  handle(app, c.leaseJob, ({ ctx }) => jobs.lease(ctx));
  handle(app, c.jobResult, ({ ctx, params, body }) => jobs.complete(ctx, params.id, body));
  handle(app, c.jobFailure, ({ ctx, params, body }) => jobs.fail(ctx, params.id, body));
}
