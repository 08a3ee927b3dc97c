import { z } from 'zod';
import { Id, PageQuery, QueryBool, Timestamp } from './common.js';

export const Notification = z.object({
  id: Id('ntf'),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  params: z.record(z.string(), z.unknown()),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: Timestamp,
});
export type Notification = z.infer<typeof Notification>;
export const NotificationQuery = z.strictObject({ ...PageQuery, unread: QueryBool.optional() });
export const UnreadCount = z.object({ unread: z.number().int() });
