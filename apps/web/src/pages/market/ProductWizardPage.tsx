import { SaveOutlined } from '@ant-design/icons';
import type { Product } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Result, Steps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { asApiError, fieldIssues } from '../../api/errors';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { MutationErrorAlert } from '../../components/QueryError';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n/I18nProvider';
import { useProduct } from './market-queries';
import { PolicyBuilder } from './PolicyBuilder';
import { SubmitStep } from './SubmitStep';
import {
  bodyOf,
  formPathOf,
  NEW_VALUES,
  STEP_FIELDS,
  stepOfIssues,
  SUBMIT_STEP,
  valuesOf,
  WIZARD_STEPS,
  type WizardValues,
} from './wizard-values';
import { BasicsStep, DeclarationsStep, DeliveryStep, PriceStep } from './WizardSteps';

const EDITABLE = ['draft', 'rejected', 'suspended'];

/** 挂牌向导: a new product, or a draft, rejected or suspended one edited and submitted again. */
export function ProductWizardPage() {
  const { id } = useParams();
  const t = useT();
  const q = useProduct(id ?? '', !!id);
  if (!id) return <Wizard product={undefined} />;
  if (q.isPending || q.isError) return <QueryState q={q} title={t.market.wizardEdit} />;
  return <Wizard product={q.data} />;
}

function Wizard({ product }: { product: Product | undefined }) {
  const t = useT();
  const m = t.market;
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [sp, setSp] = useSearchParams();
  const [form] = Form.useForm<WizardValues>();
  const [done, setDone] = useState<Product | null>(null);
  const step = Math.min(SUBMIT_STEP, Math.max(0, Number(sp.get('step')) || 0));
  const goTo = (s: number) => setSp({ step: String(s) }, { replace: true });

  const save = useMutation({
    mutationFn: (v: WizardValues) => {
      const { policy, ...body } = bodyOf(v);
      const full = { ...body, policy: policy ?? null };
      return product
        ? sdk.market.update({ params: { id: product.id }, body: { ...full, version: product.version } })
        : sdk.market.create({ body: full });
    },
  });

  const saveThen = (next: number) => {
    const names = STEP_FIELDS.slice(0, Math.min(next + 1, STEP_FIELDS.length)).flat();
    form
      .validateFields(names, { recursive: true })
      .then(async () => {
        const values = form.getFieldsValue(true) as WizardValues;
        if (bodyOf(values).policy === undefined) return goTo(2);
        const p = await save.mutateAsync(values);
        qc.setQueryData(['market', 'product', p.id], p);
        void qc.invalidateQueries({ queryKey: ['market', 'check', p.id] });
        void qc.invalidateQueries({ queryKey: ['market', 'mine'] });
        void message.success(product ? m.saved : m.created);
        if (!product) void navigate(`/market/my/products/${p.id}/edit?step=${next}`, { replace: true });
        else goTo(next);
      })
      .catch((e: unknown) => {
        const issues = fieldIssues(e).filter((i) => i.path.length);
        form.setFields(issues.map((i) => ({ name: formPathOf(i.path) as never, errors: [i.message] })));
        const at = stepOfIssues(issues);
        if (at !== null) goTo(at);
        else if (asApiError(e).code === 'MARKET_POLICY_INVALID') goTo(2);
        else if ('errorFields' in (e as object)) {
          const first = (e as { errorFields: { name: (string | number)[] }[] }).errorFields[0];
          if (first) goTo(stepOfIssues([{ path: first.name, message: '' }]) ?? step);
        }
      });
  };

  const next = () => {
    if (step === STEP_FIELDS.length - 1) return saveThen(SUBMIT_STEP);
    form.validateFields(STEP_FIELDS[step]!, { recursive: true }).then(
      () => goTo(step + 1),
      () => undefined,
    );
  };

  const title = product ? m.wizardEdit : m.wizardNew;
  if (done)
    return (
      <PageContainer title={title}>
        <Card>
          <Result
            status="success"
            title={m.submitted}
            subTitle={m.submittedSub}
            data-testid="wizard-submitted"
            extra={[
              <Link key="mine" to="/market/my/products">
                <Button type="primary">{m.toMine}</Button>
              </Link>,
              <Link key="view" to={`/market/products/${done.id}`}>
                <Button>{m.viewProduct}</Button>
              </Link>,
            ]}
          />
        </Card>
      </PageContainer>
    );
  if (product && !EDITABLE.includes(product.status))
    return (
      <PageContainer title={title}>
        <Card>
          <Result
            status="info"
            title={m.notEditable}
            extra={
              <Link to={`/market/products/${product.id}`}>
                <Button type="primary">{m.viewProduct}</Button>
              </Link>
            }
          />
        </Card>
      </PageContainer>
    );
  const reason = product?.status === 'suspended' ? product.suspensionReason : product?.rejectionReason;
  return (
    <PageContainer title={title} subTitle={product?.title}>
      {product && reason && ['rejected', 'suspended', 'draft'].includes(product.status) && (
        <Alert
          type="warning"
          showIcon
          title={product.status === 'suspended' ? m.suspendedAlert : m.rejectedAlert}
          description={reason}
          style={{ marginBottom: 16 }}
          data-testid="wizard-reason"
        />
      )}
      <Card>
        <Steps
          current={step}
          onChange={(s) => (product || s < step ? goTo(s) : undefined)}
          items={WIZARD_STEPS.map((s) => ({ key: s, title: m.steps[s] }))}
          style={{ marginBottom: 24 }}
          data-testid="wizard-steps"
        />
        <MutationErrorAlert error={save.error} />
        <Form<WizardValues>
          form={form}
          layout="vertical"
          initialValues={product ? valuesOf(product) : NEW_VALUES}
          data-testid="product-wizard"
        >
          {/* every step stays mounted, so its values and rules hold while another step shows */}
          <div style={{ display: step === 0 ? undefined : 'none' }}>
            <BasicsStep product={product} />
          </div>
          <div style={{ display: step === 1 ? undefined : 'none' }}>
            <DeliveryStep />
          </div>
          <div style={{ display: step === 2 ? undefined : 'none' }}>
            <PolicyBuilder
              form={form}
              orgId={product?.orgId ?? me?.org?.id ?? 'org_self'}
              productId={product?.id ?? 'prd_new'}
            />
          </div>
          <div style={{ display: step === 3 ? undefined : 'none' }}>
            <PriceStep product={product} />
          </div>
          <div style={{ display: step === 4 ? undefined : 'none' }}>
            <DeclarationsStep />
          </div>
        </Form>
        {step === SUBMIT_STEP && product && <SubmitStep product={product} onSubmitted={setDone} />}
        <Flex justify="space-between" style={{ marginTop: 24 }}>
          <Button disabled={step === 0} onClick={() => goTo(step - 1)} data-testid="wizard-prev">
            {t.common.prev}
          </Button>
          <Flex gap={8}>
            {step < SUBMIT_STEP && (
              <Button
                icon={<SaveOutlined />}
                loading={save.isPending}
                onClick={() => saveThen(step)}
                data-testid="wizard-save"
              >
                {m.saveDraft}
              </Button>
            )}
            {step < SUBMIT_STEP && (
              <Button type="primary" loading={save.isPending} onClick={next} data-testid="wizard-next">
                {t.common.next}
              </Button>
            )}
          </Flex>
        </Flex>
      </Card>
    </PageContainer>
  );
}
