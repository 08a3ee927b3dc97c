import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

const c = api.demands;

export function marketDemandRoutes(app: FastifyInstance, { services }: AppDeps) {
  const { demands, answers, demandStats } = services.market;
  handle(app, c.board, ({ query }) => demands.board(query));
  handle(app, c.stats, ({ query }) => demandStats.stats(query));
  handle(app, c.get, ({ ctx, params }) => demands.get(ctx, params.id));
  handle(app, c.answer, ({ ctx, params, body }) => answers.answer(ctx, params.id, body));
  handle(app, c.myAnswers, ({ ctx, query }) => answers.mine(ctx, query));
  handle(app, c.mine, ({ ctx, query }) => demands.mine(ctx, query));
  handle(app, c.create, ({ ctx, body }) => demands.create(ctx, body));
  handle(app, c.update, ({ ctx, params, body }) => demands.update(ctx, params.id, body));
  handle(app, c.close, ({ ctx, params, body }) => demands.close(ctx, params.id, body.reason));
  handle(app, c.matches, ({ ctx, params }) => demands.matches(ctx, params.id));
  handle(app, c.answers, ({ ctx, params }) => answers.ofDemand(ctx, params.id));
}
