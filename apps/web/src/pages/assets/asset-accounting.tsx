import {
  DateOnly,
  ImpairmentBody,
  Month,
  type AmortizationRow,
  type AssetDetail,
  type CostCategory,
} from '@shuliu/contracts';
import { Button, Empty, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatYuan, yuanToFen } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { showServerIssues, zodRule } from '../../lib/zod-form';
import { useAssetChange } from './asset-queries';
import { RecordsTab } from './records-tab';

interface TabProps {
  asset: AssetDetail;
  editable: boolean;
}
const money = (v: number) => formatYuan(v);

/** 成本归集: the cost records by category, and a new one. */
export function CostsTab({ asset, editable }: TabProps) {
  const t = useT();
  const x = t.assets;
  const [form] = Form.useForm<{ category: string; yuan: number; incurredOn: string; note?: string }>();
  const add = useAssetChange(
    asset.id,
    (v: { category: string; yuan: number; incurredOn: string; note?: string }) =>
      sdk.assets.addCost({
        params: { id: asset.id },
        body: {
          category: v.category as CostCategory,
          amountFen: yuanToFen(v.yuan),
          incurredOn: v.incurredOn,
          ...(v.note ? { note: v.note } : {}),
        },
      }),
    () => form.resetFields(),
  );
  return (
    <RecordsTab
      add={
        editable
          ? {
              form,
              mutation: add,
              label: x.addCost,
              fields: (
                <>
                  <Form.Item name="category" rules={[{ required: true }]}>
                    <Select
                      style={{ width: 160 }}
                      placeholder={x.category}
                      options={Object.entries(x.categories).map(([value, label]) => ({ value, label }))}
                    />
                  </Form.Item>
                  <Form.Item name="yuan" rules={[{ required: true }]}>
                    <InputNumber min={0.01} step={100} placeholder={x.amount} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name="incurredOn" rules={[{ required: true }, zodRule(DateOnly, t)]}>
                    <Input placeholder={`${x.incurredOn} 2026-01-31`} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name="note">
                    <Input placeholder={x.note} maxLength={500} />
                  </Form.Item>
                </>
              ),
            }
          : null
      }
      rows={asset.costs}
      empty={x.empty}
      columns={[
        { title: x.category, dataIndex: 'category', render: (c: string) => x.categories[c] },
        { title: x.amount, dataIndex: 'amountFen', align: 'right', render: money },
        { title: x.incurredOn, dataIndex: 'incurredOn' },
        { title: x.note, dataIndex: 'note' },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{x.cost}</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            {money(asset.costFen)}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

interface PlanValues {
  method: 'straight_line' | 'units_of_use';
  residualYuan?: number;
  startPeriod: string;
  months?: number;
  units?: string;
}

/** 摊销: the plan (straight-line or units of use) and its month-by-month schedule. */
export function AmortizationTab({ asset, editable }: TabProps) {
  const t = useT();
  const x = t.assets;
  const [form] = Form.useForm<PlanValues>();
  const method = Form.useWatch('method', form);
  const plan = asset.amortization;
  const set = useAssetChange(asset.id, (v: PlanValues) =>
    sdk.assets.setPlan({
      params: { id: asset.id },
      body: {
        method: v.method,
        residualFen: yuanToFen(v.residualYuan ?? 0),
        startPeriod: v.startPeriod,
        ...(v.method === 'straight_line'
          ? { months: v.months }
          : {
              units: (v.units ?? '')
                .split(/[,，\s]+/)
                .filter(Boolean)
                .map(Number),
            }),
      },
    }),
  );
  const canPlan = editable && asset.classification === 'intangible';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canPlan && (
        <>
          <MutationErrorAlert error={set.error} />
          <Form
            form={form}
            layout="inline"
            initialValues={{
              method: plan?.method ?? 'straight_line',
              residualYuan: (plan?.residualFen ?? 0) / 100,
              startPeriod: plan?.startPeriod ?? asset.recognizedPeriod,
              months: plan?.months ?? 36,
              units: plan?.units?.join(', '),
            }}
            onFinish={(v) => set.mutate(v, { onError: (e) => showServerIssues(form, e) })}
          >
            <Form.Item name="method" label={x.method}>
              <Select
                style={{ width: 180 }}
                options={Object.entries(x.methods).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item name="residualYuan" label={x.residual}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item
              name="startPeriod"
              label={x.startPeriod}
              rules={[{ required: true }, zodRule(Month, t)]}
            >
              <Input style={{ width: 100 }} maxLength={7} />
            </Form.Item>
            {method === 'units_of_use' ? (
              <Form.Item name="units" label={x.units} rules={[{ required: true }]}>
                <Input style={{ width: 260 }} />
              </Form.Item>
            ) : (
              <Form.Item name="months" label={x.months} rules={[{ required: true }]}>
                <InputNumber min={1} max={600} />
              </Form.Item>
            )}
            <Button htmlType="submit" loading={set.isPending}>
              {x.setPlan}
            </Button>
          </Form>
        </>
      )}
      {plan ? (
        <>
          <Typography.Text type="secondary">
            {x.methods[plan.method]} · {x.cost} {money(plan.costFen)} · {x.residual} {money(plan.residualFen)}
          </Typography.Text>
          <ScheduleTable rows={plan.schedule} />
        </>
      ) : (
        <Empty description={x.noPlan} />
      )}
    </Space>
  );
}

function ScheduleTable({ rows }: { rows: AmortizationRow[] }) {
  const x = useT().assets;
  const total = rows.reduce((s, r) => s + r.amortizationFen, 0);
  return (
    <Table
      rowKey="period"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 12, showSizeChanger: false }}
      columns={[
        { title: x.period, dataIndex: 'period' },
        { title: x.amortizationFen, dataIndex: 'amortizationFen', align: 'right', render: money },
        { title: x.impairmentFen, dataIndex: 'impairmentFen', align: 'right', render: money },
        { title: x.accumulated, dataIndex: 'accumulatedFen', align: 'right', render: money },
        {
          title: x.accumulatedImpairment,
          dataIndex: 'accumulatedImpairmentFen',
          align: 'right',
          render: money,
        },
        { title: x.carrying, dataIndex: 'carryingFen', align: 'right', render: money },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>Σ</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            {money(total)}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/** 减值: recorded impairments (CAS 8), and a new one at the end of a month. */
export function ImpairmentsTab({ asset, editable }: TabProps) {
  const t = useT();
  const x = t.assets;
  const [form] = Form.useForm<{ period: string; yuan: number; reason: string }>();
  const add = useAssetChange(
    asset.id,
    (v: { period: string; yuan: number; reason: string }) =>
      sdk.assets.impair({
        params: { id: asset.id },
        body: { period: v.period, amountFen: yuanToFen(v.yuan), reason: v.reason },
      }),
    () => form.resetFields(),
  );
  return (
    <RecordsTab
      add={
        editable && asset.classification !== 'expensed'
          ? {
              form,
              mutation: add,
              label: x.addImpairment,
              fields: (
                <>
                  <Form.Item name="period" rules={[{ required: true }, zodRule(Month, t)]}>
                    <Input placeholder={`${x.period} 2026-06`} style={{ width: 150 }} maxLength={7} />
                  </Form.Item>
                  <Form.Item name="yuan" rules={[{ required: true }]}>
                    <InputNumber min={0.01} placeholder={x.amount} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item
                    name="reason"
                    rules={[{ required: true }, zodRule(ImpairmentBody.shape.reason, t)]}
                  >
                    <Input placeholder={x.reason} maxLength={500} />
                  </Form.Item>
                </>
              ),
            }
          : null
      }
      rows={asset.impairments}
      empty={x.empty}
      columns={[
        { title: x.period, dataIndex: 'period' },
        { title: x.amount, dataIndex: 'amountFen', align: 'right', render: money },
        { title: x.reason, dataIndex: 'reason' },
        { title: x.createdAt, dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
      ]}
    />
  );
}
