import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

const c = api.settlement;

/** 结算: periods, statements (JSON and CSV), and revenue shares by contribution. */
export function tradeSettlementRoutes(app: FastifyInstance, { services }: AppDeps) {
  const { settlement, statements, revenueShares } = services.trade;
  handle(app, c.periods, ({ ctx }) => settlement.periods(ctx));
  handle(app, c.close, ({ ctx, params }) => settlement.close(ctx, params.period));
  handle(app, c.statements, ({ ctx, params, query }) => statements.statement(ctx, params.period, query));
  handle(app, c.statementsCsv, async ({ ctx, params, query, reply }) => {
    const csv = await statements.csv(ctx, params.period, query);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="statements-${params.period}.csv"`);
    if (csv.truncated) reply.header('x-truncated', 'true');
    return csv.text;
  });
  handle(app, c.explain, ({ ctx, params }) => statements.explain(ctx, params.period, params.id));
  handle(app, c.revenueShare, ({ ctx, params }) => revenueShares.get(ctx, params.id));
  handle(app, c.declareRevenueShare, ({ ctx, params, body }) => revenueShares.declare(ctx, params.id, body));
}
