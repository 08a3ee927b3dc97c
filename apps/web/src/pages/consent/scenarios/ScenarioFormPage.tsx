import { ScenarioBody, type Scenario } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Switch,
} from 'antd';
import { useNavigate, useParams } from 'react-router';
import { sdk } from '../../../api/sdk';
import { useAuth } from '../../../auth/AuthProvider';
import { PageContainer } from '../../../components/PageContainer';
import { MutationErrorAlert } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import { DATA_USERS } from '../../../layout/nav';
import { showServerIssues, showZodIssues, zodRule } from '../../../lib/zod-form';
import { ForbiddenPage } from '../../errors/ErrorPages';
import { NEW_FIELD, ScenarioFieldsEditor, type FieldValues } from './ScenarioFieldsEditor';
import { scenarioKeys, useScenario } from './scenario-parts';
import { QueryState } from '../../../components/QueryState';

interface Values {
  title?: string;
  purpose?: string;
  legalBasis?: string;
  recipient?: string;
  processingMethod?: string;
  retentionDays?: number;
  crossBorder?: boolean;
  automatedDecision?: boolean;
  fields?: FieldValues[];
}

/** A change starts from the newest version, without the fields its review struck (listed above the form). */
function initialOf(s: Scenario | undefined, defaults: Values): Values {
  const v = s?.versions[0];
  if (!s || !v) return defaults;
  return {
    title: s.title,
    purpose: v.purpose,
    legalBasis: v.legalBasis,
    recipient: v.recipient,
    processingMethod: v.processingMethod,
    retentionDays: v.retentionDays,
    crossBorder: v.crossBorder,
    automatedDecision: v.automatedDecision,
    fields: v.fields
      .filter((f) => !f.struck)
      .map((f) => ({
        name: f.name,
        label: f.label,
        category: f.category,
        required: f.required,
        justification: f.justification,
      })),
  };
}

/** 登记授权场景 (`new`) and 变更授权场景 (`:id/revise`: a new version to review). */
export function ScenarioFormPage() {
  const { id } = useParams();
  const t = useT();
  const c = t.consentScenarios;
  const { me, hasRole } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const existing = useScenario(id);
  const save = useMutation({
    mutationFn: (body: ScenarioBody) =>
      id ? sdk.consent.revise({ params: { id }, body }) : sdk.consent.register({ body }),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: scenarioKeys.all });
      const newVersion = !existing.data || s.versions.length > existing.data.versions.length;
      void message.success(!id ? c.registered : newVersion ? c.revised : c.titleOnly);
      void navigate(`/consent/scenarios/${s.id}`);
    },
    onError: (e) => showServerIssues(form, e),
  });
  const submit = (v: Values) => {
    const parsed = ScenarioBody.safeParse({
      ...v,
      crossBorder: !!v.crossBorder,
      automatedDecision: !!v.automatedDecision,
      fields: (v.fields ?? []).map((f) => ({
        ...f,
        required: !!f.required,
        justification: f.justification ?? '',
      })),
    });
    if (!parsed.success) return void showZodIssues(form, parsed.error.issues, t);
    save.mutate(parsed.data);
  };

  const title = id ? c.reviseTitle : c.newTitle;
  if (!hasRole(...DATA_USERS)) return <ForbiddenPage />;
  if (id && (existing.isPending || existing.isError)) return <QueryState q={existing} title={title} />;
  const struck = existing.data?.versions[0]?.fields.filter((f) => f.struck) ?? [];
  const defaults: Values = {
    legalBasis: c.legalBases[0],
    recipient: me?.org?.name,
    crossBorder: false,
    automatedDecision: false,
    fields: [{ ...NEW_FIELD }],
  };
  const rule = (schema: Parameters<typeof zodRule>[0]) => [
    { required: true, whitespace: true, message: t.validation.required },
    zodRule(schema, t),
  ];
  const S = ScenarioBody.shape;
  return (
    <PageContainer title={existing.data ? `${title} · ${existing.data.title}` : title}>
      <Alert
        type="info"
        showIcon
        title={id ? c.reviseIntro : c.newIntro}
        style={{ marginBottom: 16 }}
        data-testid="scenario-form-intro"
      />
      {struck.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={c.struckOmitted(
            t.common.clauses(struck.map((f) => t.common.aside(f.label, f.strikeReason ?? ''))),
          )}
          style={{ marginBottom: 16 }}
        />
      )}
      <MutationErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialOf(existing.data, defaults)}
        onFinish={submit}
        onFinishFailed={() => void message.warning(t.validation.fixErrors)}
        scrollToFirstError
        data-testid="scenario-form"
      >
        <Card title={c.basics} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Form.Item name="title" label={c.scenario} rules={rule(S.title)}>
                <Input maxLength={200} data-testid="scenario-title" />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item
                name="legalBasis"
                label={c.legalBasis}
                extra={c.legalBasisHelp}
                rules={rule(S.legalBasis)}
              >
                <AutoComplete
                  options={c.legalBases.map((b) => ({ value: b }))}
                  maxLength={500}
                  data-testid="scenario-legal-basis"
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="purpose" label={c.purpose} rules={rule(S.purpose)}>
                <Input.TextArea rows={2} maxLength={1000} showCount data-testid="scenario-purpose" />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item
                name="recipient"
                label={c.recipient}
                extra={c.recipientHelp}
                rules={rule(S.recipient)}
              >
                <Input maxLength={200} data-testid="scenario-recipient" />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item name="processingMethod" label={c.processingMethod} rules={rule(S.processingMethod)}>
                <Input maxLength={500} data-testid="scenario-method" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="retentionDays"
                label={c.retentionDays}
                rules={[{ required: true, message: t.validation.required }, zodRule(S.retentionDays, t)]}
              >
                <InputNumber
                  min={1}
                  max={3650}
                  precision={0}
                  suffix={c.days}
                  style={{ width: 180 }}
                  data-testid="scenario-retention"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="crossBorder"
                label={c.crossBorder}
                extra={c.crossBorderHelp}
                valuePropName="checked"
              >
                <Switch data-testid="scenario-cross-border" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="automatedDecision"
                label={c.automatedDecision}
                extra={c.automatedDecisionHelp}
                valuePropName="checked"
              >
                <Switch data-testid="scenario-automated" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={c.fields} style={{ marginBottom: 16 }}>
          <ScenarioFieldsEditor />
        </Card>
        <Flex justify="end" gap={8}>
          <Button onClick={() => void navigate(-1)}>{t.common.cancel}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="scenario-submit">
            {id ? c.submitRevise : c.submitNew}
          </Button>
        </Flex>
      </Form>
    </PageContainer>
  );
}
