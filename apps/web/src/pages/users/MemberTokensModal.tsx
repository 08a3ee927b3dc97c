import type { User } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Modal, Popconfirm, Table, Typography } from 'antd';
import { sdk } from '../../api/sdk';
import { RoleTags } from '../../components/EnumTags';
import { QueryErrorAlert, useErrorText } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';

type ApiToken = Awaited<ReturnType<typeof sdk.memberTokens.list>>['items'][number];

const state = (k: ApiToken) =>
  k.revokedAt ? 'revoked' : k.expiresAt && Date.parse(k.expiresAt) < Date.now() ? 'expired' : 'active';

/** An org_admin reviews a member's API tokens and revokes one; the member is notified. */
export function MemberTokensModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const key = ['users', 'tokens', user?.id];
  const q = useQuery({
    queryKey: key,
    queryFn: () => sdk.memberTokens.list({ params: { id: user!.id } }),
    enabled: !!user,
  });
  const revoke = useMutation({
    mutationFn: (tokenId: string) => sdk.memberTokens.revoke({ params: { id: user!.id, tokenId } }),
    onSuccess: () => {
      void message.success(t.account.tokenRevoked);
      void qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => void message.error(errText(e)),
  });
  return (
    <Modal
      open={!!user}
      title={t.authSecurity.memberTokensFor(user?.username ?? '')}
      footer={null}
      onCancel={onClose}
      width={760}
      destroyOnHidden
    >
      {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Table<ApiToken>
        rowKey="id"
        size="small"
        loading={q.isPending && !!user}
        dataSource={q.data?.items}
        pagination={false}
        columns={[
          {
            key: 'name',
            title: t.account.tokenName,
            render: (_, k) => <Typography.Text strong>{k.name}</Typography.Text>,
          },
          { key: 'roles', title: t.account.roles, render: (_, k) => <RoleTags roles={k.roles} /> },
          { key: 'state', title: t.users.status, render: (_, k) => <StatusTag status={state(k)} /> },
          {
            key: 'expiresAt',
            title: t.account.expiresAt,
            render: (_, k) => (k.expiresAt ? formatTime(k.expiresAt) : t.account.never),
          },
          { key: 'lastUsedAt', title: t.account.lastUsed, render: (_, k) => formatTime(k.lastUsedAt) },
          {
            key: 'actions',
            title: t.common.actions,
            render: (_, k) =>
              state(k) === 'active' && (
                <Popconfirm title={t.account.revokeTokenConfirm} onConfirm={() => revoke.mutate(k.id)}>
                  <Button type="link" size="small" danger>
                    {t.account.revokeToken}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Modal>
  );
}
