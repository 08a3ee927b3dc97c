import type { Dataset, DatasetColumn, ReleasePolicy } from '@shuliu/contracts';
import { Alert, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useT } from '../../i18n/I18nProvider';
import { formatCount } from '../../lib/format';
import { MAX_QIS, hierarchyHeight, hierarchyOf, isNumeric, type AnonymizeValues } from './anonymize-form';
import { HierarchyField } from './HierarchyField';

export const columnOptions = (columns: readonly DatasetColumn[]) =>
  columns.map((c) => ({ value: c.name, label: `${c.name} · ${c.type}${c.title ? `（${c.title}）` : ''}` }));

/** The columns an export may name: every one but the privacy unit, which names the person and never leaves. */
export const exportable = (dataset: Dataset, policy: ReleasePolicy) =>
  dataset.columns.filter((c) => c.name !== policy.privacyUnit);

/** Step 1: the quasi-identifiers and a hierarchy for each, and the lattice they span. */
export function QisStep({ dataset, policy }: { dataset: Dataset; policy: ReleasePolicy }) {
  const a = useT().compute.anon;
  const form = Form.useFormInstance<AnonymizeValues>();
  const qis = Form.useWatch('qis', form) ?? [];
  const h = Form.useWatch('h', form) ?? {};
  const heights = qis.map((q) => hierarchyOf(h[q]));
  const nodes = heights.every(Boolean) ? heights.reduce((n, x) => n * hierarchyHeight(x!), 1) : 0;
  return (
    <>
      <Form.Item
        name="qis"
        label={a.qis}
        extra={
          <>
            <div>{a.qisHelp}</div>
            {policy.privacyUnit && <div>{a.privacyUnitStays(policy.privacyUnit)}</div>}
          </>
        }
        rules={[{ required: true, type: 'array', min: 1, max: MAX_QIS, message: a.pickQis }]}
      >
        <Select
          mode="multiple"
          maxCount={MAX_QIS}
          placeholder={a.pickQis}
          options={columnOptions(exportable(dataset, policy))}
          data-testid="anon-qis"
        />
      </Form.Item>
      {qis.map((q) => {
        const column = dataset.columns.find((c) => c.name === q);
        return column && <HierarchyField key={q} column={column} policy={policy} />;
      })}
      {nodes > 0 && (
        <Typography.Text type="secondary" data-testid="anon-lattice-size">
          {a.latticeSize(formatCount(nodes))}
        </Typography.Text>
      )}
    </>
  );
}

/** Step 2: k, the suppression limit and the metric; a sensitive column with l-diversity and/or t-closeness. */
export function ModelStep({ dataset, policy }: { dataset: Dataset; policy: ReleasePolicy }) {
  const a = useT().compute.anon;
  const form = Form.useFormInstance<AnonymizeValues>();
  const qis = Form.useWatch('qis', form) ?? [];
  const sensitive = Form.useWatch('sensitive', form);
  const needLOrT = {
    validator: async () => {
      const v = form.getFieldsValue(['sensitive', 'l', 't']) as Partial<AnonymizeValues>;
      if (v.sensitive && v.l == null && v.t == null) throw new Error(a.needLOrT);
    },
  };
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            name="k"
            label={a.k}
            extra={a.kHelp(policy.k)}
            rules={[
              { required: true },
              { type: 'number', min: policy.k, max: 1000, message: a.kHelp(policy.k) },
            ]}
          >
            <InputNumber
              min={policy.k}
              max={1000}
              precision={0}
              style={{ width: '100%' }}
              data-testid="anon-k"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="suppression"
            label={a.suppression}
            extra={a.suppressionHelp}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={50} step={1} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="metric" label={a.metric} extra={a.metricHelp}>
            <Select
              options={(['loss', 'precision'] as const).map((m) => ({ value: m, label: a.metrics[m] }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Divider style={{ margin: '4px 0 16px' }} />
      <Form.Item name="sensitive" label={a.sensitive} extra={a.sensitiveHelp}>
        <Select
          allowClear
          options={columnOptions(exportable(dataset, policy).filter((c) => !qis.includes(c.name)))}
          onChange={(v?: string) => {
            const c = dataset.columns.find((x) => x.name === v);
            if (c) form.setFieldValue('tDistance', isNumeric(c.type) ? 'ordered' : 'equal');
            void form.validateFields(['l', 't']).catch(() => undefined);
          }}
        />
      </Form.Item>
      {sensitive && (
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="l" label={a.l} rules={[needLOrT]} dependencies={['t']}>
              <InputNumber min={2} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="lVariant">
              <Radio.Group
                options={(['distinct', 'entropy'] as const).map((v) => ({ value: v, label: a.lVariant[v] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="t" label={a.t} rules={[needLOrT]} dependencies={['l']}>
              <InputNumber min={0.001} max={1} step={0.05} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="tDistance">
              <Radio.Group
                options={(['equal', 'ordered'] as const).map((v) => ({ value: v, label: a.tDistance[v] }))}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}

/** Step 3: the columns kept as they are (the rest stay in the domain), the derived resource's title. */
export function OutputStep({
  dataset,
  policy,
  own,
}: {
  dataset: Dataset;
  policy: ReleasePolicy;
  own: boolean;
}) {
  const t = useT();
  const x = t.compute;
  const a = x.anon;
  const form = Form.useFormInstance<AnonymizeValues>();
  const qis = Form.useWatch('qis', form) ?? [];
  const sensitive = Form.useWatch('sensitive', form);
  const keep = Form.useWatch('keep', form) ?? [];
  const stays = dataset.columns
    .map((c) => c.name)
    .filter((c) => !qis.includes(c) && c !== sensitive && !keep.includes(c));
  return (
    <>
      <Form.Item name="keep" label={a.keep} extra={a.keepHelp}>
        <Select
          mode="multiple"
          allowClear
          options={columnOptions(
            exportable(dataset, policy).filter((c) => !qis.includes(c.name) && c.name !== sensitive),
          )}
          data-testid="anon-keep"
        />
      </Form.Item>
      <Alert
        type={stays.length ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 16 }}
        title={stays.length ? a.stays(t.common.list(stays)) : a.allLeave}
        data-testid="anon-stays"
      />
      <Form.Item name="title" label={a.title} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input maxLength={200} data-testid="anon-title" />
      </Form.Item>
      <Row gutter={12}>
        {!own && (
          <Col xs={24} md={10}>
            <Form.Item name="contractNo" label={x.contract} extra={x.contractHelp} rules={[{ max: 20 }]}>
              <Input placeholder="HT-2026-000001" maxLength={20} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={own ? 24 : 14}>
          <Form.Item name="purpose" label={x.purpose} rules={[{ max: 500 }]}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
