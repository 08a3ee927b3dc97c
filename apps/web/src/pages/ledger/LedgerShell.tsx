import { LoginOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Tag, Typography, theme } from 'antd';
import { Link, Outlet } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { RequireAuth } from '../../auth/guards';
import { Logo } from '../../components/Logo';
import { useT } from '../../i18n/I18nProvider';
import { BasicLayout } from '../../layout/BasicLayout';
import { LangSwitch } from '../../layout/HeaderActions';

/** The frame of a public page for a visitor who is not logged in: brand, language, a way to log in. */
function PublicLayout() {
  const t = useT();
  const { token } = theme.useToken();
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
          </Flex>
          <Flex align="center" gap={4}>
            <LangSwitch />
            <Link to="/login?redirect=%2Fledger" data-testid="public-login">
              <Button type="primary" icon={<LoginOutlined />}>
                {t.ledger.login}
              </Button>
            </Link>
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content>
        <Outlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: token.colorTextTertiary }}>
        {t.app.copyright}
      </Layout.Footer>
    </Layout>
  );
}

/**
 * The ledger's read API is public, and so is its explorer: inside the portal's shell for a logged-in user,
 * in a light public frame for everyone else.
 */
export function LedgerShell() {
  const { token } = useAuth();
  if (!token) return <PublicLayout />;
  return (
    <RequireAuth>
      <BasicLayout />
    </RequireAuth>
  );
}
