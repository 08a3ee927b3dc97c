import { CreateReturnFlowBody, SharingNoteBody, type ReturnFlow } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert, useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { showServerIssues, whenValid, zodRule } from '../../lib/zod-form';

/** Records that the data owed was returned, with a note on how. */
export function DeliverReturnModal({ flow, onClose }: { flow: ReturnFlow | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ note?: string }>();
  const deliver = useMutation({
    mutationFn: (v: { id: string; note?: string }) =>
      sdk.sharing.deliverReturnFlow({ params: { id: v.id }, body: v.note ? { note: v.note } : {} }),
    onSuccess: () => {
      void message.success(t.returnFlow.delivered);
      void qc.invalidateQueries({ queryKey: ['sharing'] });
      onClose();
    },
    onError: (e) => void message.error(errText(e)),
  });
  return (
    <Modal
      open={!!flow}
      title={`${t.returnFlow.deliverTitle} · ${flow?.resourceTitle ?? ''}`}
      okButtonProps={{ loading: deliver.isPending }}
      onOk={() =>
        whenValid(form, (v) => flow && deliver.mutate({ id: flow.id, note: v.note?.trim() || undefined }))
      }
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="note" label={t.returnFlow.note} rules={[zodRule(SharingNoteBody.shape.note, t)]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A provincial department records that it owes a published resource back to a city or county (应返尽返). */
export function CreateReturnFlowModal({
  resourceId,
  open,
  onClose,
}: {
  resourceId: string;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ toOrgId: string; note?: string }>();
  // the cities and counties inside this department's province: the ones a return can be owed to
  const departments = useQuery({
    queryKey: ['sharing', 'departments', 'within'],
    queryFn: () => sdk.sharing.departments({ query: { within: 'true' } }),
    enabled: open,
  });
  const create = useMutation({
    mutationFn: (v: { toOrgId: string; note?: string }) =>
      sdk.sharing.createReturnFlow({
        body: { resourceId, toOrgId: v.toOrgId.trim(), ...(v.note?.trim() && { note: v.note.trim() }) },
      }),
    onSuccess: () => {
      void message.success(t.returnFlow.created);
      void qc.invalidateQueries({ queryKey: ['sharing'] });
      onClose();
    },
    onError: (e) => showServerIssues(form, e),
  });
  const s = CreateReturnFlowBody.shape;
  return (
    <Modal
      open={open}
      title={t.returnFlow.createTitle}
      okButtonProps={{ loading: create.isPending }}
      onOk={() => whenValid(form, (v) => create.mutate(v))}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => o || create.reset()}
    >
      <MutationErrorAlert error={create.error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="toOrgId"
          label={t.returnFlow.toOrgId}
          extra={t.returnFlow.toOrgHelp}
          rules={[
            { required: true, whitespace: true, message: t.validation.required },
            zodRule(s.toOrgId, t),
          ]}
        >
          <Select
            showSearch
            loading={departments.isLoading}
            optionFilterProp="label"
            placeholder={t.returnFlow.toOrgHelp}
            options={(departments.data?.items ?? []).map((d) => ({
              value: d.id,
              label: `${d.name}（${t.adminLevel[d.level]}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t.returnFlow.note} rules={[zodRule(s.note, t)]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
