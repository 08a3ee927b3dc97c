import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

const c = api.dcmm;

/** DCMM self-assessments (GB/T 36073): an org's drafts and submissions, their comparison, the distribution. */
export function dcmmRoutes(app: FastifyInstance, { services }: AppDeps) {
  const { dcmm } = services.quality;
  handle(app, c.list, ({ ctx, query }) => dcmm.list(ctx, query));
  handle(app, c.get, ({ ctx, params }) => dcmm.get(ctx, params.id));
  handle(app, c.create, ({ ctx, body }) => dcmm.create(ctx, body));
  handle(app, c.answer, ({ ctx, params, body }) => dcmm.answer(ctx, params.id, body));
  handle(app, c.submit, ({ ctx, params }) => dcmm.submit(ctx, params.id));
  handle(app, c.compare, ({ ctx, query }) => dcmm.compare(ctx, query.from, query.to));
  handle(app, c.stats, () => dcmm.stats());
}
