import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Grid, Layout, Menu, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { PageOutlet } from '../components/PageOutlet';
import { useAuth } from '../auth/AuthProvider';
import { Logo } from '../components/Logo';
import { useT } from '../i18n/I18nProvider';
import { LangSwitch, NotificationBell, OrgBadge, UserMenu } from './HeaderActions';
import { canSee, isGroup, matchNav, NAV, orgGated, type NavItem } from './nav';

const COLLAPSED_KEY = 'shuliu.sider.collapsed';
export const SIDER_BG = '#001529';

function useMenuItems(): MenuProps['items'] {
  const t = useT();
  const { roles, me } = useAuth();
  return useMemo(() => {
    const orgStatus = me?.org?.status ?? null;
    const gated = orgGated(orgStatus);
    const visible = (i: NavItem) =>
      !i.hidden &&
      canSee(i, roles) &&
      (!i.showWhen || i.showWhen({ roles, orgStatus })) &&
      (!gated || i.showWhen);
    const leaf = (i: NavItem) => ({
      key: i.path,
      icon: i.icon,
      label: <span data-testid={`menu-${i.key}`}>{i.label(t)}</span>,
    });
    return NAV.flatMap((n) => {
      if (!isGroup(n)) return visible(n) ? [leaf(n)] : [];
      const children = n.children.filter(visible).map(leaf);
      if (children.length === 0) return [];
      return [
        {
          key: n.key,
          icon: n.icon,
          label: <span data-testid={`menu-${n.key}`}>{n.label(t)}</span>,
          children,
        },
      ];
    });
  }, [t, roles, me]);
}

/** The Ant Design Pro shell: dark side menu by role, top bar with org, notifications, language and user. */
export function BasicLayout() {
  const t = useT();
  const { token } = theme.useToken();
  const { me } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  // on a phone the menu hides completely and opens over the page, so the page keeps the whole width
  const phone = Grid.useBreakpoint().md === false;
  const items = useMenuItems();
  const match = matchNav(pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(() => [
    'data',
    'sharing',
    'registry',
    'consent',
    'subjects',
    'security',
  ]);
  const toggle = () => {
    localStorage.setItem(COLLAPSED_KEY, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };
  return (
    <Layout style={{ minHeight: '100vh', background: SIDER_BG }}>
      <Layout.Sider
        collapsed={collapsed}
        collapsedWidth={phone ? 0 : 80}
        trigger={null}
        width={232}
        breakpoint="lg"
        onBreakpoint={(broken) => setCollapsed(broken)}
        style={{
          position: phone ? 'fixed' : 'sticky',
          zIndex: phone ? 1000 : undefined,
          top: 0,
          height: '100vh',
          overflow: 'auto',
        }}
        data-testid="side-menu"
      >
        <Flex
          align="center"
          gap={10}
          style={{ height: 56, paddingInline: collapsed ? 24 : 20, cursor: 'pointer' }}
          onClick={() => void navigate('/')}
        >
          <Logo size={28} />
          {!collapsed && (
            <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>
              {t.app.name} <span style={{ fontWeight: 400, fontSize: 12, opacity: 0.65 }}>{t.app.tag}</span>
            </Typography.Text>
          )}
        </Flex>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={match ? [match.item.path] : []}
          openKeys={collapsed ? undefined : openKeys}
          onOpenChange={setOpenKeys}
          onClick={({ key }) => {
            if (phone) setCollapsed(true);
            void navigate(key);
          }}
        />
      </Layout.Sider>
      {phone && !collapsed && (
        <div
          onClick={() => setCollapsed(true)}
          style={{ position: 'fixed', inset: 0, zIndex: 999, background: 'rgba(0, 0, 0, 0.45)' }}
          data-testid="side-menu-mask"
        />
      )}
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            height: 56,
            lineHeight: '56px',
            paddingInline: 16,
            background: token.colorBgContainer,
            boxShadow: '0 1px 4px rgba(0, 21, 41, 0.08)',
          }}
        >
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={toggle}
              data-testid="side-menu-toggle"
            />
            <Flex align="center" gap={4}>
              <OrgBadge />
              <NotificationBell />
              <LangSwitch />
              <UserMenu />
            </Flex>
          </Flex>
        </Layout.Header>
        {me?.org?.status === 'suspended' && (
          <Alert banner type="warning" title={`${me.org.name} · ${t.status.suspended}`} />
        )}
        <Layout.Content>
          <PageOutlet />
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: token.colorTextTertiary }}>
          {t.app.copyright}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
