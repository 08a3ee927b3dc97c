import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

export function orgRoutes(app: FastifyInstance, { services: s }: AppDeps) {
  handle(app, api.orgs.list, ({ query: { page, pageSize, ...f } }) =>
    s.identity.orgs.list(f, page, pageSize),
  );
  handle(app, api.orgs.get, ({ params }) => s.identity.orgs.get(params.id));
  handle(app, api.orgs.setStatus, ({ ctx, params, body }) =>
    s.identity.orgs.setStatus(ctx, params.id, body.status, body.reason),
  );
}
