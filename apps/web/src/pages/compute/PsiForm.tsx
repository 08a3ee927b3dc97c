import type { Dataset, PsiSpec } from '@shuliu/contracts';
import { Alert, Button, Col, Empty, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { useSubmitJob } from './compute-parts';
import { ConsentVersionField, isPersonal } from './ConsentVersionField';

interface Values {
  column: string;
  own: string;
  ownColumn: string;
  normalize: PsiSpec['normalize'];
  reveal: PsiSpec['reveal'];
  basis?: string;
  purpose?: string;
  consentVersionId?: string;
}

const NORMALIZE = ['id_card', 'uscc', 'phone', 'email', 'text'] as const;

/**
 * 隐私求交: the identifier column of the picked dataset (one of its declared join keys) intersected with a
 * column of one of the caller's own datasets, by the two agents; the size, or which of the caller's own
 * identifiers match.
 */
export function PsiForm({
  dataset,
  own,
  mine,
}: {
  dataset: Dataset | undefined;
  own: boolean;
  /** The caller's own active datasets: the other side of the intersection. */
  mine: Dataset[];
}) {
  const p = useT().compute.psi;
  if (!dataset) return <Empty description={p.pickFirst} data-testid="psi-pick-first" />;
  if (!dataset.policy) return <Alert type="info" showIcon title={p.needPolicy} />;
  if (!dataset.policy.joinKeys.length)
    return <Alert type="info" showIcon title={p.noJoinKeys} data-testid="psi-no-join-keys" />;
  if (!mine.length) return <Alert type="info" showIcon title={p.noOwn} data-testid="psi-no-own" />;
  return <Fields key={dataset.id} dataset={dataset} own={own} mine={mine} />;
}

function Fields({ dataset, own, mine }: { dataset: Dataset; own: boolean; mine: Dataset[] }) {
  const x = useT().compute;
  const p = x.psi;
  const [form] = Form.useForm<Values>();
  const ownId = Form.useWatch('own', form);
  const ownDataset = mine.find((d) => d.id === ownId);
  const personal = isPersonal(dataset);
  const submit = useSubmitJob();
  const onFinish = (v: Values) => {
    const basis = v.basis?.trim();
    submit.mutate({
      datasetId: dataset.id,
      kind: 'psi',
      psi: {
        column: v.column,
        with: { datasetId: v.own, column: v.ownColumn },
        normalize: v.normalize,
        reveal: v.reveal,
      },
      ...(!own && basis && (/^(eag|aog)_/.test(basis) ? { grantId: basis } : { contractNo: basis })),
      ...(v.purpose && { purpose: v.purpose }),
      ...(v.consentVersionId && { consentVersionId: v.consentVersionId }),
    });
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{p.intro}</Typography.Paragraph>
      <MutationErrorAlert error={submit.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          column: dataset.policy!.joinKeys[0],
          normalize: 'id_card',
          reveal: 'size',
        }}
        data-testid="psi-form"
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="column" label={p.column} extra={p.columnHelp} rules={[{ required: true }]}>
              <Select
                options={dataset.policy!.joinKeys.map((c) => ({ value: c, label: c }))}
                data-testid="psi-column"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="normalize"
              label={p.normalize}
              extra={p.normalizeHelp}
              rules={[{ required: true }]}
            >
              <Select
                options={NORMALIZE.map((n) => ({ value: n, label: p.normalizations[n] }))}
                data-testid="psi-normalize"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="own" label={p.own} rules={[{ required: true }]}>
              <Select
                options={mine.map((d) => ({ value: d.id, label: `${d.title}（${d.table}）` }))}
                onChange={() => form.setFieldValue('ownColumn', undefined)}
                data-testid="psi-own"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="ownColumn" label={p.ownColumn} rules={[{ required: true }]}>
              <Select
                disabled={!ownDataset}
                options={(ownDataset?.columns ?? []).map((c) => ({
                  value: c.name,
                  label: c.title ? `${c.name}（${c.title}）` : c.name,
                }))}
                data-testid="psi-own-column"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="reveal" label={p.reveal} extra={p.revealHelp}>
          <Radio.Group
            options={(['size', 'ids'] as const).map((r) => ({ value: r, label: p.reveals[r] }))}
            data-testid="psi-reveal"
          />
        </Form.Item>
        {!own && (
          <Form.Item name="basis" label={x.contract} extra={x.contractHelp} rules={[{ max: 40 }]}>
            <Input placeholder="HT-2026-000001 / eag_… / aog_…" maxLength={40} />
          </Form.Item>
        )}
        <Form.Item name="purpose" label={x.purpose} rules={[{ max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
        {!own && personal && <ConsentVersionField />}
        <Typography.Paragraph type="secondary">{p.minK(dataset.k ?? dataset.policy!.k)}</Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="psi-submit">
          {p.submit}
        </Button>
      </Form>
    </>
  );
}
