import { ChangePasswordBody } from '@shuliu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input } from 'antd';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { showServerIssues, zodRule } from '../../lib/zod-form';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change one's own password; the server ends the user's other sessions and revokes their API tokens. */
export function PasswordTab() {
  const t = useT();
  const { me, meQuery } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) =>
      sdk.auth.changePassword({ body: { currentPassword, newPassword } }),
    onSuccess: () => {
      void message.success(t.account.passwordChanged);
      form.resetFields();
      // a forced change is over: the rest of the portal opens again
      if (me?.user.mustChangePassword) void meQuery.refetch();
    },
    onError: (e) => showServerIssues(form, e),
  });
  const required = { required: true, message: t.validation.required };
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 420 }} onFinish={(v) => change.mutate(v)}>
      {me?.user.mustChangePassword && (
        <Alert type="warning" showIcon title={t.authSecurity.mustChange} style={{ marginBottom: 16 }} />
      )}
      <Alert type="info" showIcon title={t.authSecurity.changeEndsTokens} style={{ marginBottom: 16 }} />
      <MutationErrorAlert error={change.error} />
      <Form.Item
        name="currentPassword"
        label={t.account.currentPassword}
        rules={[required, zodRule(ChangePasswordBody.shape.currentPassword, t)]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields name="newPassword" label={t.account.newPassword} />
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t.account.changePassword}
      </Button>
    </Form>
  );
}
