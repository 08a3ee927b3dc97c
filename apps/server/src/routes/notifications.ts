import { api } from '@shuliu/contracts';
import { requirePrincipal } from '@shuliu/core';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

export function notificationRoutes(app: FastifyInstance, { services: s }: AppDeps) {
  handle(app, api.notifications.list, ({ ctx, query }) =>
    s.notifications.list(requirePrincipal(ctx).userId, query.unread, query.page, query.pageSize),
  );
  handle(app, api.notifications.unreadCount, async ({ ctx }) => ({
    unread: await s.notifications.unreadCount(requirePrincipal(ctx).userId),
  }));
  handle(app, api.notifications.markRead, async ({ ctx, params }) => {
    await s.notifications.markRead(ctx, params.id);
    return { ok: true as const };
  });
  handle(app, api.notifications.markAllRead, async ({ ctx }) => {
    await s.notifications.markAllRead(ctx);
    return { unread: 0 };
  });
}
