import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

export function orgKeyRoutes(app: FastifyInstance, { services: s }: AppDeps) {
  handle(app, api.orgKeys.list, async ({ params }) => ({ items: await s.crypto.orgKeys.list(params.id) }));
  handle(app, api.orgKeys.set, async ({ ctx, params, body }) => {
    // another org's administrator is refused before their password is even checked (or counted)
    s.crypto.orgKeys.assertMayAct(ctx, params.id);
    const confirmed = await s.identity.auth.confirmPassword(ctx, body.password);
    return s.crypto.orgKeys.setKey(ctx, params.id, body, confirmed);
  });
  handle(app, api.orgKeys.verify, ({ ctx, body }) => s.crypto.orgKeys.verify(ctx, body));
}
