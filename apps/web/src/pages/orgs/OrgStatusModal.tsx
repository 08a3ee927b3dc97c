import { api, type Org } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { sdk } from '../../api/sdk';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { zodRule } from '../../lib/zod-form';

// The route's own body schema: the same rule (2–1000 chars) as the server.
const reasonSchema = api.orgs.setStatus.body!.shape.reason;

/** Suspend or reactivate an organization; a reason is required and goes into the audit log. */
export function OrgStatusModal({ org, onClose }: { org: Org | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const target = org?.status === 'suspended' ? 'active' : 'suspended';
  const change = useMutation({
    mutationFn: (reason: string) =>
      sdk.orgs.setStatus({ params: { id: org!.id }, body: { status: target, reason } }),
    onSuccess: () => {
      void message.success(t.orgs.changed);
      void qc.invalidateQueries({ queryKey: ['orgs'] });
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
      onClose();
    },
    onError: (e) => void message.error(errText(e)),
  });
  const suspend = target === 'suspended';
  return (
    <Modal
      open={!!org}
      title={`${suspend ? t.orgs.suspendTitle : t.orgs.reactivateTitle} · ${org?.name ?? ''}`}
      okText={suspend ? t.orgs.suspend : t.orgs.reactivate}
      okButtonProps={{
        danger: suspend,
        loading: change.isPending,
        ...({ 'data-testid': 'confirm-button' } as object),
      }}
      onOk={() => void form.validateFields().then((v) => change.mutate(v.reason.trim()))}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type={suspend ? 'warning' : 'info'}
        showIcon
        title={suspend ? t.orgs.suspendDesc : t.orgs.reactivateDesc}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t.orgs.reason}
          rules={[
            { required: true, whitespace: true, message: t.validation.required },
            zodRule(reasonSchema, t),
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
