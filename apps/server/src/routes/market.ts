import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';
import { withQuality } from './quality.js';

const c = api.market;

export function marketRoutes(app: FastifyInstance, { services }: AppDeps) {
  const { products, listing, search, boards, sellers } = services.market;
  handle(app, c.products, ({ query }) => search.search(query));
  handle(app, c.product, async ({ ctx, params }) => {
    const p = await products.get(ctx, params.id);
    return { ...p, resources: await withQuality(services, p.resources) };
  });
  handle(app, c.seller, ({ params }) => sellers.profile(params.id));
  handle(app, c.check, ({ ctx, params }) => products.check(ctx, params.id));
  handle(app, c.reviews, ({ ctx, params }) => listing.reviews(ctx, params.id));
  handle(app, c.mine, ({ ctx, query }) => products.mine(ctx, query));
  handle(app, c.create, ({ ctx, body }) => products.create(ctx, body));
  handle(app, c.update, ({ ctx, params, body }) => products.update(ctx, params.id, body));
  handle(app, c.signDeclaration, async ({ ctx, params, body }) => {
    if (body.custody === 'org') return products.sign(ctx, params.id, body);
    // only the org's administrator uses the custodied key: others are refused before a password is tried
    services.crypto.orgKeys.assertMayAct(ctx, ctx.principal?.orgId ?? '');
    const confirmed = await services.identity.auth.confirmPassword(ctx, body.password);
    return products.sign(ctx, params.id, { custody: 'platform', confirmed });
  });
  handle(app, c.submit, ({ ctx, params }) => listing.submit(ctx, params.id));
  handle(app, c.withdraw, ({ ctx, params, body }) => listing.withdraw(ctx, params.id, body.reason));
  handle(app, c.queue, ({ ctx, query }) => listing.queue(ctx, query));
  handle(app, c.review, ({ ctx, params, body }) => listing.decide(ctx, params.id, body));
  handle(app, c.delist, ({ ctx, params, body }) => listing.delist(ctx, params.id, body.reason));
  handle(app, c.boards, ({ ctx }) => boards.list(ctx));
  handle(app, c.createBoard, ({ ctx, body }) => boards.create(ctx, body));
  handle(app, c.updateBoard, ({ ctx, params, body }) => boards.update(ctx, params.code, body));
  handle(app, c.setReviewers, ({ ctx, params, body }) => boards.setReviewers(ctx, params.code, body.userIds));
  handle(app, c.negativeList, ({ ctx, query }) => boards.negativeList(ctx, query));
  handle(app, c.addNegative, ({ ctx, body }) => boards.addNegative(ctx, body));
  handle(app, c.removeNegative, ({ ctx, params, body }) =>
    boards.removeNegative(ctx, params.id, body.reason),
  );
}
