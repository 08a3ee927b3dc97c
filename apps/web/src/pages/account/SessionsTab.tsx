import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Table, Typography } from 'antd';
import { sdk } from '../../api/sdk';
import { QueryErrorAlert, useErrorText } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';

type Session = Awaited<ReturnType<typeof sdk.auth.sessions>>['items'][number];

/** Own active sessions, each revocable except the one in use. */
export function SessionsTab() {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['me', 'sessions'], queryFn: () => sdk.auth.sessions() });
  const revoke = useMutation({
    mutationFn: (id: string) => sdk.auth.revokeSession({ params: { id } }),
    onSuccess: () => {
      void message.success(t.account.sessionRevoked);
      void qc.invalidateQueries({ queryKey: ['me', 'sessions'] });
    },
    onError: (e) => void message.error(errText(e)),
  });
  return (
    <>
      {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Table<Session>
        rowKey="id"
        size="middle"
        loading={q.isPending && !q.isError}
        dataSource={q.data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'createdAt', title: t.account.sessionCreated, render: (_, s) => formatTime(s.createdAt) },
          { key: 'lastSeenAt', title: t.account.lastSeen, render: (_, s) => formatTime(s.lastSeenAt) },
          { key: 'expiresAt', title: t.account.expiresAt, render: (_, s) => formatTime(s.expiresAt) },
          { key: 'ip', title: t.account.ip, render: (_, s) => s.ip ?? '—' },
          {
            key: 'ua',
            title: t.account.userAgent,
            render: (_, s) => (
              <Typography.Text ellipsis={{ tooltip: s.userAgent }} style={{ maxWidth: 280 }}>
                {s.userAgent ?? '—'}
              </Typography.Text>
            ),
          },
          {
            key: 'actions',
            title: t.common.actions,
            render: (_, s) =>
              s.current ? (
                <StatusTag status="current" />
              ) : (
                <Popconfirm title={t.account.revokeSessionConfirm} onConfirm={() => revoke.mutate(s.id)}>
                  <Button type="link" size="small" danger>
                    {t.account.revoke}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </>
  );
}
