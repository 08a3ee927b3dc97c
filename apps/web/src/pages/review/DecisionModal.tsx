import { DecisionBody, RejectBody, type Application } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { sdk } from '../../api/sdk';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { zodRule } from '../../lib/zod-form';

export type Decision = 'approve' | 'reject';

interface Props {
  app: Application;
  decision: Decision | null;
  onClose: () => void;
}

/** Approve (optional note) or reject (reason required), confirmed in a modal; lists refresh afterwards. */
export function DecisionModal({ app, decision, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ reason?: string }>();
  const decide = useMutation({
    mutationFn: ({ d, reason }: { d: Decision; reason?: string }) =>
      d === 'approve'
        ? sdk.onboarding.approve({ params: { id: app.id }, body: reason ? { reason } : {} })
        : sdk.onboarding.reject({ params: { id: app.id }, body: { reason: reason ?? '' } }),
    onSuccess: (_r, { d }) => {
      void message.success(d === 'approve' ? t.review.approvedMsg : t.review.rejectedMsg);
      void qc.invalidateQueries({ queryKey: ['applications'] });
      void qc.invalidateQueries({ queryKey: ['orgs'] });
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
      form.resetFields();
      onClose();
    },
    onError: (e) => void message.error(errText(e)),
  });
  const approve = decision === 'approve';
  return (
    <Modal
      open={decision !== null}
      title={approve ? t.review.approveTitle : t.review.rejectTitle}
      okText={approve ? t.review.approve : t.review.reject}
      okButtonProps={{
        danger: !approve,
        loading: decide.isPending,
        ...({ 'data-testid': 'confirm-button' } as object),
      }}
      onOk={() =>
        void form
          .validateFields()
          .then((v) => decision && decide.mutate({ d: decision, reason: v.reason?.trim() }))
      }
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
      data-testid="decision-modal"
    >
      <Alert
        type={approve ? 'success' : 'warning'}
        showIcon
        title={approve ? t.review.approveDesc(app.org.name) : t.review.rejectDesc}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={approve ? t.review.note : t.review.reason}
          rules={
            approve
              ? [zodRule(DecisionBody.shape.reason, t)]
              : [
                  { required: true, whitespace: true, message: t.validation.required },
                  zodRule(RejectBody.shape.reason, t),
                ]
          }
        >
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="decision-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
