import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

const c = api.sharing;
const v = api.survey;

export function sharingRoutes(app: FastifyInstance, { services: s }: AppDeps) {
  handle(app, c.departments, async ({ ctx, query }) => ({
    items: await s.returnFlows.departments(ctx, query),
  }));
  handle(app, c.list, ({ ctx, query }) => s.sharing.list(ctx, query));
  handle(app, c.get, ({ ctx, params }) => s.sharing.get(ctx, params.id));
  handle(app, c.create, ({ ctx, body }) => s.sharing.request(ctx, body));
  handle(app, c.approve, ({ ctx, params, body }) => s.sharing.approve(ctx, params.id, body.note));
  handle(app, c.reject, ({ ctx, params, body }) => s.sharing.reject(ctx, params.id, body.reason));
  handle(app, c.deliver, ({ ctx, params, body }) => s.sharing.deliver(ctx, params.id, body.note));
  handle(app, c.withdraw, ({ ctx, params }) => s.sharing.withdraw(ctx, params.id));
  handle(app, c.stats, ({ ctx, query }) => s.sharing.stats(ctx, query));
  handle(app, c.returnFlows, ({ ctx, query }) => s.returnFlows.list(ctx, query));
  handle(app, c.returnFlowBoard, ({ ctx }) => s.returnFlows.board(ctx));
  handle(app, c.returnFlow, ({ ctx, params }) => s.returnFlows.get(ctx, params.id));
  handle(app, c.createReturnFlow, ({ ctx, body }) => s.returnFlows.create(ctx, body));
  handle(app, c.deliverReturnFlow, ({ ctx, params, body }) =>
    s.returnFlows.deliver(ctx, params.id, body.note),
  );

  handle(app, v.current, () => s.survey.current());
  handle(app, v.snapshot, ({ ctx }) => s.survey.snapshot(ctx));
  handle(app, v.history, async ({ query }) => ({ items: await s.survey.history(query) }));
  handle(app, v.snapshotDetail, ({ params }) => s.survey.snapshotDetail(params.id));
}
