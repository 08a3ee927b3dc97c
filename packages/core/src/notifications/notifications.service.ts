import type { Notification, Paged } from '@shuliu/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { notificationsRepository as repo } from './notifications.repository.js';
import type { NotificationsTable } from './notifications.tables.js';

type Executor = Kysely<DB>;

export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  params?: Record<string, unknown>;
  link?: string;
}

/** Sends a message to each user, inside the caller's transaction so it appears exactly when the change commits. */
export async function notifyUsers(tx: Executor, userIds: string[], n: NewNotification): Promise<void> {
  const unique = [...new Set(userIds)];
  if (!unique.length) return;
  await repo.insert(
    tx,
    unique.map((userId) => ({
      id: newId('ntf'),
      user_id: userId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      params: JSON.stringify(n.params ?? {}),
      link: n.link ?? null,
    })),
  );
}

const toNotification = (r: Selectable<NotificationsTable>): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  params: r.params,
  link: r.link,
  read: r.read_at !== null,
  createdAt: r.created_at.toISOString(),
});

export class NotificationService {
  constructor(private readonly db: Executor) {}

  async list(
    userId: string,
    unread: boolean | undefined,
    page: number,
    pageSize: number,
  ): Promise<Paged<Notification>> {
    const { rows, total } = await repo.search(this.db, userId, unread, page, pageSize);
    return { items: rows.map(toNotification), total, page, pageSize };
  }

  unreadCount(userId: string): Promise<number> {
    return repo.unreadCount(this.db, userId);
  }

  async markRead(ctx: RequestContext, id: string): Promise<void> {
    const userId = requirePrincipal(ctx).userId;
    await this.db.transaction().execute(async (tx) => {
      await this.markOne(tx, userId, id);
      await recordAudit(tx, ctx, { action: 'notification.read', objectType: 'notification', objectId: id });
    });
  }

  private async markOne(tx: Executor, userId: string, id: string): Promise<void> {
    if ((await repo.markRead(tx, userId, id)) === 0 && !(await repo.exists(tx, userId, id)))
      throw NotFound('notification', id);
  }

  async markAllRead(ctx: RequestContext): Promise<number> {
    const userId = requirePrincipal(ctx).userId;
    return this.db.transaction().execute(async (tx) => {
      const n = await repo.markRead(tx, userId, null);
      await recordAudit(tx, ctx, {
        action: 'notification.read_all',
        objectType: 'user',
        objectId: userId,
        details: { marked: n },
      });
      return n;
    });
  }
}
