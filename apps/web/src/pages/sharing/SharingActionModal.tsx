import { SharingNoteBody, SharingRejectBody, type SharingRequest } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { sdk } from '../../api/sdk';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { whenValid, zodRule } from '../../lib/zod-form';

export type SharingAction = 'approve' | 'reject' | 'deliver';

function call(action: SharingAction, id: string, text?: string) {
  const params = { id };
  if (action === 'reject') return sdk.sharing.reject({ params, body: { reason: text ?? '' } });
  const body = text ? { note: text } : {};
  return action === 'approve' ? sdk.sharing.approve({ params, body }) : sdk.sharing.deliver({ params, body });
}

/** The providing department approves (with how it shares), rejects (with why) or records the delivery. */
export function SharingActionModal({
  req,
  action,
  onClose,
}: {
  req: SharingRequest | null;
  action: SharingAction | null;
  onClose: () => void;
}) {
  const t = useT();
  const s = t.sharing;
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ text?: string }>();
  const act = useMutation({
    mutationFn: (v: { action: SharingAction; id: string; text?: string }) => call(v.action, v.id, v.text),
    onSuccess: (_r, v) => {
      void message.success({ approve: s.approved, reject: s.rejected, deliver: s.delivered }[v.action]);
      void qc.invalidateQueries({ queryKey: ['sharing'] });
      onClose();
    },
    onError: (e) => void message.error(errText(e)),
  });
  const reject = action === 'reject';
  const title = action && { approve: s.approveTitle, reject: s.rejectTitle, deliver: s.deliverTitle }[action];
  const label = action && { approve: s.approveNote, reject: s.reason, deliver: s.deliverNote }[action];
  const schema = reject ? SharingRejectBody.shape.reason : SharingNoteBody.shape.note;
  return (
    <Modal
      open={!!req && !!action}
      title={title}
      okButtonProps={{
        danger: reject,
        loading: act.isPending,
        ...({ 'data-testid': 'sharing-confirm' } as object),
      }}
      onOk={() =>
        whenValid(
          form,
          (v) => req && action && act.mutate({ action, id: req.id, text: v.text?.trim() || undefined }),
        )
      }
      onCancel={onClose}
      destroyOnHidden
    >
      {req && (
        <Alert
          type="info"
          showIcon
          title={`${req.requesterOrgName ?? req.requesterOrgId} · ${req.resourceTitle ?? req.resourceId}`}
          description={req.purpose}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="text"
          label={label}
          rules={[
            ...(reject ? [{ required: true, whitespace: true, message: t.validation.required }] : []),
            zodRule(schema, t),
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="sharing-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
