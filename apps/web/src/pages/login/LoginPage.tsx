import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginBody, safeRedirect } from '@shuliu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { Logo } from '../../components/Logo';
import { describeError } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { zodRule } from '../../lib/zod-form';
import { AuthShell } from './AuthShell';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const t = useT();
  const { token, signIn } = useAuth();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const redirect = safeRedirect(sp.get('redirect'));
  const login = useMutation({
    mutationFn: (body: LoginValues) => sdk.auth.login({ body }),
    onSuccess: (reply) => {
      signIn(reply.token);
      // after an administrator's reset nothing else works until the user picks their own password
      void navigate(reply.user.mustChangePassword ? '/account?tab=password' : redirect, { replace: true });
    },
  });
  if (token && !login.isPending) return <Navigate to={redirect} replace />;
  const error = login.error ? describeError(t, login.error) : null;
  return (
    <AuthShell>
      <Card style={{ width: 400, maxWidth: '100%', boxShadow: '0 6px 24px rgba(0,0,0,0.08)' }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <Logo size={44} />
          <Typography.Title level={3} style={{ margin: '8px 0 0', textAlign: 'center' }}>
            {t.app.full}
          </Typography.Title>
          <Typography.Text type="secondary">{t.login.title}</Typography.Text>
        </Flex>
        {sp.get('expired') && !error && (
          <Alert type="warning" showIcon title={t.login.expired} style={{ marginBottom: 16 }} />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            title={t.login.failed}
            description={`${error.message} (${error.code})`}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form<LoginValues>
          size="large"
          initialValues={{ username: sp.get('username') ?? '' }}
          onFinish={(v) => login.mutate(v)}
          data-testid="login-form"
        >
          <Form.Item
            name="username"
            rules={[{ required: true, message: t.validation.required }, zodRule(LoginBody.shape.username, t)]}
          >
            <Input
              prefix={<UserOutlined />}
              placeholder={t.login.username}
              autoComplete="username"
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: t.validation.required }]}>
            <Input.Password
              prefix={<LockOutlined />}
              placeholder={t.login.password}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t.login.submit}
          </Button>
        </Form>
        <Flex justify="center" gap={4} wrap style={{ marginTop: 24 }}>
          <Typography.Text type="secondary">{t.login.noAccount}</Typography.Text>
          <Link to="/apply" data-testid="link-apply">
            {t.login.apply}
          </Link>
          <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
            {t.consentPerson.signUp.loginPrompt}
          </Typography.Text>
          <Link to="/signup" data-testid="link-signup">
            {t.consent.signUp}
          </Link>
        </Flex>
        <Flex justify="center" gap={16} style={{ marginTop: 8 }}>
          <Link to="/open" data-testid="link-open-data">
            {t.login.openData}
          </Link>
          <Link to="/ledger" data-testid="link-ledger">
            {t.login.ledger}
          </Link>
          <Link to="/operators" data-testid="link-operators">
            {t.consent.operators}
          </Link>
        </Flex>
      </Card>
    </AuthShell>
  );
}
