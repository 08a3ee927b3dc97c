import { IdcardOutlined, MobileOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { IdCard, Mobile, SignUpBody, Username } from '@shuliu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { Logo } from '../../components/Logo';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { zodRule } from '../../lib/zod-form';
import { AuthShell } from '../login/AuthShell';
import { showErrorAtField } from '../consent/person/field-errors';
import { birthOf, GUARDIAN_AGE } from './id-card';

interface Values {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  idCard: string;
  phone: string;
  guardianUsername?: string;
}
const FIELDS = ['username', 'displayName', 'password', 'idCard', 'phone', 'guardianUsername'];

/** Signs up, then logs in with the same credentials; a failed login leaves the person at the login page. */
async function signUpAndLogIn(v: Values, minor: boolean) {
  const person = await sdk.consent.signUp({
    body: {
      username: v.username.trim(),
      password: v.password,
      displayName: v.displayName.trim(),
      idCard: v.idCard.trim().toUpperCase(),
      phone: v.phone.trim(),
      guardianUsername: minor ? v.guardianUsername?.trim() : undefined,
    },
  });
  const session = await sdk.auth
    .login({ body: { username: person.username, password: v.password } })
    .catch(() => null);
  return { person, session };
}

/** 个人注册: a natural person's account, with the ID card checked here as the API checks it (GB 11643). */
export function SignUpPage() {
  const t = useT();
  const c = t.consentPerson.signUp;
  const { token, signIn } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [atField, setAtField] = useState(false);
  const birth = birthOf(Form.useWatch('idCard', form));
  const minor = !!birth && birth.age < GUARDIAN_AGE;
  const submit = useMutation({
    mutationFn: (v: Values) => signUpAndLogIn(v, minor),
    onSuccess: ({ person, session }) => {
      if (!session) return void navigate(`/login?username=${encodeURIComponent(person.username)}`);
      void message.success(c.success(person.displayName));
      signIn(session.token);
    },
    onError: (e) => setAtField(showErrorAtField(form, e, t, FIELDS)),
  });
  if (token) return <Navigate to={submit.isSuccess ? '/consent/mine' : '/'} replace />;
  const required = { required: true, message: t.validation.required };
  return (
    <AuthShell>
      <Card style={{ width: 480, maxWidth: '100%', boxShadow: '0 6px 24px rgba(0,0,0,0.08)' }}>
        <Flex align="center" gap={12} style={{ marginBottom: 20 }}>
          <Logo size={36} />
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {c.title}
            </Typography.Title>
            <Typography.Text type="secondary">{c.subtitle}</Typography.Text>
          </div>
        </Flex>
        {/* an error beside its field is not repeated above the form */}
        <MutationErrorAlert error={atField ? null : submit.error} />
        <Form<Values>
          form={form}
          name="signup"
          layout="vertical"
          requiredMark
          scrollToFirstError
          onFinish={(v) => submit.mutate(v)}
          data-testid="signup-form"
        >
          <Form.Item
            name="username"
            label={c.username}
            rules={[required, zodRule(Username, t, t.validation.username)]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" data-testid="signup-username" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={c.displayName}
            rules={[required, zodRule(SignUpBody.shape.displayName, t)]}
          >
            <Input autoComplete="name" data-testid="signup-display-name" />
          </Form.Item>
          <NewPasswordFields name="password" label={c.password} />
          <Form.Item
            name="idCard"
            label={c.idCard}
            validateTrigger="onBlur"
            rules={[required, zodRule(IdCard, t, c.idCardInvalid)]}
            extra={
              <>
                {birth && <div data-testid="signup-birth">{c.birth(birth.date, birth.age)}</div>}
                {c.idCardHelp}
              </>
            }
          >
            <Input
              prefix={<IdcardOutlined />}
              maxLength={18}
              autoComplete="off"
              data-testid="signup-id-card"
            />
          </Form.Item>
          <Form.Item name="phone" label={c.phone} rules={[required, zodRule(Mobile, t, t.validation.mobile)]}>
            <Input
              prefix={<MobileOutlined />}
              inputMode="tel"
              autoComplete="tel"
              data-testid="signup-phone"
            />
          </Form.Item>
          {minor && (
            <>
              <Alert
                type="warning"
                showIcon
                title={c.guardianWhy}
                style={{ marginBottom: 16 }}
                data-testid="signup-minor"
              />
              <Form.Item
                name="guardianUsername"
                label={c.guardian}
                rules={[
                  { required: true, message: c.guardianRequired },
                  zodRule(Username, t, t.validation.username),
                ]}
              >
                <Input prefix={<TeamOutlined />} data-testid="signup-guardian" />
              </Form.Item>
            </>
          )}
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={submit.isPending}
            data-testid="signup-submit"
          >
            {c.submit}
          </Button>
        </Form>
        <Flex vertical align="center" gap={4} style={{ marginTop: 20 }}>
          <Typography.Text type="secondary">
            {c.hasAccount} <Link to="/login">{c.login}</Link>
          </Typography.Text>
          <Link to="/apply">{c.orgHint}</Link>
        </Flex>
      </Card>
    </AuthShell>
  );
}
