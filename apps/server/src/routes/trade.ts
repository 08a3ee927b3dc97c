import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import { disposition } from '../disposition.js';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

const c = api.trade;
const o = api.orders;
const d = api.deliveries;

export function tradeRoutes(app: FastifyInstance, { services }: AppDeps) {
  const { negotiations, contracts, orders, deliveries, trace } = services.trade;
  handle(app, c.negotiations, ({ ctx, query }) => negotiations.list(ctx, query));
  handle(app, c.negotiation, ({ ctx, params }) => negotiations.get(ctx, params.id));
  handle(app, c.start, ({ ctx, body }) => negotiations.start(ctx, body));
  handle(app, c.counter, ({ ctx, params, body }) => negotiations.counter(ctx, params.id, body));
  handle(app, c.accept, ({ ctx, params, body }) => negotiations.accept(ctx, params.id, body));
  handle(app, c.agree, ({ ctx, params, body }) => negotiations.agree(ctx, params.id, body));
  handle(app, c.terminate, ({ ctx, params, body }) => negotiations.terminate(ctx, params.id, body));
  handle(app, c.autoAcceptOf, ({ ctx, params }) => negotiations.autoAcceptOf(ctx, params.id));
  handle(app, c.autoAccept, ({ ctx, params, body }) =>
    negotiations.setAutoAccept(ctx, params.id, body.enabled),
  );
  handle(app, c.contract, ({ ctx, params }) => contracts.get(ctx, params.contractNo));
  handle(app, c.contractPdf, async ({ ctx, params, reply }) => {
    const pdf = await contracts.pdf(ctx, params.contractNo);
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', `attachment; filename="${params.contractNo}.pdf"`);
    return pdf;
  });
  handle(app, c.verifyContract, ({ ctx, params }) => contracts.bundle(ctx, params.contractNo));
  handle(app, c.signContract, async ({ ctx, params, body }) => {
    if (body.custody === 'org') return contracts.sign(ctx, params.contractNo, body);
    // only the org's administrator uses the custodied key: others are refused before a password is tried
    services.crypto.orgKeys.assertMayAct(ctx, ctx.principal?.orgId ?? '');
    const confirmed = await services.identity.auth.confirmPassword(ctx, body.password);
    return contracts.sign(ctx, params.contractNo, { custody: 'platform', confirmed });
  });
  handle(app, o.orders, ({ ctx, query }) => orders.list(ctx, query));
  handle(app, o.order, ({ ctx, params }) => orders.get(ctx, params.id));
  handle(app, o.place, ({ ctx, body }) => orders.place(ctx, body));
  handle(app, o.pay, ({ ctx, params, body }) => orders.pay(ctx, params.id, body));
  handle(app, o.deliver, ({ ctx, params, body }) => orders.deliver(ctx, params.id, body));
  handle(app, o.accept, ({ ctx, params, body }) => orders.accept(ctx, params.id, body));
  handle(app, o.dispute, ({ ctx, params, body }) => orders.dispute(ctx, params.id, body));
  handle(app, o.resolve, ({ ctx, params, body }) => orders.resolve(ctx, params.id, body));
  handle(app, o.cancel, ({ ctx, params, body }) => orders.cancel(ctx, params.id, body));
  handle(app, o.availability, ({ params }) => orders.availability(params.id));
  handle(app, d.files, async ({ ctx, params }) => ({ items: await deliveries.list(ctx, params.id) }));
  handle(app, d.download, async ({ ctx, params, query, reply }) => {
    const f = await deliveries.download(ctx, params.id, params.fileId, query.format);
    reply.header('content-type', f.contentType);
    reply.header('content-length', f.size);
    reply.header('content-disposition', disposition(f.name));
    return f.body;
  });
  handle(app, d.trace, ({ ctx, query, body }) => trace.trace(ctx, body as unknown as Readable, query.name));
}
