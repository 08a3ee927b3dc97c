import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';
import { disposition } from '../disposition.js';
import { withQuality } from './quality.js';
import { publicUrl } from '../public-url.js';

const c = api.catalog;

export function catalogRoutes(app: FastifyInstance, { services: s, config }: AppDeps) {
  const baseUrl = publicUrl(app, config);
  handle(app, c.sectors, async () => ({ items: await s.catalog.sectors.list() }));
  handle(app, c.createSector, ({ ctx, body }) => s.catalog.sectors.create(ctx, body));
  handle(app, c.updateSector, ({ ctx, params, body }) => s.catalog.sectors.update(ctx, params.code, body));
  handle(app, c.deleteSector, async ({ ctx, params }) => {
    await s.catalog.sectors.remove(ctx, params.code);
    return { ok: true as const };
  });
  handle(app, c.search, async ({ ctx, query }) => {
    const reply = await s.catalog.resources.search(ctx, query);
    return { ...reply, items: await withQuality(s, reply.items) };
  });
  handle(app, c.get, async ({ ctx, params }) => {
    const [r] = await withQuality(s, [await s.catalog.resources.get(ctx, params.id)]);
    return r!;
  });
  handle(app, c.create, ({ ctx, body }) => s.catalog.resources.create(ctx, body));
  handle(app, c.update, ({ ctx, params, body }) => s.catalog.resources.update(ctx, params.id, body));
  handle(app, c.grade, ({ ctx, params, body }) => s.catalog.resources.grade(ctx, params.id, body));
  handle(app, c.publish, ({ ctx, params }) => s.catalog.resources.publish(ctx, params.id));
  handle(app, c.retire, ({ ctx, params, body }) => s.catalog.resources.retire(ctx, params.id, body.reason));
  handle(app, c.versions, async ({ ctx, params }) => ({
    items: await s.catalog.resources.versions(ctx, params.id),
  }));
  handle(app, c.lineage, ({ ctx, params }) => s.catalog.resources.lineage(ctx, params.id));
  handle(app, c.files, async ({ ctx, params }) => ({ items: await s.catalog.files.list(ctx, params.id) }));
  handle(app, c.upload, ({ ctx, params, query, body }) =>
    s.catalog.files.upload(ctx, params.id, { ...query, body: body as unknown as Readable }),
  );
  handle(app, c.file, ({ ctx, params }) => s.catalog.files.get(ctx, params.id));
  handle(app, c.download, async ({ ctx, params, reply }) => {
    const f = await s.catalog.files.download(ctx, params.id);
    reply.header('content-type', 'application/octet-stream');
    reply.header('content-length', f.size);
    reply.header('content-disposition', disposition(f.name));
    return f.body;
  });
  handle(app, c.applyOpen, ({ ctx, params, body }) => s.catalog.openData.apply(ctx, params.id, body.purpose));
  handle(app, c.openRequests, ({ ctx, query }) => s.catalog.openData.list(ctx, query));
  handle(app, c.decideOpen, ({ ctx, params, body }) => s.catalog.openData.decide(ctx, params.id, body));
  handle(app, c.dcat, async ({ ctx, query, reply }) => {
    reply.header('content-type', 'application/ld+json; charset=utf-8');
    return s.catalog.dcat.catalog(ctx, baseUrl(), query.page, query.pageSize);
  });
  handle(app, c.dcatDataset, async ({ ctx, params, reply }) => {
    reply.header('content-type', 'application/ld+json; charset=utf-8');
    return s.catalog.dcat.dataset(ctx, baseUrl(), params.id);
  });
  handle(app, c.maskPreview, ({ ctx, params, body }) => s.catalog.masking.preview(ctx, params.id, body));
  handle(app, c.derive, ({ ctx, params, body }) => s.catalog.masking.derive(ctx, params.id, body));
}
