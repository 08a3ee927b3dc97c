import type { Dataset, ReleasePolicy } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';

type Values = Omit<ReleasePolicy, 'bounds'> & { bounds: Record<string, { lower?: number; upper?: number }> };

const DEFAULTS: Omit<ReleasePolicy, 'privacyUnit' | 'bounds' | 'joinKeys'> = {
  maxContributions: 3,
  k: 10,
  mechanism: 'laplace',
  epsilonTotal: 10,
  deltaTotal: 1e-5,
  consumerShare: 0.5,
  epsilonPerQuery: 1,
  manualRelease: false,
};

/**
 * The holder's release policy of a dataset: the privacy unit and its contribution bound, k, the declared bounds
 * of numeric columns, join keys, the mechanism and the ε/δ budget with each consumer's share. The server checks
 * it against the columns and refuses a total below what is spent.
 */
export function PolicyModal({
  dataset,
  open,
  onClose,
}: {
  dataset: Dataset;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const x = t.compute;
  const p = x.policy;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const numeric = dataset.columns.filter((c) => c.type === 'integer' || c.type === 'number');
  const save = useMutation({
    mutationFn: (v: Values) => {
      const bounds = Object.fromEntries(
        Object.entries(v.bounds ?? {})
          .filter(([, b]) => b?.lower != null && b?.upper != null)
          .map(([c, b]) => [c, { lower: b.lower!, upper: b.upper! }]),
      );
      return sdk.compute.setPolicy({
        params: { id: dataset.id },
        body: { ...v, joinKeys: v.joinKeys ?? [], bounds },
      });
    },
    onSuccess: () => {
      void message.success(t.common.saved);
      void qc.invalidateQueries({ queryKey: ['compute'] });
      onClose();
    },
  });
  const initial: Values = dataset.policy ?? {
    ...DEFAULTS,
    privacyUnit: dataset.columns.find((c) => c.type === 'text')?.name ?? null,
    joinKeys: [],
    bounds: {},
  };
  const columnOptions = dataset.columns.map((c) => ({
    value: c.name,
    label: c.title ? `${c.name}（${c.title}）` : c.name,
  }));
  return (
    <Modal
      open={open}
      title={`${p.title} — ${dataset.title}`}
      width={720}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <MutationErrorAlert error={save.error} />
      <Typography.Paragraph type="secondary">{p.help}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={initial}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="privacyUnit"
              label={p.privacyUnit}
              extra={p.privacyUnitHelp}
              rules={[{ required: true }]}
            >
              <Select options={columnOptions} data-testid="policy-unit" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="maxContributions" label={p.maxContributions} rules={[{ required: true }]}>
              <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="k" label={x.k} rules={[{ required: true }]}>
              <InputNumber min={2} max={1000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="epsilonTotal" label={p.epsilonTotal} rules={[{ required: true }]}>
              <InputNumber min={0.001} max={100} step={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="epsilonPerQuery" label={x.perQuery} rules={[{ required: true }]}>
              <InputNumber min={0.001} max={10} step={0.1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="deltaTotal" label={p.deltaTotal} rules={[{ required: true }]}>
              <InputNumber min={0} max={0.001} step={0.000001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="consumerShare"
              label={p.consumerShare}
              extra={p.consumerShareHelp}
              rules={[{ required: true }]}
            >
              <InputNumber min={0.01} max={1} step={0.05} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="mechanism" label={p.mechanism}>
              <Select
                options={[
                  { value: 'laplace', label: 'Laplace' },
                  { value: 'gaussian', label: 'Gaussian' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="joinKeys" label={p.joinKeys}>
              <Select mode="multiple" options={columnOptions} maxCount={20} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="manualRelease" label={p.manualRelease} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        {numeric.length > 0 && (
          <>
            <Typography.Text strong>{p.bounds}</Typography.Text>
            <Typography.Paragraph type="secondary">{p.boundsHelp}</Typography.Paragraph>
            {numeric.map((c) => (
              <Row gutter={12} key={c.name}>
                <Col span={8} style={{ paddingTop: 4 }}>
                  <Typography.Text code>{c.name}</Typography.Text>
                </Col>
                <Col span={8}>
                  <Form.Item name={['bounds', c.name, 'lower']}>
                    <InputNumber placeholder={p.lower} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={['bounds', c.name, 'upper']}>
                    <InputNumber placeholder={p.upper} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
          </>
        )}
      </Form>
    </Modal>
  );
}
