import type { Notification, Paged } from '@shuliu/contracts';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
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
  await tx
    .insertInto('notifications')
    .values(
      unique.map((userId) => ({
        id: newId('ntf'),
        user_id: userId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        params: JSON.stringify(n.params ?? {}),
        link: n.link ?? null,
      })),
    )
    .execute();
}

/**
 * The active users holding any of `roles` (every active user when none given), in one org or, with a null
 * org, across the platform: whom a domain notifies about a change.
 */
export async function memberIds(tx: Executor, orgId: string | null, roles: string[]): Promise<string[]> {
  let q = tx.selectFrom('users').select('id').where('status', '=', 'active');
  if (orgId !== null) q = q.where('org_id', '=', orgId);
  if (roles.length) q = q.where(sql<boolean>`roles && ${roles}::text[]`);
  return (await q.execute()).map((u) => u.id);
}

/** Sends a message to the active users of an org who hold any of `roles` (every active user when none given). */
export async function notifyOrg(
  tx: Executor,
  orgId: string,
  roles: string[],
  n: NewNotification,
): Promise<void> {
  await notifyUsers(tx, await memberIds(tx, orgId, roles), n);
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
    let q = this.db.selectFrom('notifications').where('user_id', '=', userId);
    if (unread !== undefined) q = q.where('read_at', unread ? 'is' : 'is not', null);
    const [rows, count] = await Promise.all([
      q
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toNotification), total: Number(count.n), page, pageSize };
  }

  async unreadCount(userId: string): Promise<number> {
    const r = await this.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async markRead(ctx: RequestContext, id: string): Promise<void> {
    const userId = requirePrincipal(ctx).userId;
    await this.db.transaction().execute(async (tx) => {
      await this.markOne(tx, userId, id);
      await recordAudit(tx, ctx, { action: 'notification.read', objectType: 'notification', objectId: id });
    });
  }

  private async markOne(tx: Executor, userId: string, id: string): Promise<void> {
    const r = await tx
      .updateTable('notifications')
      .set({ read_at: new Date() })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) {
      const exists = await tx
        .selectFrom('notifications')
        .select('id')
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (!exists) throw NotFound('notification', id);
    }
  }

  async markAllRead(ctx: RequestContext): Promise<number> {
    const userId = requirePrincipal(ctx).userId;
    return this.db.transaction().execute(async (tx) => {
      const r = await tx
        .updateTable('notifications')
        .set({ read_at: new Date() })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      const n = Number(r.numUpdatedRows);
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
