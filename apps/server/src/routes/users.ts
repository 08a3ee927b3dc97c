import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

export function userRoutes(app: FastifyInstance, { services: s }: AppDeps) {
  handle(app, api.users.list, ({ ctx, query: { page, pageSize, ...f } }) =>
    s.identity.users.list(ctx, f, page, pageSize),
  );
  handle(app, api.users.create, ({ ctx, body }) => s.identity.users.create(ctx, body));
  handle(app, api.users.get, ({ ctx, params }) => s.identity.users.get(ctx, params.id));
  handle(app, api.users.update, ({ ctx, params, body }) => s.identity.users.update(ctx, params.id, body));
  handle(app, api.users.resetPassword, async ({ ctx, params, body }) => {
    await s.identity.users.resetPassword(ctx, params.id, body.password);
    return { ok: true as const };
  });
  handle(app, api.users.unlock, ({ ctx, params }) => s.identity.users.unlock(ctx, params.id));
  handle(app, api.memberTokens.list, async ({ ctx, params }) => ({
    items: await s.identity.users.listTokens(ctx, params.id),
  }));
  handle(app, api.memberTokens.revoke, async ({ ctx, params }) => {
    await s.identity.users.revokeToken(ctx, params.id, params.tokenId);
    return { ok: true as const };
  });
}
