import {
  DateOnly,
  ValuationInputs,
  valuationFigures,
  valuationProblem,
  type ValuationFigures,
} from '@shuliu/contracts';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { PageContainer } from '../../components/PageContainer';
import { MutationErrorAlert } from '../../components/QueryError';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n/I18nProvider';
import { yuanToFen } from '../../lib/format';
import { showServerIssues, zodRule } from '../../lib/zod-form';
import { useAsset, useValuers } from './asset-queries';
import { ValuationFiguresView } from './valuation-figures';

const PARTS = ['preliminaryFen', 'directFen', 'indirectFen', 'opportunityFen', 'taxesFen'] as const;
const CORRECTIONS = ['technical', 'valueDensity', 'date', 'capacity', 'other'] as const;
type Values = Record<string, unknown> & { method: 'cost' | 'income' | 'market' };
const INITIAL: Values = {
  method: 'cost',
  adjustment: 'factor',
  qualityCoefficient: 1,
  incomeKind: 'share',
  discountRate: 0.1,
  comparables: [{ label: 'A', technical: 1, valueDensity: 1, date: 1, capacity: 1, other: 1 }],
};

/** The form's values as the contract's inputs: yuan become fen, the yearly incomes a list. */
function inputsOf(v: Values): unknown {
  const n = (k: string) => v[k] as number | undefined;
  if (v.method === 'cost')
    return {
      method: 'cost',
      parts: Object.fromEntries(PARTS.map((k) => [k, yuanToFen(n(k) ?? 0)])),
      adjustment:
        v.adjustment === 'depreciation'
          ? { kind: 'depreciation', depreciationRate: n('depreciationRate') }
          : {
              kind: 'factor',
              qualityCoefficient: n('qualityCoefficient'),
              remainingLifeYears: n('remainingLifeYears'),
              totalLifeYears: n('totalLifeYears'),
            },
    };
  if (v.method === 'income')
    return {
      method: 'income',
      incomeKind: v.incomeKind,
      discountRate: n('discountRate'),
      incomesFen: String(v.incomes ?? '')
        .split(/[,，\s]+/)
        .filter(Boolean)
        .map((s) => yuanToFen(Number(s))),
    };
  const list = (v.comparables as Record<string, unknown>[] | undefined) ?? [];
  return {
    method: 'market',
    comparables: list.map((c) => ({
      ...c,
      valueFen: yuanToFen(Number(c?.valueYuan ?? 0)),
      valueYuan: undefined,
    })),
  };
}

/** The figures of the inputs as typed, or what is still wrong with them. */
function compute(v: Values): { figures: ValuationFigures | null; problem: string | null } {
  const parsed = ValuationInputs.safeParse(JSON.parse(JSON.stringify(inputsOf(v))));
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return { figures: null, problem: `${i.path.join('.')}: ${i.message}` };
  }
  const p = valuationProblem(parsed.data);
  return p
    ? { figures: null, problem: `${p.field}: ${p.message}` }
    : { figures: valuationFigures(parsed.data), problem: null };
}

/** 资产评估 wizard: inputs by method, every intermediate figure computed in the browser as the user types. */
export function ValuationWizardPage() {
  const { id = '' } = useParams();
  const t = useT();
  const x = t.assets;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const asset = useAsset(id);
  const valuers = useValuers();
  const [form] = Form.useForm<Values>();
  const [values, setValues] = useState<Values>(INITIAL);
  const { figures, problem } = compute(values);
  const create = useMutation({
    mutationFn: (v: Values) =>
      sdk.assets.createValuation({
        params: { id },
        body: {
          valuerOrgId: v.valuerOrgId as string,
          valuationDate: v.valuationDate as string,
          inputs: ValuationInputs.parse(JSON.parse(JSON.stringify(inputsOf(v)))),
        },
      }),
    onSuccess: (val) => {
      void qc.invalidateQueries({ queryKey: ['assets', 'detail', id] });
      void navigate(`/assets/valuations/${val.id}`);
    },
    onError: (e) => showServerIssues(form, e),
  });
  if (asset.isPending || asset.isError) return <QueryState q={asset} title={x.newValuation} />;
  const method = values.method;
  return (
    <PageContainer title={`${x.newValuation}：${asset.data.name}`} subTitle={x.wizardIntro}>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card>
            <MutationErrorAlert error={create.error} />
            <Form
              form={form}
              layout="vertical"
              initialValues={INITIAL}
              onValuesChange={(_, all) => setValues(all)}
              onFinish={(v) => create.mutate(v)}
            >
              <Form.Item name="method" label={x.methodTitle}>
                <Select
                  options={Object.entries(x.valuationMethods).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
              {method === 'cost' && <CostFields />}
              {method === 'income' && <IncomeFields />}
              {method === 'market' && <MarketFields />}
              <Form.Item name="valuerOrgId" label={x.valuer} rules={[{ required: true }]}>
                <Select
                  loading={valuers.isPending}
                  options={valuers.data?.items.map((o) => ({ value: o.id, label: o.name }))}
                />
              </Form.Item>
              <Form.Item
                name="valuationDate"
                label={x.valuationDate}
                rules={[{ required: true }, zodRule(DateOnly, t)]}
              >
                <Input placeholder="2026-06-30" maxLength={10} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={create.isPending} disabled={!figures}>
                {x.submitValuation}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={x.value}>
            {figures ? (
              <ValuationFiguresView figures={figures} />
            ) : (
              problem && <Alert type="warning" showIcon title={x.figuresInvalid + problem} />
            )}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}

function CostFields() {
  const x = useT().assets;
  const mode = Form.useWatch('adjustment');
  return (
    <>
      {PARTS.map((k) => (
        <Form.Item key={k} name={k} label={`${x.costParts[k]}（元）`}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      ))}
      <Form.Item name="adjustment" label={x.adjustment}>
        <Select
          options={[
            { value: 'factor', label: x.factorMode },
            { value: 'depreciation', label: x.depreciationMode },
          ]}
        />
      </Form.Item>
      {mode === 'depreciation' ? (
        <Form.Item name="depreciationRate" label={x.depreciationRate}>
          <InputNumber min={0} max={1} step={0.01} style={{ width: '100%' }} />
        </Form.Item>
      ) : (
        <Space wrap>
          <Form.Item name="qualityCoefficient" label={x.qualityCoefficient}>
            <InputNumber min={0} max={2} step={0.05} />
          </Form.Item>
          <Form.Item name="remainingLifeYears" label={x.remainingLife}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="totalLifeYears" label={x.totalLife}>
            <InputNumber min={0.1} max={100} />
          </Form.Item>
        </Space>
      )}
    </>
  );
}

function IncomeFields() {
  const x = useT().assets;
  return (
    <>
      <Form.Item name="incomeKind" label={x.incomeKind}>
        <Select options={Object.entries(x.incomeKinds).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="discountRate" label={x.discountRate}>
        <InputNumber min={0.0001} max={1} step={0.01} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="incomes" label={x.incomes}>
        <Input placeholder="10000, 12000, 15000" />
      </Form.Item>
    </>
  );
}

function MarketFields() {
  const x = useT().assets;
  return (
    <Form.List name="comparables">
      {(fields, { add, remove }) => (
        <>
          <Typography.Text strong>{x.comparables}</Typography.Text>
          {fields.map((f) => (
            <Card key={f.key} size="small" style={{ margin: '8px 0' }}>
              <Space wrap align="end">
                <Form.Item name={[f.name, 'label']} label={x.label}>
                  <Input maxLength={200} style={{ width: 120 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'valueYuan']} label={x.comparableValue}>
                  <InputNumber min={0} />
                </Form.Item>
                {CORRECTIONS.map((k) => (
                  <Form.Item key={k} name={[f.name, k]} label={x[k]}>
                    <InputNumber min={0.01} max={10} step={0.01} style={{ width: 90 }} />
                  </Form.Item>
                ))}
                {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
              </Space>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              add({
                label: String.fromCharCode(65 + fields.length),
                technical: 1,
                valueDensity: 1,
                date: 1,
                capacity: 1,
                other: 1,
              })
            }
            style={{ marginBottom: 16 }}
          >
            {x.addComparable}
          </Button>
        </>
      )}
    </Form.List>
  );
}
