import { AGENT_CONTENT_HEADER, api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import { disposition } from '../disposition.js';
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
  // the file's SM3 is checked against the signed x-content-sm3 once stored (the body is a stream, not JSON)
  handle(app, c.jobOutput, ({ ctx, params, body, req }) =>
    jobs.storeOutput(ctx, params.id, body as unknown as Readable, String(req.headers[AGENT_CONTENT_HEADER])),
  );
  handle(app, c.jobDownload, async ({ ctx, params, reply }) => {
    const f = await jobs.output(ctx, params.id);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-length', f.size);
    reply.header('content-disposition', disposition(f.name));
    return f.body;
  });
  // a PSI step's list is relayed as it came: blinded points, checked against the signed SM3 once stored
  handle(app, c.psiStep, ({ ctx, params, body, req }) =>
    jobs.psi.step(ctx, params.id, body as unknown as Readable, String(req.headers[AGENT_CONTENT_HEADER])),
  );
  handle(app, c.psiInput, async ({ ctx, params, reply }) => {
    const body = await jobs.psi.input(ctx, params.id);
    reply.header('content-type', 'application/octet-stream');
    return body;
  });
  handle(app, c.jointPart, ({ ctx, params, body }) => jobs.jointPart(ctx, params.id, body));
  handle(app, c.jobFailure, ({ ctx, params, body }) => jobs.fail(ctx, params.id, body));
}
