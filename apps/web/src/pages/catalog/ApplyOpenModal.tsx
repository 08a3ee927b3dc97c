import { OpenRequestBody, type Resource } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useNavigate } from 'react-router';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert } from '../../components/QueryError';
import { ResultModal } from '../../components/ResultModal';
import { useT } from '../../i18n/I18nProvider';
import { showServerIssues, whenValid, zodRule } from '../../lib/zod-form';

/** 有条件开放: apply to use a resource, saying what for; the owning organization decides. */
export function ApplyOpenModal({ r, open, onClose }: { r: Resource; open: boolean; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ purpose: string }>();
  const apply = useMutation({
    mutationFn: (purpose: string) => sdk.catalog.applyOpen({ params: { id: r.id }, body: { purpose } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['catalog', 'open-requests'] });
      onClose();
    },
    onError: (e) => showServerIssues(form, e),
  });
  return (
    <>
      <Modal
        open={open}
        title={`${t.openData.apply} · ${r.title}`}
        okText={t.common.submit}
        okButtonProps={{ loading: apply.isPending, ...({ 'data-testid': 'apply-confirm' } as object) }}
        onOk={() => whenValid(form, (v) => apply.mutate(v.purpose.trim()))}
        onCancel={onClose}
        destroyOnHidden
      >
        <Alert type="info" showIcon title={t.openData.purposeHelp} style={{ marginBottom: 16 }} />
        <MutationErrorAlert error={apply.error} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="purpose"
            label={t.openData.purpose}
            rules={[
              { required: true, whitespace: true, message: t.validation.required },
              zodRule(OpenRequestBody.shape.purpose, t),
            ]}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount data-testid="apply-purpose" />
          </Form.Item>
        </Form>
      </Modal>
      <ResultModal
        open={apply.isSuccess}
        title={t.openData.applied}
        subTitle={t.openData.appliedNext}
        onClose={() => apply.reset()}
        testId="apply-result"
        extra={[
          <Button
            key="go"
            type="primary"
            onClick={() => void navigate('/catalog/open-requests?box=outgoing')}
          >
            {t.openData.viewRequests}
          </Button>,
          <Button key="close" onClick={() => apply.reset()}>
            {t.common.close}
          </Button>,
        ]}
      />
    </>
  );
}
