import { useMutation } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Result, Steps, Typography } from 'antd';
import type { Application } from '@shuliu/contracts';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fieldIssues } from '../../api/errors';
import { sdk } from '../../api/sdk';
import { Logo } from '../../components/Logo';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { showServerIssues, showZodIssues } from '../../lib/zod-form';
import { AuthShell } from '../login/AuthShell';
import { ADMIN_FIELD_NAMES, AdminFields } from './AdminFields';
import { buildApplication, type ApplyFormValues } from './application-body';
import { DeclarationsFields, declFieldNames } from './DeclarationsFields';
import { ORG_FIELD_NAMES, OrgFieldsForm } from './OrgFieldsForm';

const STEP_OF_ROOT: Record<string, number> = {
  org: 0,
  admin: 1,
  confirmPassword: 1,
  decl: 2,
  declarations: 2,
};

function stepOf(path: readonly PropertyKey[] | undefined): number {
  return STEP_OF_ROOT[String(path?.[0])] ?? 0;
}

function Submitted({ app }: { app: Application }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="success"
      title={t.apply.successTitle}
      subTitle={t.apply.successSub(app.id)}
      data-testid="apply-result"
      extra={
        <Button
          type="primary"
          onClick={() => void navigate(`/login?username=${encodeURIComponent(app.adminUsername)}`)}
        >
          {t.apply.goLogin}
        </Button>
      }
    />
  );
}

/** 入驻申请: org info → admin account → declarations → submit → a Result telling them to log in. */
export function ApplyPage() {
  const t = useT();
  const [form] = Form.useForm<ApplyFormValues>();
  const [step, setStep] = useState(0);
  const submit = useMutation({
    mutationFn: (body: ReturnType<typeof buildApplication>['body']) => sdk.onboarding.submit({ body }),
    onError: (e) => {
      if (showServerIssues(form, e)) setStep(stepOf(fieldIssues(e)[0]?.path));
    },
  });
  const stepFields = [ORG_FIELD_NAMES, ADMIN_FIELD_NAMES, declFieldNames()];
  const next = async () => {
    try {
      await form.validateFields(stepFields[step] as Parameters<typeof form.validateFields>[0]);
      setStep(step + 1);
    } catch {
      // antd shows the errors beside the fields.
    }
  };
  const onSubmit = async () => {
    try {
      await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) return setStep(stepOf(first.name));
    }
    const { body, parsed } = buildApplication(form.getFieldsValue(true));
    if (!parsed.success) {
      showZodIssues(form, parsed.error.issues, t);
      return setStep(stepOf(parsed.error.issues[0]?.path));
    }
    submit.mutate(body);
  };
  if (submit.isSuccess) {
    return (
      <AuthShell wide>
        <Card style={{ width: 880, maxWidth: '100%' }}>
          <Submitted app={submit.data} />
        </Card>
      </AuthShell>
    );
  }
  return (
    <AuthShell wide>
      <Card style={{ width: 880, maxWidth: '100%' }}>
        <Flex align="center" gap={12} style={{ marginBottom: 8 }}>
          <Logo size={36} />
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t.apply.title}
            </Typography.Title>
            <Typography.Text type="secondary">{t.apply.subtitle}</Typography.Text>
          </div>
        </Flex>
        <Steps
          current={step}
          style={{ margin: '24px 0 32px' }}
          items={[
            { title: t.apply.steps.org },
            { title: t.apply.steps.admin },
            { title: t.apply.steps.declarations },
          ]}
        />
        <MutationErrorAlert error={submit.error} />
        <Form form={form} layout="vertical" requiredMark scrollToFirstError data-testid="apply-form">
          <div style={{ display: step === 0 ? 'block' : 'none' }}>
            <OrgFieldsForm />
          </div>
          <div style={{ display: step === 1 ? 'block' : 'none' }}>
            <AdminFields />
          </div>
          <div style={{ display: step === 2 ? 'block' : 'none' }}>
            <DeclarationsFields />
          </div>
        </Form>
        <Flex justify="space-between" align="center" style={{ marginTop: 24 }}>
          <Typography.Text type="secondary">
            {t.apply.hasAccount} <Link to="/login">{t.apply.login}</Link>
          </Typography.Text>
          <Flex gap={8}>
            {step > 0 && <Button onClick={() => setStep(step - 1)}>{t.common.prev}</Button>}
            {step < 2 && (
              <Button type="primary" onClick={() => void next()} data-testid="apply-next">
                {t.common.next}
              </Button>
            )}
            {step === 2 && (
              <Button
                type="primary"
                loading={submit.isPending}
                onClick={() => void onSubmit()}
                data-testid="apply-submit"
              >
                {t.apply.submit}
              </Button>
            )}
          </Flex>
        </Flex>
      </Card>
    </AuthShell>
  );
}
