import { MAX_CONTRIBUTORS, RevenueShareBody, type RevenueShare } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';

interface DeclareForm {
  contributors: string[];
  utilityJson: string;
  utilityLabel: string;
  method: 'exact' | 'sampled';
  seed?: string;
  samples?: number;
}

export function DeclareModal({
  id,
  current,
  open,
  onClose,
}: {
  id: string;
  current?: RevenueShare;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const m = t.revenue;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<DeclareForm>();
  const method = Form.useWatch('method', form);
  const save = useMutation({
    mutationFn: (body: RevenueShareBody) => sdk.settlement.declareRevenueShare({ params: { id }, body }),
    onSuccess: (r) => {
      qc.setQueryData(['revenue-share', id], r);
      void message.success(m.saved);
      onClose();
    },
  });
  const submit = (v: DeclareForm) => {
    let utility: unknown;
    try {
      utility = JSON.parse(v.utilityJson);
    } catch {
      form.setFields([{ name: 'utilityJson', errors: [m.invalidJson] }]);
      return;
    }
    const { utilityJson: _json, ...rest } = v;
    const parsed = RevenueShareBody.safeParse({ ...rest, utility });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const at = issue.path[0];
      const field: keyof DeclareForm =
        at === 'contributors' || at === 'utilityLabel' || at === 'method' || at === 'seed' || at === 'samples'
          ? at
          : 'utilityJson';
      form.setFields([{ name: field, errors: [issue.message] }]);
      return;
    }
    save.mutate(parsed.data);
  };
  return (
    <Modal
      open={open}
      title={m.declareTitle}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={720}
      destroyOnHidden
    >
      <Form<DeclareForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          contributors: current?.contributors.map((c) => c.orgId) ?? [],
          utilityJson: current ? JSON.stringify(current.utility, null, 2) : '',
          utilityLabel: current?.utilityLabel ?? '',
          method: current?.method ?? 'exact',
          seed: current?.seed ?? undefined,
          samples: current?.samples ?? undefined,
        }}
      >
        {save.error ? <MutationErrorAlert error={save.error} /> : null}
        <Form.Item
          name="contributors"
          label={m.contributors}
          extra={m.contributorsHelp}
          rules={[{ required: true }]}
        >
          <Select mode="tags" maxCount={MAX_CONTRIBUTORS} tokenSeparators={[',', ' ']} placeholder="org_…" />
        </Form.Item>
        <Form.Item name="utilityLabel" label={m.utilityLabel} rules={[{ required: true, max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="utilityJson"
          label={m.utilityJson}
          extra={m.utilityJsonHelp}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={8} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="method" label={m.method}>
            <Select
              style={{ width: 180 }}
              options={(['exact', 'sampled'] as const).map((x) => ({ value: x, label: m.methods[x] }))}
            />
          </Form.Item>
          {method === 'sampled' && (
            <>
              <Form.Item name="seed" label={m.seed} rules={[{ required: true, max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="samples" label={m.samples} rules={[{ required: true }]}>
                <InputNumber min={2} max={50_000} precision={0} />
              </Form.Item>
            </>
          )}
        </Space>
      </Form>
    </Modal>
  );
}
