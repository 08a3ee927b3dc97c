import {
  BankOutlined,
  BellOutlined,
  LogoutOutlined,
  TranslationOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Avatar, Badge, Button, Dropdown, Flex, Grid, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { sdk } from '../api/sdk';
import { useAuth } from '../auth/AuthProvider';
import { LANGS, useI18n } from '../i18n/I18nProvider';
import { NotificationDrawer } from './NotificationDrawer';

/** Polls the unread count every 30 s (站内消息 badge). */
export function NotificationBell() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const unread = useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => sdk.notifications.unreadCount(),
    refetchInterval: 30_000,
  });
  return (
    <>
      <Tooltip title={t.header.notifications}>
        <Button
          type="text"
          onClick={() => setOpen(true)}
          data-testid="notification-bell"
          aria-label={t.header.notifications}
        >
          <Badge count={unread.data?.unread ?? 0} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 16 }} />
          </Badge>
        </Button>
      </Tooltip>
      <NotificationDrawer open={open} onClose={() => setOpen(false)} />
    </>
  );
}

/** Below the md breakpoint (a phone) the header keeps its icons and drops their words. */
const useNarrow = () => !Grid.useBreakpoint().md;

export function LangSwitch() {
  const { t, lang, setLang } = useI18n();
  const narrow = useNarrow();
  return (
    <Dropdown
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: LANGS.map((l) => ({ key: l, label: t.lang[l] })),
        onClick: ({ key }) => setLang(key as typeof lang),
      }}
    >
      <Button type="text" icon={<TranslationOutlined />} aria-label={t.lang.switch} data-testid="lang-switch">
        {narrow ? null : t.lang[lang]}
      </Button>
    </Dropdown>
  );
}

export function UserMenu() {
  const { t } = useI18n();
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  const name = me?.user.displayName ?? '';
  const narrow = useNarrow();
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'account', icon: <UserOutlined />, label: t.header.myAccount },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t.header.logout, danger: true },
        ],
        onClick: ({ key }) => (key === 'logout' ? void signOut() : void navigate('/account')),
      }}
    >
      <Button type="text" style={{ height: 40 }} data-testid="user-menu">
        <Avatar size="small" style={{ background: '#1677ff' }}>
          {name.slice(0, 1).toUpperCase()}
        </Avatar>
        {!narrow && <span>{name}</span>}
      </Button>
    </Dropdown>
  );
}

export function OrgBadge() {
  const { t } = useI18n();
  const { me } = useAuth();
  const narrow = useNarrow();
  if (!me?.org) return null;
  return (
    <Tooltip title={narrow ? me.org.name : t.header.org}>
      <Flex align="center" gap={6} style={{ paddingInline: 8 }} data-testid="header-org">
        <BankOutlined />
        {!narrow && (
          <Typography.Text ellipsis style={{ maxWidth: 240 }}>
            {me.org.name}
          </Typography.Text>
        )}
      </Flex>
    </Tooltip>
  );
}
