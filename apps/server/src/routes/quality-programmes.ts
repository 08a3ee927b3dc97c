import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

const c = api.qualityProgrammes;

/** 高质量数据集 designation and product quality complaints (数据产品质量监督). */
export function qualityProgrammeRoutes(app: FastifyInstance, { services }: AppDeps) {
  const { designations: d, complaints: q } = services.quality;
  handle(app, c.designated, ({ query }) => d.designated(query));
  handle(app, c.settings, () => d.settings());
  handle(app, c.setSettings, ({ ctx, body }) => d.setSettings(ctx, body));
  handle(app, c.progress, () => d.progress());
  handle(app, c.applications, ({ ctx, query }) => d.list(ctx, query));
  handle(app, c.application, ({ ctx, params }) => d.get(ctx, params.id));
  handle(app, c.apply, ({ ctx, body }) => d.apply(ctx, body));
  handle(app, c.assign, ({ ctx, params, body }) => d.assign(ctx, params.id, body.reviewerOrgId));
  handle(app, c.review, ({ ctx, params, body }) => d.review(ctx, params.id, body));
  handle(app, c.designate, ({ ctx, params, body }) => d.decide(ctx, params.id, true, body.note));
  handle(app, c.reject, ({ ctx, params, body }) => d.decide(ctx, params.id, false, body.note));
  handle(app, c.complaints, ({ ctx, query }) => q.list(ctx, query));
  handle(app, c.complaint, ({ ctx, params }) => q.get(ctx, params.id));
  handle(app, c.file, ({ ctx, body }) => q.file(ctx, body));
  handle(app, c.investigate, ({ ctx, params, body }) => q.step(ctx, params.id, 'investigate', body.note));
  handle(app, c.note, ({ ctx, params, body }) => q.step(ctx, params.id, 'note', body.note));
  handle(app, c.requireRectification, ({ ctx, params, body }) =>
    q.step(ctx, params.id, 'requireRectification', body.note),
  );
  handle(app, c.respond, ({ ctx, params, body }) => q.step(ctx, params.id, 'respond', body.note));
  handle(app, c.confirm, ({ ctx, params, body }) => q.step(ctx, params.id, 'confirm', body.note));
  handle(app, c.dismiss, ({ ctx, params, body }) => q.step(ctx, params.id, 'dismiss', body.note));
}
