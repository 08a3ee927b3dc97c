import { api, type QualityScore } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

const q = api.quality;

export function qualityRoutes(app: FastifyInstance, { services }: AppDeps) {
  const { rules, reports, settings, domainChecks } = services.quality;
  handle(app, q.rules, ({ ctx, params }) => rules.get(ctx, params.id));
  handle(app, q.saveRules, ({ ctx, params, body }) => rules.save(ctx, params.id, body));
  handle(app, q.startRun, ({ ctx, params }) => reports.start(ctx, params.id));
  handle(app, q.runs, ({ ctx, params, query }) => reports.list(ctx, params.id, query));
  handle(app, q.report, ({ ctx, params }) => reports.latest(ctx, params.id));
  handle(app, q.run, ({ ctx, params }) => reports.get(ctx, params.id));
  handle(app, q.scores, ({ ctx, query }) => reports.scores(ctx, query.resourceIds));
  handle(app, q.settings, () => settings.get());
  handle(app, q.saveSettings, ({ ctx, body }) => settings.update(ctx, body));
  // data held in a domain: its agent leases the run, checks the data there and returns only the report
  handle(app, q.leaseCheck, ({ ctx }) => domainChecks.lease(ctx));
  handle(app, q.checkReport, ({ ctx, params, body }) => domainChecks.report(ctx, params.id, body));
  handle(app, q.checkFailure, ({ ctx, params, body }) => domainChecks.failure(ctx, params.id, body));
}

/** Resources (or a product's) with their latest quality score beside them: one query for the lot. */
export async function withQuality<T extends { id: string }>(
  services: AppDeps['services'],
  items: T[],
): Promise<(T & { quality: QualityScore | null })[]> {
  const scores = await services.quality.latest(items.map((i) => i.id));
  return items.map((i) => ({ ...i, quality: scores.get(i.id) ?? null }));
}
