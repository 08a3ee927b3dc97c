import type { ColumnType } from 'kysely';

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  params: ColumnType<Record<string, unknown>, string, string>;
  link: string | null;
  read_at: Date | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface NotificationTables {
  notifications: NotificationsTable;
}
