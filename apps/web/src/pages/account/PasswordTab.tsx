import { ChangePasswordBody, Password } from '@shuliu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { showServerIssues, zodRule } from '../../lib/zod-form';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change one's own password; the server ends the user's other sessions. */
export function PasswordTab() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) =>
      sdk.auth.changePassword({ body: { currentPassword, newPassword } }),
    onSuccess: () => {
      void message.success(t.account.passwordChanged);
      form.resetFields();
    },
    onError: (e) => showServerIssues(form, e),
  });
  const required = { required: true, message: t.validation.required };
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 420 }} onFinish={(v) => change.mutate(v)}>
      <MutationErrorAlert error={change.error} />
      <Form.Item
        name="currentPassword"
        label={t.account.currentPassword}
        rules={[required, zodRule(ChangePasswordBody.shape.currentPassword, t)]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t.account.newPassword}
        rules={[required, zodRule(Password, t, t.validation.password)]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t.account.confirmPassword}
        dependencies={['newPassword']}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: async (_r, v) => {
              if (v && v !== getFieldValue('newPassword')) throw new Error(t.validation.passwordMismatch);
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t.account.changePassword}
      </Button>
    </Form>
  );
}
