import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

export function auditRoutes(app: FastifyInstance, { services: s }: AppDeps) {
  handle(app, api.audit.list, ({ query: { page, pageSize, ...f } }) => s.audit.list(f, page, pageSize));
  handle(app, api.audit.verify, () => s.audit.verify());
}
