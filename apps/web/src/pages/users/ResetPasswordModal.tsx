import { Password, type User } from '@shuliu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { sdk } from '../../api/sdk';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { zodRule } from '../../lib/zod-form';

/** Sets a new password for another user; the server ends their sessions. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const reset = useMutation({
    mutationFn: (password: string) =>
      sdk.users.resetPassword({ params: { id: user!.id }, body: { password } }),
    onSuccess: () => {
      void message.success(t.users.passwordReset);
      onClose();
    },
    onError: (e) => void message.error(errText(e)),
  });
  const required = { required: true, message: t.validation.required };
  return (
    <Modal
      open={!!user}
      title={t.users.resetPasswordFor(user?.username ?? '')}
      okButtonProps={{ loading: reset.isPending }}
      onOk={() => void form.validateFields().then((v) => reset.mutate(v.password))}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="password"
          label={t.users.newPassword}
          rules={[required, zodRule(Password, t, t.validation.password)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t.account.confirmPassword}
          dependencies={['password']}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: async (_r, v) => {
                if (v && v !== getFieldValue('password')) throw new Error(t.validation.passwordMismatch);
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
