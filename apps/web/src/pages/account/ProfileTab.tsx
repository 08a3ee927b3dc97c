import { Descriptions, Typography } from 'antd';
import { useAuth } from '../../auth/AuthProvider';
import { OrgTypeTags, RoleTags } from '../../components/EnumTags';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';

export function ProfileTab() {
  const t = useT();
  const { me } = useAuth();
  if (!me) return null;
  const { user, org, session } = me;
  return (
    <Descriptions
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'username', label: t.users.username, children: user.username },
        { key: 'displayName', label: t.users.displayName, children: user.displayName },
        { key: 'org', label: t.users.org, children: org ? org.name : t.dashboard.noOrg },
        { key: 'orgTypes', label: t.org.types, children: org ? <OrgTypeTags types={org.types} /> : '—' },
        {
          key: 'roles',
          label: t.users.roles,
          children: <RoleTags roles={user.roles} />,
          span: 'filled' as const,
        },
        { key: 'email', label: t.users.email, children: user.email ?? '—' },
        { key: 'phone', label: t.users.phone, children: user.phone ?? '—' },
        { key: 'status', label: t.users.status, children: <StatusTag status={user.status} /> },
        { key: 'lastLogin', label: t.account.lastLogin, children: formatTime(user.lastLoginAt) },
        { key: 'id', label: 'ID', children: <Typography.Text copyable>{user.id}</Typography.Text> },
        { key: 'createdAt', label: t.users.createdAt, children: formatTime(user.createdAt) },
        {
          key: 'session',
          label: t.account.sessionKind,
          children: `${session.kind === 'session' ? t.account.session : t.account.apiToken} · ${t.account.expiresAt} ${formatTime(session.expiresAt)}`,
          span: 'filled' as const,
        },
      ]}
    />
  );
}
