import { KeyOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons';
import type { OrgKeyCustody, OrgSigningKey } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { ListCard } from '../../components/ListCard';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import { formatTime } from '../../lib/time';
import { SetSigningKeyModal } from './SetSigningKeyModal';

const CUSTODY_COLOR: Record<OrgKeyCustody, string> = { platform: 'geekblue', org: 'purple' };

function columns(t: Messages): ColumnsType<OrgSigningKey> {
  return [
    {
      key: 'id',
      title: t.orgKeys.keyId,
      render: (_, k) => (
        <Typography.Text code copyable>
          {k.id}
        </Typography.Text>
      ),
    },
    {
      key: 'custody',
      title: t.orgKeys.custody,
      render: (_, k) => <Tag color={CUSTODY_COLOR[k.custody]}>{t.orgKeys.custodyLabel[k.custody]}</Tag>,
    },
    {
      key: 'state',
      title: t.orgKeys.state,
      render: (_, k) =>
        k.retiredAt ? (
          <StatusTag status="retired" label={t.orgKeys.retired} />
        ) : (
          <StatusTag status="active" label={t.orgKeys.inUse} />
        ),
    },
    {
      key: 'publicKey',
      title: t.orgKeys.publicKey,
      render: (_, k) => (
        <Typography.Text copyable={{ text: k.publicKey }} style={{ fontFamily: 'monospace' }}>
          {`${k.publicKey.slice(0, 12)}…${k.publicKey.slice(-8)}`}
        </Typography.Text>
      ),
    },
    { key: 'createdAt', title: t.orgKeys.createdAt, render: (_, k) => formatTime(k.createdAt) },
    { key: 'retiredAt', title: t.orgKeys.retiredAt, render: (_, k) => formatTime(k.retiredAt) },
  ];
}

/** The PEM of a key and, for an org that holds its own key, how it signs offline. */
function KeyDetail({ k }: { k: OrgSigningKey }) {
  const t = useT();
  return (
    <>
      <Typography.Text type="secondary">{t.orgKeys.showPem}</Typography.Text>
      <Typography.Paragraph copyable={{ text: k.publicKeyPem }}>
        <pre style={{ margin: 0 }}>{k.publicKeyPem}</pre>
      </Typography.Paragraph>
      {k.custody === 'org' && !k.retiredAt && (
        <>
          <Typography.Text type="secondary">{t.orgKeys.offlineHelp}</Typography.Text>
          <pre style={{ margin: 0 }}>
            {'shuliu keygen --out key.pem\nshuliu sign declaration.json --key key.pem'}
          </pre>
        </>
      )}
    </>
  );
}

/**
 * 签名密钥: an org's SM2 signing keys, newest first, retired ones kept (their signatures still verify). The
 * org's own administrators create, register or rotate; everyone else sees the public keys.
 */
export function OrgSigningKeysCard({ orgId }: { orgId: string }) {
  const t = useT();
  const { me, hasRole } = useAuth();
  const [dialog, setDialog] = useState<OrgKeyCustody | null>(null);
  const q = useQuery({
    queryKey: ['org-keys', orgId],
    queryFn: () => sdk.orgKeys.list({ params: { id: orgId } }),
  });
  const keys = [...(q.data?.items ?? [])].reverse();
  const active = keys.find((k) => !k.retiredAt);
  const canManage = me?.org?.id === orgId && hasRole('org_admin');
  const actions = canManage
    ? active
      ? [
          <Button
            key="rotate"
            icon={<SyncOutlined />}
            onClick={() => setDialog(active.custody)}
            data-testid="org-key-rotate"
          >
            {t.orgKeys.rotate}
          </Button>,
        ]
      : [
          <Button
            key="platform"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog('platform')}
            data-testid="org-key-create-platform"
          >
            {t.orgKeys.createPlatform}
          </Button>,
          <Button
            key="org"
            icon={<KeyOutlined />}
            onClick={() => setDialog('org')}
            data-testid="org-key-register-own"
          >
            {t.orgKeys.registerOwn}
          </Button>,
        ]
    : undefined;
  return (
    <>
      <Alert type="info" showIcon title={t.orgKeys.intro} style={{ marginBottom: 16 }} />
      <ListCard<OrgSigningKey>
        id="org-signing-keys"
        title={t.orgKeys.title}
        testId="org-signing-keys"
        columns={columns(t)}
        actions={actions}
        error={q.error}
        onRefresh={() => void q.refetch()}
        refreshing={q.isFetching}
        table={{
          rowKey: 'id',
          loading: q.isPending,
          dataSource: keys,
          pagination: false,
          expandable: { expandedRowRender: (k) => <KeyDetail k={k} /> },
          locale: {
            emptyText: (
              <Empty description={t.orgKeys.empty}>
                {canManage && <Typography.Text type="secondary">{t.orgKeys.emptyHint}</Typography.Text>}
              </Empty>
            ),
          },
        }}
      />
      {canManage && (
        <SetSigningKeyModal
          orgId={orgId}
          custody={dialog}
          rotating={!!active}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
