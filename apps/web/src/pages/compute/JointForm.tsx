import type { Dataset, JointSpec } from '@shuliu/contracts';
import { Alert, Button, Col, Empty, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { useSubmitJob } from './compute-parts';
import { ConsentVersionField, isPersonal } from './ConsentVersionField';

interface Values {
  with: string[];
  statistic: JointSpec['statistic'];
  column?: string;
  groupBy?: string;
  categories?: string;
  epsilon?: number | null;
  basis?: string;
  purpose?: string;
  consentVersionId?: string;
}

const NUMERIC = new Set(['integer', 'number']);
const splitCategories = (text: string | undefined) =>
  (text ?? '')
    .split(/[\n,，]/)
    .map((c) => c.trim())
    .filter(Boolean);

/**
 * 联合统计: a count, sum or mean over the picked dataset and others held by other agents, by declared
 * categories; the datasets offered are the active ones with a release policy.
 */
export function JointForm({
  dataset,
  own,
  datasets,
  orgId,
}: {
  dataset: Dataset | undefined;
  own: boolean;
  datasets: Dataset[];
  /** The caller's org: another org's personal data among the datasets asks for a consent scenario. */
  orgId: string | undefined;
}) {
  const x = useT().compute;
  if (!dataset) return <Empty description={x.joint.pickFirst} />;
  if (!dataset.policy?.privacyUnit)
    return <Alert type="info" showIcon title={x.joint.needPolicy} data-testid="joint-no-policy" />;
  const others = datasets.filter(
    (d) => d.id !== dataset.id && d.status === 'active' && d.policy?.privacyUnit,
  );
  return <Fields key={dataset.id} dataset={dataset} own={own} others={others} orgId={orgId} />;
}

function Fields({
  dataset,
  own,
  others,
  orgId,
}: {
  dataset: Dataset;
  own: boolean;
  others: Dataset[];
  orgId: string | undefined;
}) {
  const x = useT().compute;
  const g = x.joint;
  const [form] = Form.useForm<Values>();
  const statistic = Form.useWatch('statistic', form);
  const groupBy = Form.useWatch('groupBy', form);
  const picked = Form.useWatch('with', form);
  const personal = [dataset, ...others.filter((o) => picked?.includes(o.id))].some(
    (d) => isPersonal(d) && d.orgId !== orgId,
  );
  const submit = useSubmitJob();
  const onFinish = (v: Values) => {
    const basis = v.basis?.trim();
    submit.mutate({
      datasetId: dataset.id,
      kind: 'joint',
      joint: {
        with: v.with,
        statistic: v.statistic,
        ...(v.statistic !== 'count' && v.column && { column: v.column }),
        ...(v.groupBy && { groupBy: { column: v.groupBy, categories: splitCategories(v.categories) } }),
      },
      ...(v.epsilon != null && { epsilon: v.epsilon }),
      ...(!own && basis && (/^(eag|aog)_/.test(basis) ? { grantId: basis } : { contractNo: basis })),
      ...(v.purpose && { purpose: v.purpose }),
      ...(v.consentVersionId && { consentVersionId: v.consentVersionId }),
    });
  };
  const numeric = dataset.columns.filter((c) => NUMERIC.has(c.type) && dataset.policy!.bounds[c.name]);
  const text = dataset.columns.filter((c) => c.type === 'text' && c.name !== dataset.policy!.privacyUnit);
  return (
    <>
      <Typography.Paragraph type="secondary">{g.intro}</Typography.Paragraph>
      <MutationErrorAlert error={submit.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ statistic: 'count', with: [] }}
        data-testid="joint-form"
      >
        <Form.Item
          name="with"
          label={g.others}
          extra={g.othersHelp}
          rules={[{ required: true, type: 'array', min: 1, max: 7 }]}
        >
          <Select
            mode="multiple"
            maxCount={7}
            options={others.map((d) => ({
              value: d.id,
              label: `${d.title}（${d.table}）— ${d.orgName ?? d.orgId}`,
            }))}
            data-testid="joint-with"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="statistic" label={g.statistic}>
              <Select
                options={(['count', 'sum', 'mean'] as const).map((s) => ({
                  value: s,
                  label: g.statistics[s],
                }))}
                data-testid="joint-statistic"
              />
            </Form.Item>
          </Col>
          {statistic && statistic !== 'count' && (
            <Col xs={24} md={16}>
              <Form.Item name="column" label={g.column} extra={g.columnHelp} rules={[{ required: true }]}>
                <Select
                  options={numeric.map((c) => ({ value: c.name, label: c.name }))}
                  data-testid="joint-column"
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="groupBy" label={g.groupBy}>
              <Select
                allowClear
                placeholder={g.noGroups}
                options={text.map((c) => ({ value: c.name, label: c.name }))}
                data-testid="joint-group-by"
              />
            </Form.Item>
          </Col>
          {groupBy && (
            <Col xs={24} md={16}>
              <Form.Item
                name="categories"
                label={g.categories}
                extra={g.categoriesHelp}
                rules={[
                  { required: true },
                  {
                    validator: (_, v: string | undefined) => {
                      const c = splitCategories(v);
                      return c.length >= 1 && c.length <= 50 && c.every((s) => s.length <= 100)
                        ? Promise.resolve()
                        : Promise.reject(new Error(g.categoriesHelp));
                    },
                  },
                ]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="joint-categories" />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="epsilon" label={x.epsilon} extra={x.epsilonHelp}>
              <InputNumber min={0.000001} max={10} step={0.1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {!own && (
            <Col span={16}>
              <Form.Item name="basis" label={x.contract} extra={x.contractHelp} rules={[{ max: 40 }]}>
                <Input placeholder="HT-2026-000001 / eag_… / aog_…" maxLength={40} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item name="purpose" label={x.purpose} rules={[{ max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
        {personal && <ConsentVersionField />}
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="joint-submit">
          {g.submit}
        </Button>
      </Form>
    </>
  );
}
