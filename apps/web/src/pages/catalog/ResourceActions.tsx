import {
  EditOutlined,
  RocketOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { ReasonBody, type Resource } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { sdk } from '../../api/sdk';
import { useErrorText } from '../../components/QueryError';
import { ResultModal } from '../../components/ResultModal';
import { useT } from '../../i18n/I18nProvider';
import { whenValid, zodRule } from '../../lib/zod-form';
import { CreateReturnFlowModal } from '../sharing/ReturnFlowModals';
import { RequestSharingModal } from '../sharing/RequestSharingModal';
import { ApplyOpenModal } from './ApplyOpenModal';
import { catalogKeys, useResourceRights } from './catalog-queries';

function RetireModal({ r, open, onClose }: { r: Resource; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const retire = useMutation({
    mutationFn: (reason: string) => sdk.catalog.retire({ params: { id: r.id }, body: { reason } }),
    onSuccess: () => {
      void message.success(t.resource.retired);
      void qc.invalidateQueries({ queryKey: catalogKeys.all });
      onClose();
    },
    onError: (e) => void message.error(errText(e)),
  });
  return (
    <Modal
      open={open}
      title={t.resource.retireTitle}
      okText={t.resource.retire}
      okButtonProps={{
        danger: true,
        loading: retire.isPending,
        ...({ 'data-testid': 'retire-confirm' } as object),
      }}
      onOk={() => whenValid(form, (v) => retire.mutate(v.reason.trim()))}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t.resource.retireReason}
          rules={[
            { required: true, whitespace: true, message: t.validation.required },
            zodRule(ReasonBody.shape.reason, t),
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The actions a resource allows the caller in its state: edit, publish, retire, apply to use. */
export function ResourceActions({ r, extra }: { r: Resource; extra?: ReactNode }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const rights = useResourceRights(r);
  const [dialog, setDialog] = useState<'retire' | 'apply' | 'share' | 'return' | null>(null);
  const publish = useMutation({
    mutationFn: () => sdk.catalog.publish({ params: { id: r.id } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: catalogKeys.all }),
    onError: (e) => void message.error(errText(e)),
  });
  const confirmPublish = () =>
    modal.confirm({
      title: t.resource.publishTitle,
      content: t.resource.publishDesc,
      okText: t.resource.publish,
      okButtonProps: { 'data-testid': 'publish-confirm' } as ButtonProps,
      onOk: () => publish.mutateAsync().then(() => undefined),
    });
  return (
    <>
      {extra}
      {rights.canApplyOpen && (
        <Button icon={<SendOutlined />} onClick={() => setDialog('apply')} data-testid="apply-open">
          {t.resource.applyOpen}
        </Button>
      )}
      {rights.canRequestSharing && (
        <Button icon={<SwapOutlined />} onClick={() => setDialog('share')} data-testid="request-sharing">
          {t.sharing.request}
        </Button>
      )}
      {rights.canOweReturn && (
        <Button icon={<RollbackOutlined />} onClick={() => setDialog('return')} data-testid="owe-return">
          {t.returnFlow.create}
        </Button>
      )}
      {rights.canEdit && (
        <Button
          icon={<EditOutlined />}
          onClick={() => void navigate(`/catalog/resources/${r.id}/edit`)}
          data-testid="edit-resource"
        >
          {t.resource.edit}
        </Button>
      )}
      {rights.canRetire && (
        <Button
          danger
          icon={<StopOutlined />}
          onClick={() => setDialog('retire')}
          data-testid="retire-resource"
        >
          {t.resource.retire}
        </Button>
      )}
      {rights.canPublish && (
        <Button
          type="primary"
          icon={<RocketOutlined />}
          onClick={confirmPublish}
          loading={publish.isPending}
          data-testid="publish-resource"
        >
          {t.resource.publish}
        </Button>
      )}
      <RetireModal r={r} open={dialog === 'retire'} onClose={() => setDialog(null)} />
      <ApplyOpenModal r={r} open={dialog === 'apply'} onClose={() => setDialog(null)} />
      <RequestSharingModal r={r} open={dialog === 'share'} onClose={() => setDialog(null)} />
      <CreateReturnFlowModal resourceId={r.id} open={dialog === 'return'} onClose={() => setDialog(null)} />
      <ResultModal
        open={publish.isSuccess}
        title={t.resource.published}
        subTitle={t.resource.publishedNext}
        onClose={() => publish.reset()}
        testId="publish-result"
        extra={[
          <Button
            key="catalog"
            type="primary"
            onClick={() => void navigate(`/catalog?q=${encodeURIComponent(r.title)}`)}
            data-testid="view-in-catalog"
          >
            {t.resource.viewInCatalog}
          </Button>,
          <Button key="close" onClick={() => publish.reset()}>
            {t.common.close}
          </Button>,
        ]}
      />
    </>
  );
}
