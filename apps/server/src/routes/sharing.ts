import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

const c = api.sharing;
const v = api.survey;

export function sharingRoutes(app: FastifyInstance, { services: s }: AppDeps) {
  handle(app, c.departments, async ({ ctx, query }) => ({
    items: await s.sharing.returnFlows.departments(ctx, query),
  }));
  handle(app, c.list, ({ ctx, query }) => s.sharing.sharing.list(ctx, query));
  handle(app, c.get, ({ ctx, params }) => s.sharing.sharing.get(ctx, params.id));
  handle(app, c.create, ({ ctx, body }) => s.sharing.sharing.request(ctx, body));
  handle(app, c.approve, ({ ctx, params, body }) => s.sharing.sharing.approve(ctx, params.id, body.note));
  handle(app, c.reject, ({ ctx, params, body }) => s.sharing.sharing.reject(ctx, params.id, body.reason));
  handle(app, c.deliver, ({ ctx, params, body }) => s.sharing.sharing.deliver(ctx, params.id, body.note));
  handle(app, c.withdraw, ({ ctx, params }) => s.sharing.sharing.withdraw(ctx, params.id));
  handle(app, c.stats, ({ ctx, query }) => s.sharing.sharing.stats(ctx, query));
  handle(app, c.returnFlows, ({ ctx, query }) => s.sharing.returnFlows.list(ctx, query));
  handle(app, c.returnFlowBoard, ({ ctx }) => s.sharing.returnFlows.board(ctx));
  handle(app, c.returnFlow, ({ ctx, params }) => s.sharing.returnFlows.get(ctx, params.id));
  handle(app, c.createReturnFlow, ({ ctx, body }) => s.sharing.returnFlows.create(ctx, body));
  handle(app, c.deliverReturnFlow, ({ ctx, params, body }) =>
    s.sharing.returnFlows.deliver(ctx, params.id, body.note),
  );

  handle(app, v.current, () => s.sharing.survey.current());
  handle(app, v.snapshot, ({ ctx }) => s.sharing.survey.snapshot(ctx));
  handle(app, v.history, async ({ query }) => ({ items: await s.sharing.survey.history(query) }));
  handle(app, v.snapshotDetail, ({ params }) => s.sharing.survey.snapshotDetail(params.id));
}
