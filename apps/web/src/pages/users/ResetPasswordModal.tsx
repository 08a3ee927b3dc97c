import type { User } from '@shuliu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Modal } from 'antd';
import { sdk } from '../../api/sdk';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';

/** An org_admin sets a temporary password for a member: their sessions and tokens end, they must change it. */
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
  return (
    <Modal
      open={!!user}
      title={t.users.resetPasswordFor(user?.username ?? '')}
      okButtonProps={{ loading: reset.isPending }}
      onOk={() => void form.validateFields().then((v) => reset.mutate(v.password))}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t.authSecurity.resetEffects} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <NewPasswordFields name="password" label={t.users.newPassword} />
      </Form>
    </Modal>
  );
}
