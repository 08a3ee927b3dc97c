import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

const c = api.catalog;

export function catalogRoutes(app: FastifyInstance, { services: s }: AppDeps) {
  handle(app, c.sectors, async () => ({ items: await s.sectors.list() }));
  handle(app, c.createSector, ({ ctx, body }) => s.sectors.create(ctx, body));
  handle(app, c.updateSector, ({ ctx, params, body }) => s.sectors.update(ctx, params.code, body));
  handle(app, c.deleteSector, async ({ ctx, params }) => {
    await s.sectors.remove(ctx, params.code);
    return { ok: true as const };
  });
  handle(app, c.search, ({ ctx, query }) => s.resources.search(ctx, query));
  handle(app, c.get, ({ ctx, params }) => s.resources.get(ctx, params.id));
  handle(app, c.create, ({ ctx, body }) => s.resources.create(ctx, body));
  handle(app, c.update, ({ ctx, params, body }) => s.resources.update(ctx, params.id, body));
  handle(app, c.grade, ({ ctx, params, body }) => s.resources.grade(ctx, params.id, body));
  handle(app, c.publish, ({ ctx, params }) => s.resources.publish(ctx, params.id));
  handle(app, c.retire, ({ ctx, params, body }) => s.resources.retire(ctx, params.id, body.reason));
  handle(app, c.versions, async ({ ctx, params }) => ({ items: await s.resources.versions(ctx, params.id) }));
  handle(app, c.lineage, ({ ctx, params }) => s.resources.lineage(ctx, params.id));
}
