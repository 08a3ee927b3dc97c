import { api } from '@shuliu/contracts';
import { requirePrincipal } from '@shuliu/core';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

export function authRoutes(app: FastifyInstance, { services: s }: AppDeps) {
  handle(app, api.auth.login, ({ ctx, body }) => s.identity.auth.login(ctx, body.username, body.password));
  handle(app, api.auth.logout, async ({ ctx }) => {
    await s.identity.auth.logout(ctx);
    return { ok: true as const };
  });
  handle(app, api.auth.me, async ({ req, ctx }) => {
    requirePrincipal(ctx);
    return req.me!;
  });
  handle(app, api.auth.changePassword, async ({ ctx, body }) => {
    await s.identity.auth.changePassword(ctx, body.currentPassword, body.newPassword);
    return { ok: true as const };
  });
  handle(app, api.auth.sessions, async ({ ctx }) => ({ items: await s.identity.auth.listSessions(ctx) }));
  handle(app, api.auth.revokeSession, async ({ ctx, params }) => {
    await s.identity.auth.revokeSession(ctx, params.id);
    return { ok: true as const };
  });
  handle(app, api.auth.tokens, async ({ ctx }) => ({ items: await s.identity.auth.listTokens(ctx) }));
  handle(app, api.auth.createToken, ({ ctx, body }) => s.identity.auth.createToken(ctx, body));
  handle(app, api.auth.revokeToken, async ({ ctx, params }) => {
    await s.identity.auth.revokeToken(ctx, params.id);
    return { ok: true as const };
  });
}
