import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

export function systemRoutes(app: FastifyInstance, deps: AppDeps) {
  handle(app, api.system.health, async () => ({
    status: 'ok' as const,
    db: deps.dbKind,
    version: deps.version,
  }));
}
