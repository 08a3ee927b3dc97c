import { PlusOutlined } from '@ant-design/icons';
import { ROLES, UserStatus, type User } from '@shuliu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Popconfirm, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { RoleTags } from '../../components/EnumTags';
import { FilterForm, type FilterField } from '../../components/FilterForm';
import { ListCard } from '../../components/ListCard';
import { OrgSelect } from '../../components/OrgSelect';
import { PageContainer } from '../../components/PageContainer';
import { useErrorText } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { MemberTokensModal } from './MemberTokensModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';

const KEYS = ['orgId', 'role', 'status', 'locked', 'q'] as const;

interface RowActions {
  edit: (u: User) => void;
  reset: (u: User) => void;
  unlock: (u: User) => void;
  tokens: (u: User) => void;
}

function columns(t: Messages, a: RowActions): ColumnsType<User> {
  return [
    {
      key: 'username',
      title: t.users.username,
      render: (_, u) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{u.username}</Typography.Text>
          <Typography.Text type="secondary">{u.displayName}</Typography.Text>
        </Space>
      ),
    },
    { key: 'org', title: t.users.org, render: (_, u) => u.orgName ?? '—' },
    { key: 'roles', title: t.users.roles, render: (_, u) => <RoleTags roles={u.roles} /> },
    {
      key: 'status',
      title: t.users.status,
      render: (_, u) => (
        <Space size={0}>
          <StatusTag status={u.status} />
          {u.locked && <StatusTag status="locked" />}
        </Space>
      ),
    },
    {
      key: 'contact',
      title: `${t.users.email} / ${t.users.phone}`,
      render: (_, u) => [u.email, u.phone].filter(Boolean).join(' · ') || '—',
    },
    { key: 'lastLogin', title: t.users.lastLogin, render: (_, u) => formatTime(u.lastLoginAt) },
    { key: 'createdAt', title: t.users.createdAt, render: (_, u) => formatTime(u.createdAt) },
    {
      key: 'actions',
      title: t.common.actions,
      fixed: 'right',
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => a.edit(u)}>
            {t.common.edit}
          </Button>
          <Button type="link" size="small" onClick={() => a.reset(u)}>
            {t.users.resetPassword}
          </Button>
          <Button type="link" size="small" onClick={() => a.tokens(u)}>
            {t.authSecurity.memberTokens}
          </Button>
          {u.locked && (
            <Popconfirm title={t.users.unlockConfirm} onConfirm={() => a.unlock(u)}>
              <Button type="link" size="small">
                {t.users.unlock}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
}

/** 用户管理: operators see everyone, org admins their own org; create, edit roles/status, reset, unlock. */
export function UsersPage() {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const { hasRole } = useAuth();
  const qc = useQueryClient();
  const lp = useListParams(KEYS);
  const [form, setForm] = useState<{ open: boolean; user?: User }>({ open: false });
  const [resetting, setResetting] = useState<User | null>(null);
  const [tokensOf, setTokensOf] = useState<User | null>(null);
  const f = lp.filters;
  const query = {
    page: lp.page,
    pageSize: lp.pageSize,
    orgId: f.orgId,
    role: f.role as User['roles'][number] | undefined,
    status: f.status as User['status'] | undefined,
    locked: f.locked as 'true' | 'false' | undefined,
    q: f.q,
  };
  const list = useQuery({
    queryKey: ['users', 'list', query],
    queryFn: () => sdk.users.list({ query }),
    placeholderData: keepPreviousData,
  });
  const unlock = useMutation({
    mutationFn: (u: User) => sdk.users.unlock({ params: { id: u.id } }),
    onSuccess: () => {
      void message.success(t.users.unlocked);
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (e) => void message.error(errText(e)),
  });
  const pagination = usePagination(lp, list.data?.total);
  const fields: FilterField[] = [
    { name: 'q', label: t.common.search, node: <Input allowClear placeholder={t.users.searchPlaceholder} /> },
    ...(hasRole('operator')
      ? [{ name: 'orgId', label: t.users.org, node: <OrgSelect placeholder={t.common.all} /> }]
      : []),
    {
      name: 'role',
      label: t.users.roles,
      node: (
        <Select
          allowClear
          placeholder={t.common.all}
          options={ROLES.map((r) => ({ value: r, label: t.role[r] }))}
        />
      ),
    },
    {
      name: 'status',
      label: t.users.status,
      node: (
        <Select
          allowClear
          placeholder={t.common.all}
          options={UserStatus.options.map((s) => ({ value: s, label: t.status[s] }))}
        />
      ),
    },
    {
      name: 'locked',
      label: t.users.locked,
      node: (
        <Select
          allowClear
          placeholder={t.common.all}
          options={[
            { value: 'true', label: t.users.lockedYes },
            { value: 'false', label: t.users.lockedNo },
          ]}
        />
      ),
    },
  ];
  const create = (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => setForm({ open: true })}
      data-testid="create-user"
    >
      {t.users.create}
    </Button>
  );
  return (
    <PageContainer title={t.users.title}>
      <FilterForm fields={fields} values={f} onSearch={(v) => lp.setFilters(v)} />
      <ListCard<User>
        id="users"
        title={t.users.title}
        actions={create}
        columns={columns(t, {
          edit: (user) => setForm({ open: true, user }),
          reset: setResetting,
          tokens: setTokensOf,
          unlock: (u) => unlock.mutate(u),
        })}
        error={list.error}
        onRefresh={() => void list.refetch()}
        refreshing={list.isFetching}
        csv={{
          filename: 'users.csv',
          columns: [
            { header: 'id', value: (u) => u.id },
            { header: t.users.username, value: (u) => u.username },
            { header: t.users.displayName, value: (u) => u.displayName },
            { header: t.users.org, value: (u) => u.orgName },
            { header: t.users.roles, value: (u) => u.roles.map((r) => t.role[r]).join('、') },
            { header: t.users.status, value: (u) => t.status[u.status] },
            { header: t.users.locked, value: (u) => (u.locked ? t.common.yes : t.common.no) },
            { header: t.users.lastLogin, value: (u) => formatTime(u.lastLoginAt) },
          ],
        }}
        table={{
          rowKey: 'id',
          dataSource: list.data?.items,
          loading: list.isFetching && !list.isError,
          pagination,
        }}
      />
      <UserFormModal open={form.open} user={form.user} onClose={() => setForm({ open: false })} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <MemberTokensModal user={tokensOf} onClose={() => setTokensOf(null)} />
    </PageContainer>
  );
}
