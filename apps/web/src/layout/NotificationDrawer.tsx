import { CheckOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Badge,
  Button,
  Drawer,
  Empty,
  Flex,
  Pagination,
  Segmented,
  Skeleton,
  Tooltip,
  Typography,
  theme,
} from 'antd';
import type { Notification } from '@shuliu/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { sdk } from '../api/sdk';
import { QueryErrorAlert, useErrorText } from '../components/QueryError';
import { useT } from '../i18n/I18nProvider';
import { formatTime, fromNow } from '../lib/time';

const PAGE_SIZE = 10;

function NotificationItem({
  n,
  onRead,
  onOpen,
}: {
  n: Notification;
  onRead: () => void;
  onOpen: () => void;
}) {
  const t = useT();
  const { token } = theme.useToken();
  return (
    <div
      data-testid="notification-item"
      style={{
        padding: '12px 0',
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        opacity: n.read ? 0.75 : 1,
      }}
    >
      <Flex justify="space-between" align="start" gap={8}>
        <Badge dot={!n.read} offset={[6, 4]}>
          <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
        </Badge>
        <Tooltip title={formatTime(n.createdAt)}>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {fromNow(n.createdAt)}
          </Typography.Text>
        </Tooltip>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} ellipsis={{ rows: 3 }}>
        {n.body}
      </Typography.Paragraph>
      <Flex gap={4} justify="end">
        {!n.read && (
          <Button type="link" size="small" icon={<CheckOutlined />} onClick={onRead}>
            {t.header.markRead}
          </Button>
        )}
        {n.link && (
          <Button type="link" size="small" onClick={onOpen}>
            {t.header.open} <RightOutlined />
          </Button>
        )}
      </Flex>
    </div>
  );
}

/** The in-portal messages (站内消息): all or unread, mark one or all read, open the linked page. */
export function NotificationDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['notifications', 'list', filter, page],
    queryFn: () =>
      sdk.notifications.list({
        query: { page, pageSize: PAGE_SIZE, unread: filter === 'unread' ? 'true' : undefined },
      }),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['notifications'] });
  const onError = (e: unknown) => void message.error(errText(e));
  const markRead = useMutation({
    mutationFn: (id: string) => sdk.notifications.markRead({ params: { id } }),
    onSuccess: refresh,
    onError,
  });
  const markAll = useMutation({
    mutationFn: () => sdk.notifications.markAllRead(),
    onSuccess: (reply) => {
      // The answer is the new unread count: show it at once rather than waiting for the refetch.
      qc.setQueryData(['notifications', 'unread'], reply);
      refresh();
      void message.success(t.header.allRead);
    },
    onError,
  });
  const openLink = (n: Notification) => {
    if (!n.read) markRead.mutate(n.id);
    onClose();
    if (n.link) void navigate(n.link);
  };
  const items = list.data?.items ?? [];
  return (
    <Drawer
      title={t.header.notifications}
      open={open}
      onClose={onClose}
      size={420}
      extra={
        <Button
          size="small"
          icon={<CheckOutlined />}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="mark-all-read"
        >
          {t.header.markAllRead}
        </Button>
      }
    >
      <Segmented
        block
        style={{ marginBottom: 4 }}
        value={filter}
        onChange={(v) => {
          setFilter(v as 'all' | 'unread');
          setPage(1);
        }}
        options={[
          { value: 'all', label: t.header.all },
          { value: 'unread', label: t.header.unread },
        ]}
      />
      {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} style={{ marginTop: 16 }} />
      ) : items.length === 0 && !list.isError ? (
        <Empty description={t.header.noNotifications} style={{ marginTop: 48 }} />
      ) : (
        items.map((n) => (
          <NotificationItem
            key={n.id}
            n={n}
            onRead={() => markRead.mutate(n.id)}
            onOpen={() => openLink(n)}
          />
        ))
      )}
      {(list.data?.total ?? 0) > PAGE_SIZE && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Pagination
            simple
            current={page}
            pageSize={PAGE_SIZE}
            total={list.data?.total}
            onChange={setPage}
          />
        </Flex>
      )}
    </Drawer>
  );
}
