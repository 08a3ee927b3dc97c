-- notifications: in-portal messages (站内消息) addressed to one user

create table notifications (
  id          text primary key,
  user_id     text not null references users (id),
  kind        text not null,
  title       text not null,
  body        text not null,
  params      jsonb not null default '{}',
  link        text,
  read_at     timestamptz,
  created_at  timestamptz not null default now()
);
create index notifications_user_idx on notifications (user_id, created_at desc);
create index notifications_unread_idx on notifications (user_id) where read_at is null;
