import { CreateSharingBody, type Resource } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useNavigate } from 'react-router';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert } from '../../components/QueryError';
import { ResultModal } from '../../components/ResultModal';
import { useT } from '../../i18n/I18nProvider';
import { showServerIssues, whenValid, zodRule } from '../../lib/zod-form';

/** 政务共享: a department asks the providing department for a published resource, naming its duty. */
export function RequestSharingModal({
  r,
  open,
  onClose,
}: {
  r: Resource;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ purpose: string }>();
  const request = useMutation({
    mutationFn: (purpose: string) => sdk.sharing.create({ body: { resourceId: r.id, purpose } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['sharing'] });
      onClose();
    },
    onError: (e) => showServerIssues(form, e),
  });
  return (
    <>
      <Modal
        open={open}
        title={`${t.sharing.requestTitle} · ${r.title}`}
        okText={t.common.submit}
        okButtonProps={{ loading: request.isPending }}
        onOk={() => whenValid(form, (v) => request.mutate(v.purpose.trim()))}
        onCancel={onClose}
        destroyOnHidden
      >
        <Alert type="info" showIcon title={t.sharing.purposeHelp} style={{ marginBottom: 16 }} />
        <MutationErrorAlert error={request.error} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="purpose"
            label={t.sharing.purpose}
            rules={[
              { required: true, whitespace: true, message: t.validation.required },
              zodRule(CreateSharingBody.shape.purpose, t),
            ]}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Modal>
      <ResultModal
        open={request.isSuccess}
        title={t.sharing.requested}
        subTitle={t.sharing.requestedNext}
        onClose={() => request.reset()}
        extra={[
          <Button key="go" type="primary" onClick={() => void navigate('/sharing/requests?box=outgoing')}>
            {t.sharing.viewRequests}
          </Button>,
          <Button key="close" onClick={() => request.reset()}>
            {t.common.close}
          </Button>,
        ]}
      />
    </>
  );
}
