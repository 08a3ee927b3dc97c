import { LoginOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Tag, Typography, theme } from 'antd';
import { Link, useLocation } from 'react-router';
import { PageOutlet } from '../components/PageOutlet';
import { loginPath, useAuth } from '../auth/AuthProvider';
import { RequireAuth } from '../auth/guards';
import { Logo } from '../components/Logo';
import { useT } from '../i18n/I18nProvider';
import type { Messages } from '../i18n/zh-CN';
import { BasicLayout } from './BasicLayout';
import { LangSwitch } from './HeaderActions';

const PUBLIC_PAGES = [
  { key: 'market', path: '/market', label: (t: Messages) => t.market.hall },
  { key: 'open', path: '/open', label: (t: Messages) => t.menu.openData },
  { key: 'ledger', path: '/ledger', label: (t: Messages) => t.menu.ledger },
  { key: 'notices', path: '/registry/notices', label: (t: Messages) => t.registry.notices },
  { key: 'verify', path: '/verify', label: (t: Messages) => t.registry.verify },
  { key: 'operators', path: '/operators', label: (t: Messages) => t.consent.operators },
  { key: 'hqd', path: '/high-quality-datasets', label: (t: Messages) => t.hqd.menu },
];

/** The frame of a public page for a visitor who is not logged in: brand, language, a way to log in. */
function PublicLayout() {
  const t = useT();
  const { token } = theme.useToken();
  const { pathname, search } = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          height: 56,
          lineHeight: '56px',
          paddingInline: 24,
          background: token.colorBgContainer,
          boxShadow: '0 1px 4px rgba(0, 21, 41, 0.08)',
        }}
      >
        <Flex justify="space-between" align="center" style={{ height: '100%' }}>
          <Flex align="center" gap={10}>
            <Logo size={28} />
            <Typography.Text strong style={{ fontSize: 17, whiteSpace: 'nowrap' }}>
              {t.app.name}
            </Typography.Text>
            <Tag color="blue" style={{ marginInlineStart: 4 }}>
              {t.ledger.public}
            </Tag>
            <Flex gap={4} style={{ marginInlineStart: 16 }}>
              {PUBLIC_PAGES.map((p) => (
                <Link key={p.path} to={p.path} data-testid={`public-nav-${p.key}`}>
                  <Button type={pathname.startsWith(p.path) ? 'link' : 'text'}>{p.label(t)}</Button>
                </Link>
              ))}
            </Flex>
          </Flex>
          <Flex align="center" gap={4}>
            <LangSwitch />
            <Link to={loginPath(pathname + search)} data-testid="public-login">
              <Button type="primary" icon={<LoginOutlined />}>
                {t.ledger.login}
              </Button>
            </Link>
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content>
        <PageOutlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: token.colorTextTertiary }}>
        {t.app.copyright}
      </Layout.Footer>
    </Layout>
  );
}

/**
 * The frame of the public pages (the ledger explorer, the open-data portal), whose read APIs are public:
 * inside the portal's shell for a logged-in user, in a light public frame for everyone else.
 */
export function PublicShell() {
  const { token } = useAuth();
  if (!token) return <PublicLayout />;
  return (
    <RequireAuth>
      <BasicLayout />
    </RequireAuth>
  );
}
