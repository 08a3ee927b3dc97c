import type { Dataset, ReleasePolicy } from '@shuliu/contracts';
import { Alert, Button, Empty, Flex, Form, Steps, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/errors';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { useSubmitJob } from './compute-parts';
import { toSpec, type AnonymizeValues } from './anonymize-form';
import { ModelStep, OutputStep, QisStep } from './anonymize-fields';
import { AnonymizeSpecView } from './anonymize-spec';

/** Which step holds a field: a failed validation opens the step where its message is. */
const MODEL_FIELDS = new Set(['k', 'suppression', 'metric', 'sensitive', 'l', 'lVariant', 't', 'tDistance']);
const stepOf = (field: unknown) =>
  field === 'qis' || field === 'h' ? 0 : MODEL_FIELDS.has(String(field)) ? 1 : 2;

/** The `details.field` and `details.rule` a refusal of the spec names, when it names them. */
function refusalOf(error: unknown): { field: string; rule: string } | undefined {
  if (!(error instanceof ApiError) || !error.details || typeof error.details !== 'object') return undefined;
  const { field, rule } = error.details as { field?: unknown; rule?: unknown };
  return typeof rule === 'string' ? { field: typeof field === 'string' ? field : '', rule } : undefined;
}

/**
 * 匿名化导出: a wizard in three steps — the quasi-identifiers and their hierarchies, the privacy model, the
 * output — that submits an `anonymize` job and opens it. Nothing is spent of the privacy budget.
 */
export function AnonymizeWizard({ dataset, own }: { dataset: Dataset | undefined; own: boolean }) {
  const a = useT().compute.anon;
  if (!dataset) return <Empty description={a.pickFirst} data-testid="anon-pick-first" />;
  if (!dataset.policy)
    return <Alert type="info" showIcon title={a.needPolicy} data-testid="anon-no-policy" />;
  if (!dataset.resourceId)
    return <Alert type="warning" showIcon title={a.needResource} data-testid="anon-no-resource" />;
  return <Wizard key={dataset.id} dataset={dataset} policy={dataset.policy} own={own} />;
}

function Wizard({ dataset, policy, own }: { dataset: Dataset; policy: ReleasePolicy; own: boolean }) {
  const t = useT();
  const x = t.compute;
  const a = x.anon;
  const [form] = Form.useForm<AnonymizeValues>();
  const [step, setStep] = useState(0);
  const [specIssue, setSpecIssue] = useState<string>();
  const values = Form.useWatch([], form) as AnonymizeValues | undefined;
  const review = step === 2 && values ? toSpec(values) : undefined;
  const submit = useSubmitJob();
  const refusal = refusalOf(submit.error);

  const fieldsOf = (s: number) =>
    form
      .getFieldsError()
      .map((f) => f.name)
      .filter((n) => stepOf(n[0]) === s);
  const next = () =>
    form.validateFields(fieldsOf(step)).then(
      () => setStep(step + 1),
      () => undefined,
    );
  const onSubmit = () =>
    form.validateFields().then(
      (v) => {
        const r = toSpec(v);
        if (!r.success) {
          const issue = r.error.issues[0]!;
          return setSpecIssue(a.specInvalid(issue.path.join('.'), issue.message));
        }
        setSpecIssue(undefined);
        submit.mutate({
          datasetId: dataset.id,
          kind: 'anonymize',
          anonymize: r.data,
          ...(!own && v.contractNo && { contractNo: v.contractNo.trim() }),
          ...(v.purpose && { purpose: v.purpose }),
        });
      },
      (e: { errorFields?: { name: (string | number)[] }[] }) => {
        const first = e.errorFields?.[0];
        if (first) setStep(stepOf(first.name[0]));
      },
    );

  return (
    <>
      <Typography.Paragraph type="secondary">{a.intro}</Typography.Paragraph>
      <MutationErrorAlert error={submit.error} title={refusal && a.refusal(refusal.field, refusal.rule)} />
      {specIssue && <Alert type="error" showIcon title={specIssue} style={{ marginBottom: 16 }} />}
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        onChange={(s) => (s < step ? setStep(s) : void next())}
        items={[{ title: a.steps.qis }, { title: a.steps.model }, { title: a.steps.output }]}
        data-testid="anon-steps"
      />
      <Form<AnonymizeValues>
        form={form}
        layout="vertical"
        data-testid="anon-form"
        initialValues={{
          qis: [],
          h: {},
          k: policy.k,
          suppression: 5,
          metric: 'loss',
          lVariant: 'distinct',
          tDistance: 'equal',
          keep: [],
          title: a.defaultTitle(dataset.title),
        }}
      >
        <div style={{ display: step === 0 ? 'block' : 'none' }}>
          <QisStep dataset={dataset} policy={policy} />
        </div>
        <div style={{ display: step === 1 ? 'block' : 'none' }}>
          <ModelStep dataset={dataset} policy={policy} />
        </div>
        <div style={{ display: step === 2 ? 'block' : 'none' }}>
          <OutputStep dataset={dataset} policy={policy} own={own} />
          {review?.success && (
            <>
              <Typography.Title level={5}>{a.summary}</Typography.Title>
              <AnonymizeSpecView spec={review.data} />
            </>
          )}
        </div>
      </Form>
      <Flex justify="end" gap={8} style={{ marginTop: 16 }}>
        {step > 0 && <Button onClick={() => setStep(step - 1)}>{t.common.prev}</Button>}
        {step < 2 ? (
          <Button type="primary" onClick={() => void next()} data-testid="anon-next">
            {t.common.next}
          </Button>
        ) : (
          <Button
            type="primary"
            loading={submit.isPending}
            onClick={() => void onSubmit()}
            data-testid="anon-submit"
          >
            {a.submit}
          </Button>
        )}
      </Flex>
    </>
  );
}
