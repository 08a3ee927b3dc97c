import type { HqdApplyBody } from '@shuliu/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Form, Input, Modal, Radio, Select } from 'antd';
import { useNavigate } from 'react-router';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';

/** 申请认定: one of the org's published resources, with its evidence. */
export function HqdApplyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const x = useT().hqd;
  const navigate = useNavigate();
  const [form] = Form.useForm<HqdApplyBody>();
  const resources = useQuery({
    queryKey: ['catalog', 'mine-published'],
    queryFn: () =>
      sdk.catalog.search({ query: { mine: 'true', status: ['published'], pageSize: 100, sort: 'updated' } }),
    enabled: open,
  });
  const apply = useMutation({
    mutationFn: (b: HqdApplyBody) => sdk.qualityProgrammes.apply({ body: b }),
    onSuccess: (a) => void navigate(`/quality/high-quality-datasets/${a.id}`),
  });
  return (
    <Modal
      open={open}
      title={x.apply}
      width={640}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={apply.isPending}
    >
      <MutationErrorAlert error={apply.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ level: 'provincial' }}
        onFinish={(v) => apply.mutate({ ...v, qualityReportRef: v.qualityReportRef?.trim() || null })}
      >
        <Form.Item name="resourceId" label={x.resource} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={x.pickResource}
            loading={resources.isPending}
            options={resources.data?.items.map((r) => ({ value: r.id, label: r.title }))}
          />
        </Form.Item>
        <Form.Item name="level" label={x.level} rules={[{ required: true }]}>
          <Radio.Group
            options={(['provincial', 'municipal'] as const).map((l) => ({ value: l, label: x.levels[l] }))}
          />
        </Form.Item>
        <Form.Item
          name="qualityReportRef"
          label={x.qualityReportRef}
          extra={x.qualityReportHelp}
          rules={[{ max: 64 }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="updateRecord"
          label={x.updateRecord}
          rules={[{ required: true, whitespace: true, max: 2000 }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="useCases"
          label={x.useCases}
          rules={[{ required: true, whitespace: true, max: 2000 }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
