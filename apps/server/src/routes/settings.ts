import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

const c = api.settings;
const i = api.impact;

/** 平台规则: the operator's rule settings and the working-day calendar; impact assessments of resources. */
export function settingsRoutes(app: FastifyInstance, { services: s }: AppDeps) {
  handle(app, c.grading, () => s.settings.settings.grading());
  handle(app, c.updateGrading, ({ ctx, body }) => s.settings.settings.updateGrading(ctx, body));
  handle(app, c.sharing, () => s.settings.settings.sharing());
  handle(app, c.updateSharing, ({ ctx, body }) => s.settings.settings.updateSharing(ctx, body));
  handle(app, c.trade, () => s.settings.settings.trade());
  handle(app, c.updateTrade, ({ ctx, body }) => s.settings.settings.updateTrade(ctx, body));
  handle(app, c.holidays, async ({ query }) => ({ items: await s.settings.calendar.list(query.year) }));
  handle(app, c.importHolidays, async ({ ctx, body }) => ({
    imported: await s.settings.calendar.set(ctx, body.days),
  }));
  handle(app, c.setHoliday, ({ ctx, params, body }) => s.settings.calendar.setDay(ctx, params.day, body));
  handle(app, c.deleteHoliday, async ({ ctx, params }) => {
    await s.settings.calendar.deleteDay(ctx, params.day);
    return { ok: true as const };
  });
  handle(app, i.assess, ({ ctx, params, body }) => s.catalog.impact.assess(ctx, params.id, body));
  handle(app, i.list, ({ ctx, params }) => s.catalog.impact.list(ctx, params.id));
}
