import { type AssetChecklist, CreateAssetBody, Month, type CreateAssetBody as Body } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Checkbox, Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { compact, showServerIssues, zodRule } from '../../lib/zod-form';

interface Values {
  name: string;
  description?: string;
  source: Body['source'];
  recognizedPeriod: string;
  certificateNos?: string;
  checked?: (keyof typeof AssetChecklist.shape)[];
  stage?: 'research' | 'development';
}

const CHECKS = [
  'heldForSale',
  'probableBenefits',
  'reliablyMeasurable',
  'technicallyFeasible',
  'intentionToComplete',
  'benefitsDemonstrable',
  'resourcesAvailable',
] as const;

const split = (s?: string) =>
  (s ?? '')
    .split(/[,，\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Records an asset with the answers of its recognition checklist; the server classifies it. */
export function CreateAssetModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const x = t.assets;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form);
  const create = useMutation({
    mutationFn: (v: Values) => {
      const checked = new Set(v.checked ?? []);
      const checklist = Object.fromEntries(CHECKS.map((k) => [k, checked.has(k)])) as Record<string, boolean>;
      return sdk.assets.create({
        body: compact({
          name: v.name,
          description: v.description,
          source: v.source,
          recognizedPeriod: v.recognizedPeriod,
          certificateNos: split(v.certificateNos),
          checklist: {
            ...checklist,
            stage: v.source === 'self_developed' ? (v.stage ?? null) : null,
          } as Body['checklist'],
        }) as Body,
      });
    },
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: ['assets', 'list'] });
      onClose();
      void navigate(`/assets/${a.id}`);
    },
    onError: (e) => showServerIssues(form, e),
  });
  return (
    <Modal
      open={open}
      title={x.create}
      width={680}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <MutationErrorAlert error={create.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ source: 'purchased', checked: ['probableBenefits', 'reliablyMeasurable'] }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item
          name="name"
          label={x.name}
          rules={[{ required: true }, zodRule(CreateAssetBody.shape.name, t)]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={x.description}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
        <Form.Item name="source" label={x.source} rules={[{ required: true }]}>
          <Select options={Object.entries(x.sources).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="recognizedPeriod"
          label={x.recognizedPeriod}
          rules={[{ required: true }, zodRule(Month, t)]}
        >
          <Input placeholder="2026-01" maxLength={7} />
        </Form.Item>
        <Form.Item name="certificateNos" label={x.certificateNos} extra={x.certificatesHelp}>
          <Input placeholder="SD-DR-2026-000123" />
        </Form.Item>
        {source === 'self_developed' && (
          <Form.Item name="stage" label={x.stage} rules={[{ required: true }]}>
            <Select options={Object.entries(x.stages).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        )}
        <Form.Item name="checked" label={x.checklistTitle}>
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={CHECKS.map((k) => ({ value: k, label: x.checklist[k] }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
