import { CONTRACT_TEMPLATES, DealTerms, Id, type Product } from '@shuliu/contracts';
import {
  Alert,
  AutoComplete,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Typography,
} from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { MutationErrorAlert } from '../../components/QueryError';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { whenValid, zodRule } from '../../lib/zod-form';
import { divisionOptions, divisionProblem, usePolicyLabels } from '../market/market-parts';
import { readPolicy } from '../market/PolicyView';
import { checkTerms, policyPurposes, serverFieldErrors, toTerms, type TermsValues } from './terms-form';

/** The offer's policy asked about the terms as they are typed (advice: the server decides). */
function PolicyAdvice({ product, values }: { product: Product; values: TermsValues | undefined }) {
  const t = useT();
  const { lang } = useI18n();
  const { me } = useAuth();
  const labels = usePolicyLabels();
  const policy = readPolicy(product.policy);
  if (!policy) return <Alert type="info" showIcon title={t.trade.checkNone} style={{ marginBottom: 16 }} />;
  const parsed = values && DealTerms.safeParse(safeTerms(values));
  if (!parsed?.success)
    return <Alert type="info" showIcon title={t.trade.checkNotRun} style={{ marginBottom: 16 }} />;
  const d = checkTerms(
    policy,
    parsed.data,
    { orgId: me?.org?.id ?? 'org_visitor', orgTypes: me?.org?.types ?? [] },
    labels,
  );
  return (
    <Alert
      type={d.allowed ? 'success' : 'warning'}
      showIcon
      title={d.allowed ? t.trade.checkAllowed : t.trade.checkRefused}
      description={
        d.allowed ? undefined : (
          <>
            <div data-testid="terms-check-reason">{d.reason.message[lang]}</div>
            {d.reason.path && (
              <Typography.Text type="secondary">{t.trade.refusedAt(d.reason.path)}</Typography.Text>
            )}
          </>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="terms-check"
      data-allowed={d.allowed}
    />
  );
}

function safeTerms(v: TermsValues) {
  try {
    return toTerms(v);
  } catch {
    return null;
  }
}

/**
 * The terms of a deal in a modal: the buyer's request, or either side's counter-offer prefilled with the terms
 * on the table. A refusal of the server lands beside the field it concerns (the policy's constraint, in the
 * portal's language); the consent scenario field appears when the server asks for it.
 */
export function TermsModal({
  open,
  title,
  okText,
  product,
  initial,
  pending,
  error,
  onSubmit,
  onClose,
  testId,
  extra,
}: {
  open: boolean;
  title: ReactNode;
  okText: ReactNode;
  product: Product;
  initial: Partial<TermsValues>;
  pending: boolean;
  error: unknown;
  onSubmit: (terms: DealTerms, message: string | null) => void;
  onClose: () => void;
  testId: string;
  extra?: ReactNode;
}) {
  const t = useT();
  const { lang } = useI18n();
  const m = t.trade;
  const [form] = Form.useForm<TermsValues>();
  const values = Form.useWatch([], form) as TermsValues | undefined;
  const [askScenario, setAskScenario] = useState(!!initial.scenarioVersionId);
  useEffect(() => {
    if (!error) return;
    if (error instanceof ApiError && error.code === 'TRADE_CONSENT_SCENARIO_REQUIRED') setAskScenario(true);
    const fallback = error instanceof ApiError ? (t.apiError as Record<string, string>)[error.code] : '';
    const fields = serverFieldErrors(error, lang, fallback ?? '');
    form.setFields(fields.map((f) => ({ name: f.field, errors: [f.message] })));
  }, [error, form, lang, t]);
  const purposes = policyPurposes(readPolicy(product.policy));
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      width={760}
      okButtonProps={{ loading: pending, ...({ 'data-testid': `${testId}-ok` } as object) }}
      onOk={() => whenValid(form, (v) => onSubmit(toTerms(v), v.message?.trim() || null))}
      onCancel={onClose}
      destroyOnHidden
    >
      <div data-testid={testId}>
        {extra}
        <MutationErrorAlert error={error} />
        <Form<TermsValues>
          form={form}
          name="terms"
          layout="vertical"
          preserve={false}
          initialValues={initial}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="template" label={m.template} rules={[{ required: true }]}>
                <Select
                  options={CONTRACT_TEMPLATES.map((c) => ({ value: c, label: m.templates[c] }))}
                  data-testid="terms-template"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="deliveryMode" label={m.deliveryMode} rules={[{ required: true }]}>
                <Select
                  options={product.deliveryModes.map((d) => ({
                    value: d,
                    label: t.market.deliveryMode[d] ?? d,
                  }))}
                  data-testid="terms-delivery"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="purpose"
                label={m.purpose}
                extra={m.purposeHelp}
                rules={[{ required: true, whitespace: true, message: t.validation.required }]}
              >
                <AutoComplete
                  options={purposes.map((p) => ({ value: p, label: t.market.purposeSuggest[p] ?? p }))}
                  data-testid="terms-purpose"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="region"
                label={m.region}
                extra={m.regionHelp}
                rules={[
                  { required: true, message: t.validation.required },
                  {
                    validator: async (_r, v?: string) => {
                      const why = v ? divisionProblem(v) : null;
                      if (why && v) throw new Error(t.market.divisionInvalid(v.trim(), why));
                    },
                  },
                ]}
              >
                <AutoComplete options={divisionOptions(lang)} data-testid="terms-region" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="scope"
                label={m.scope}
                extra={m.scopeHelp}
                rules={[{ required: true, whitespace: true, message: t.validation.required }]}
              >
                <Input.TextArea rows={2} maxLength={1000} showCount data-testid="terms-scope" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="startsOn" label={m.startsOn} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} data-testid="terms-starts" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="endsOn"
                label={m.endsOn}
                dependencies={['startsOn']}
                rules={[
                  { required: true },
                  ({ getFieldValue }) => ({
                    validator: async (_r, v?: TermsValues['endsOn']) => {
                      const from = getFieldValue('startsOn') as TermsValues['startsOn'] | undefined;
                      if (v && from && v.isBefore(from, 'day')) throw new Error(m.endsBeforeStart);
                    },
                  }),
                ]}
              >
                <DatePicker style={{ width: '100%' }} data-testid="terms-ends" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="priceYuan" label={m.price} extra={m.priceHelp} rules={[{ required: true }]}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="terms-price" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="maxUses" label={m.maxUses} extra={m.maxUsesHelp}>
                <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="terms-max-uses" />
              </Form.Item>
            </Col>
            {askScenario && (
              <Col span={24}>
                <Form.Item
                  name="scenarioVersionId"
                  label={m.scenario}
                  extra={m.scenarioHelp}
                  rules={[zodRule(Id('scv'), t)]}
                >
                  <Input placeholder="scv_…" data-testid="terms-scenario" />
                </Form.Item>
              </Col>
            )}
            <Col span={24}>
              <Form.Item name="message" label={m.message}>
                <Input.TextArea rows={2} maxLength={2000} data-testid="terms-message" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        <Typography.Text strong>{m.checkTitle}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <PolicyAdvice product={product} values={values} />
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {m.retryNote}
        </Typography.Text>
      </div>
    </Modal>
  );
}
