import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

const c = api.assets;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 数据资产: the asset ledger, accounting, the disclosure table, signed valuations and 出资入股. */
export function assetRoutes(app: FastifyInstance, { services }: AppDeps) {
  const { ledger, disclosure, valuations, contributions } = services.assets;
  handle(app, c.list, ({ ctx, query }) => ledger.list(ctx, query));
  handle(app, c.disclosure, ({ ctx, query }) => disclosure.disclosure(ctx, query));
  handle(app, c.disclosureXlsx, async ({ ctx, query, reply }) => {
    const book = await disclosure.disclosureXlsx(ctx, query);
    reply.header('content-type', XLSX);
    reply.header('content-disposition', `attachment; filename="disclosure-${query.year}.xlsx"`);
    return book;
  });
  handle(app, c.get, ({ ctx, params }) => ledger.get(ctx, params.id));
  handle(app, c.create, ({ ctx, body }) => ledger.create(ctx, body));
  handle(app, c.update, ({ ctx, params, body }) => ledger.update(ctx, params.id, body));
  handle(app, c.addCost, ({ ctx, params, body }) => ledger.addCost(ctx, params.id, body));
  handle(app, c.setPlan, ({ ctx, params, body }) => ledger.setPlan(ctx, params.id, body));
  handle(app, c.impair, ({ ctx, params, body }) => ledger.impair(ctx, params.id, body));
  handle(app, c.createValuation, ({ ctx, params, body }) => valuations.create(ctx, params.id, body));
  handle(app, c.contribute, ({ ctx, params, body }) => contributions.contribute(ctx, params.id, body));
  handle(app, c.valuers, () => valuations.valuers());
  handle(app, c.valuations, ({ ctx, query }) => valuations.list(ctx, query));
  handle(app, c.valuation, ({ ctx, params }) => valuations.get(ctx, params.id));
  handle(app, c.report, ({ ctx, params }) => valuations.reportOf(ctx, params.id));
  handle(app, c.verify, ({ ctx, params }) => valuations.bundle(ctx, params.id));
  handle(app, c.sign, async ({ ctx, params, body }) => {
    if (body.custody === 'org') return valuations.sign(ctx, params.id, body);
    // only the org's administrator uses the custodied key: others are refused before a password is tried
    services.crypto.orgKeys.assertMayAct(ctx, ctx.principal?.orgId ?? '');
    const confirmed = await services.identity.auth.confirmPassword(ctx, body.password);
    return valuations.sign(ctx, params.id, { custody: 'platform', confirmed });
  });
}
