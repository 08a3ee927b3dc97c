import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Table, Typography } from 'antd';
import { useState } from 'react';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { RoleTags } from '../../components/EnumTags';
import { QueryErrorAlert, useErrorText } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { CreateTokenModal } from './CreateTokenModal';

type ApiToken = Awaited<ReturnType<typeof sdk.auth.tokens>>['items'][number];

function tokenState(k: ApiToken): 'revoked' | 'expired' | 'active' {
  if (k.revokedAt) return 'revoked';
  if (k.expiresAt && Date.parse(k.expiresAt) < Date.now()) return 'expired';
  return 'active';
}

/** Own API tokens: create (shown once), list, revoke. */
export function TokensTab() {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const { hasRole } = useAuth();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const q = useQuery({ queryKey: ['me', 'tokens'], queryFn: () => sdk.auth.tokens() });
  const revoke = useMutation({
    mutationFn: (id: string) => sdk.auth.revokeToken({ params: { id } }),
    onSuccess: () => {
      void message.success(t.account.tokenRevoked);
      void qc.invalidateQueries({ queryKey: ['me', 'tokens'] });
    },
    onError: (e) => void message.error(errText(e)),
  });
  // Natural persons cannot mint machine tokens (the route excludes the person role).
  const canCreate = hasRole(
    'operator',
    'regulator',
    'authority',
    'merchant',
    'buyer',
    'provider',
    'agent',
    'org_admin',
  );
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t.account.tokenHelp}</Typography.Text>
        {canCreate && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="create-token"
          >
            {t.account.createToken}
          </Button>
        )}
      </Flex>
      {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Table<ApiToken>
        rowKey="id"
        size="middle"
        loading={q.isPending && !q.isError}
        dataSource={q.data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'name',
            title: t.account.tokenName,
            render: (_, k) => <Typography.Text strong>{k.name}</Typography.Text>,
          },
          {
            key: 'prefix',
            title: t.account.prefix,
            render: (_, k) => <Typography.Text code>{k.prefix}…</Typography.Text>,
          },
          { key: 'roles', title: t.account.roles, render: (_, k) => <RoleTags roles={k.roles} /> },
          {
            key: 'readOnly',
            title: t.account.readOnly,
            render: (_, k) => (k.readOnly ? <StatusTag status="readOnly" /> : t.common.no),
          },
          { key: 'state', title: t.users.status, render: (_, k) => <StatusTag status={tokenState(k)} /> },
          {
            key: 'expiresAt',
            title: t.account.expiresAt,
            render: (_, k) => (k.expiresAt ? formatTime(k.expiresAt) : t.account.never),
          },
          { key: 'lastUsedAt', title: t.account.lastUsed, render: (_, k) => formatTime(k.lastUsedAt) },
          { key: 'createdAt', title: t.account.createdAt, render: (_, k) => formatTime(k.createdAt) },
          {
            key: 'actions',
            title: t.common.actions,
            render: (_, k) =>
              tokenState(k) === 'active' && (
                <Popconfirm title={t.account.revokeTokenConfirm} onConfirm={() => revoke.mutate(k.id)}>
                  <Button type="link" size="small" danger>
                    {t.account.revokeToken}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
