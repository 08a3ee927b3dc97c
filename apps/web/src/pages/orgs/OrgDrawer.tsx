import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { AuditEvent, User } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Skeleton, Table, Tabs } from 'antd';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { OrgDescriptions } from '../../components/ApplicationParts';
import { RoleTags } from '../../components/EnumTags';
import { QueryErrorAlert, QueryErrorResult } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/I18nProvider';
import { actionLabel } from '../../i18n/labels';
import { formatTime } from '../../lib/time';
import type { Org } from '@shuliu/contracts';
import { OrgSigningKeysCard } from './OrgSigningKeysCard';

function OrgUsers({ orgId }: { orgId: string }) {
  const t = useT();
  const q = useQuery({
    queryKey: ['users', 'list', { orgId }],
    queryFn: () => sdk.users.list({ query: { orgId, pageSize: 50 } }),
  });
  if (q.isError) return <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Table<User>
      size="small"
      rowKey="id"
      loading={q.isPending}
      dataSource={q.data?.items}
      pagination={false}
      columns={[
        { key: 'username', title: t.users.username, dataIndex: 'username' },
        { key: 'displayName', title: t.users.displayName, dataIndex: 'displayName' },
        { key: 'roles', title: t.users.roles, render: (_, u) => <RoleTags roles={u.roles} /> },
        {
          key: 'status',
          title: t.users.status,
          render: (_, u) => <StatusTag status={u.locked ? 'locked' : u.status} />,
        },
      ]}
    />
  );
}

function OrgAudit({ orgId }: { orgId: string }) {
  const t = useT();
  const q = useQuery({
    queryKey: ['audit', 'list', { orgId }],
    queryFn: () => sdk.audit.list({ query: { orgId, pageSize: 20 } }),
  });
  if (q.isError) return <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <Table<AuditEvent>
        size="small"
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data?.items}
        pagination={false}
        columns={[
          { key: 'at', title: t.audit.at, render: (_, e) => formatTime(e.at) },
          { key: 'actor', title: t.audit.actor, render: (_, e) => e.actorName ?? '—' },
          { key: 'action', title: t.audit.action, render: (_, e) => actionLabel(t, e.action) },
          { key: 'outcome', title: t.audit.outcome, render: (_, e) => <StatusTag status={e.outcome} /> },
        ]}
      />
      <Link to={`/audit?orgId=${orgId}`} style={{ display: 'inline-block', marginTop: 12 }}>
        {t.dashboard.viewAll}
      </Link>
    </>
  );
}

/** One organization: particulars, its users (operators), its signing keys and its audit trail, with suspend/reactivate. */
export function OrgDrawer({
  id,
  onClose,
  onChangeStatus,
}: {
  id?: string;
  onClose: () => void;
  onChangeStatus: (o: Org) => void;
}) {
  const t = useT();
  const { hasRole, me } = useAuth();
  const q = useQuery({
    queryKey: ['orgs', 'detail', id],
    queryFn: () => sdk.orgs.get({ params: { id: id! } }),
    enabled: !!id,
  });
  const org = q.data;
  // Operators may not suspend their own organization: they would lock themselves out.
  const canChange =
    hasRole('operator') &&
    org &&
    org.id !== me?.org?.id &&
    (org.status === 'active' || org.status === 'suspended');
  const extra = canChange && (
    <Button
      danger={org.status === 'active'}
      icon={org.status === 'active' ? <PauseCircleOutlined /> : <PlayCircleOutlined />}
      onClick={() => onChangeStatus(org)}
    >
      {org.status === 'active' ? t.orgs.suspend : t.orgs.reactivate}
    </Button>
  );
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={760}
      title={org?.name ?? t.orgs.detail}
      extra={extra || null}
      data-testid="org-drawer"
    >
      {q.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
      {q.isError && <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />}
      {org && (
        <Tabs
          items={[
            { key: 'basic', label: t.orgs.basic, children: <OrgDescriptions org={org} /> },
            ...(hasRole('operator')
              ? [{ key: 'users', label: t.orgs.users, children: <OrgUsers orgId={org.id} /> }]
              : []),
            { key: 'keys', label: t.orgKeys.title, children: <OrgSigningKeysCard orgId={org.id} /> },
            { key: 'audit', label: t.orgs.audit, children: <OrgAudit orgId={org.id} /> },
          ]}
        />
      )}
    </Drawer>
  );
}
