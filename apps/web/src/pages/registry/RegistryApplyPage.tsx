import {
  CreateRegistrationBody,
  DataRight,
  UpdateFrequency,
  type RegistrationDetail,
} from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  Radio,
  Result,
  Select,
  Steps,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { PageContainer } from '../../components/PageContainer';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import { formatTime } from '../../lib/time';
import { showServerIssues, whenValid, zodRule } from '../../lib/zod-form';
import {
  DeclarationChecks,
  EvidencePicker,
  registryKeys,
  uploadAll,
  uploadRegistryFile,
  UploadProgress,
  type PickedFile,
  type Progressing,
} from './registry-parts';

const Initial = CreateRegistrationBody.options[0];

interface Values {
  category: 'data_property' | 'data_ip';
  resourceId: string;
  rights: DataRight[];
  scope: string;
  sourceDescription?: string;
  sourceValidUntil?: Dayjs;
  format?: string;
  updateFrequency?: UpdateFrequency;
  declarations: string[];
}

const STEP_FIELDS: (keyof Values)[][] = [
  ['category', 'resourceId', 'rights', 'scope'],
  ['sourceDescription', 'sourceValidUntil', 'format', 'updateFrequency'],
  ['declarations'],
];

/** 登记申请向导: object and rights → source and evidence → declarations → submitted (a Result). */
export function RegistryApplyPage() {
  const t = useT();
  const qc = useQueryClient();
  const [sp] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const [picked, setPicked] = useState<PickedFile[]>([]);
  const [progress, setProgress] = useState<Progressing | null>(null);
  const [done, setDone] = useState<RegistrationDetail | null>(null);
  const resources = useQuery({
    queryKey: ['catalog', 'mine-published'],
    queryFn: () =>
      sdk.catalog.search({ query: { mine: 'true', status: ['published'], pageSize: 100, sort: 'updated' } }),
  });

  const submit = useMutation({
    mutationFn: async (v: Values) => {
      const draft = await sdk.registry.create({
        body: {
          type: 'initial',
          category: v.category,
          resourceId: v.resourceId,
          rights: v.rights,
          scope: v.scope.trim(),
          source: {
            ...(v.sourceDescription?.trim() && { description: v.sourceDescription.trim() }),
            ...(v.sourceValidUntil && { validUntil: v.sourceValidUntil.format('YYYY-MM-DD') }),
          },
          ...(v.format?.trim() && { format: v.format.trim() }),
          ...(v.updateFrequency && { updateFrequency: v.updateFrequency }),
          declarations: v.declarations as never,
        },
      });
      await uploadAll(picked, (p, on) => uploadRegistryFile(draft.id, p.file, p.kind, on), setProgress);
      return sdk.registry.submit({ params: { id: draft.id } });
    },
    onSuccess: (r) => {
      setDone(r);
      void qc.invalidateQueries({ queryKey: registryKeys.all });
    },
    onError: (e) => {
      setProgress(null);
      showServerIssues(form, e);
    },
  });

  const pickResource = (id: string) => {
    const r = resources.data?.items.find((x) => x.id === id);
    if (!r) return;
    form.setFieldsValue({
      format: form.getFieldValue('format') || r.format || undefined,
      updateFrequency: form.getFieldValue('updateFrequency') || r.updateFrequency || undefined,
      sourceDescription: form.getFieldValue('sourceDescription') || r.sourceMethod || undefined,
    });
  };

  if (done)
    return (
      <PageContainer title={t.registry.applyTitle}>
        <Card>
          <Steps current={3} items={stepItems(t)} style={{ marginBottom: 24 }} />
          <Result
            status="success"
            data-testid="registry-apply-result"
            title={t.registry.submitted}
            subTitle={
              <>
                <div>
                  {t.registry.appNo}: <Typography.Text code>{done.id}</Typography.Text>
                </div>
                <div>{t.registry.submittedNext(formatTime(done.deadlines.acceptDueAt, 'YYYY-MM-DD'))}</div>
              </>
            }
            extra={[
              <Link key="view" to={`/registry/applications/${done.id}`} data-testid="registry-apply-view">
                <Button type="primary">{t.registry.viewApp}</Button>
              </Link>,
              <Button
                key="again"
                onClick={() => {
                  form.resetFields();
                  setPicked([]);
                  setStep(0);
                  setDone(null);
                  submit.reset();
                }}
              >
                {t.registry.newApp}
              </Button>,
            ]}
          />
        </Card>
      </PageContainer>
    );

  const items = resources.data?.items ?? [];
  return (
    <PageContainer title={t.registry.applyTitle}>
      <Card>
        <Steps
          current={step}
          items={stepItems(t)}
          style={{ marginBottom: 24 }}
          data-testid="registry-apply-steps"
        />
        <Alert type="info" showIcon title={t.registry.applyIntro} style={{ marginBottom: 24 }} />
        <MutationErrorAlert error={submit.error} />
        <Form<Values>
          form={form}
          layout="vertical"
          style={{ maxWidth: 820 }}
          initialValues={{
            category: 'data_property',
            rights: ['holding'],
            declarations: [],
            resourceId: sp.get('resource') ?? undefined,
          }}
        >
          <div hidden={step !== 0}>
            <Form.Item label={t.registry.type} extra={t.registry.typeHelp}>
              <Radio.Group value="initial" optionType="button">
                <Radio.Button value="initial">{t.regType.initial}</Radio.Button>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="category" label={t.registry.category} rules={[{ required: true }]}>
              <Radio.Group
                options={(['data_property', 'data_ip'] as const).map((c) => ({
                  value: c,
                  label: enumLabel(t.regCategory, c),
                }))}
              />
            </Form.Item>
            {resources.isSuccess && items.length === 0 && (
              <Alert
                type="warning"
                showIcon
                title={t.registry.noResource}
                action={
                  <Link to="/catalog/mine">
                    <Button size="small">{t.menu.catalogMine}</Button>
                  </Link>
                }
                style={{ marginBottom: 16 }}
              />
            )}
            <Form.Item
              name="resourceId"
              label={t.registry.resource}
              rules={[{ required: true, message: t.validation.required }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={resources.isPending}
                placeholder={t.registry.resourcePlaceholder}
                data-testid="registry-resource"
                onChange={pickResource}
                options={items.map((r) => ({ value: r.id, label: r.title }))}
              />
            </Form.Item>
            <Form.Item
              name="rights"
              label={t.registry.rights}
              rules={[{ required: true, message: t.validation.required }, zodRule(Initial.shape.rights, t)]}
            >
              <Checkbox.Group
                options={DataRight.options.map((r) => ({
                  value: r,
                  label: <span data-testid={`right-${r}`}>{enumLabel(t.dataRight, r)}</span>,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="scope"
              label={t.registry.scope}
              rules={[
                { required: true, whitespace: true, message: t.validation.required },
                zodRule(Initial.shape.scope, t),
              ]}
            >
              <Input.TextArea
                rows={2}
                maxLength={1000}
                placeholder={t.registry.scopePlaceholder}
                data-testid="registry-scope"
              />
            </Form.Item>
          </div>
          <div hidden={step !== 1}>
            <Form.Item name="sourceDescription" label={t.registry.sourceDesc}>
              <Input.TextArea
                rows={3}
                maxLength={1000}
                placeholder={t.registry.sourceDescPlaceholder}
                data-testid="registry-source"
              />
            </Form.Item>
            <Flex gap={16} wrap>
              <Form.Item name="sourceValidUntil" label={t.registry.sourceValidUntil}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="format" label={t.registry.format}>
                <Input maxLength={100} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="updateFrequency" label={t.registry.updateFrequency}>
                <Select
                  allowClear
                  style={{ width: 180 }}
                  options={UpdateFrequency.options.map((f) => ({
                    value: f,
                    label: enumLabel(t.updateFrequency, f),
                  }))}
                />
              </Form.Item>
            </Flex>
            <Form.Item label={t.registry.evidence} extra={t.registry.evidenceHelp}>
              <EvidencePicker
                value={picked}
                onChange={setPicked}
                kinds={['authorization', 'purchase_contract', 'collection_method', 'other']}
              />
            </Form.Item>
          </div>
          <div hidden={step !== 2}>
            <DeclarationChecks />
          </div>
        </Form>
        <UploadProgress p={progress} />
        <Flex gap={8} style={{ marginTop: 16 }}>
          {step > 0 && (
            <Button onClick={() => setStep(step - 1)} disabled={submit.isPending}>
              {t.common.prev}
            </Button>
          )}
          {step < 2 ? (
            <Button
              type="primary"
              data-testid="registry-apply-next"
              onClick={() =>
                form.validateFields(STEP_FIELDS[step]).then(
                  () => setStep(step + 1),
                  () => undefined,
                )
              }
            >
              {t.common.next}
            </Button>
          ) : (
            <Button
              type="primary"
              loading={submit.isPending}
              data-testid="registry-apply-submit"
              onClick={() => whenValid(form, () => submit.mutate(form.getFieldsValue(true) as Values))}
            >
              {submit.isPending ? t.registry.submitting : t.registry.submitApp}
            </Button>
          )}
        </Flex>
      </Card>
    </PageContainer>
  );
}

function stepItems(t: ReturnType<typeof useT>) {
  return [
    { title: t.registry.stepObject },
    { title: t.registry.stepSource },
    { title: t.registry.stepDeclare },
    { title: t.registry.stepDone },
  ];
}
