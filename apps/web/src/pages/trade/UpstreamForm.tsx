import { UpstreamBody } from '@shuliu/contracts';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { useSaveUpstream, useUpstream } from './gateway-queries';

interface Values {
  url: string;
  credentialHeader?: string;
  credential?: string;
  ratePerSecond?: number;
  timeoutMs?: number;
}

/**
 * The seller's upstream for an API product: where the gateway sends buyers' calls, and the credential it adds.
 * The stored credential is never shown: left empty it is kept; a new value replaces it; the box clears it.
 * Checked with the API's own contract before it is sent, each error beside its field.
 */
export function UpstreamForm({ productId }: { productId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [clear, setClear] = useState(false);
  const current = useUpstream(productId);
  const save = useSaveUpstream(productId);
  const u = current.data;
  if (current.isPending) return null;
  const submit = (v: Values) => {
    const body = {
      url: v.url,
      credentialHeader: v.credentialHeader || null,
      ...(clear ? { credential: null } : v.credential ? { credential: v.credential } : {}),
      ...(v.ratePerSecond !== undefined && v.ratePerSecond !== null && { ratePerSecond: v.ratePerSecond }),
      timeoutMs: v.timeoutMs ?? 30_000,
    };
    const parsed = UpstreamBody.safeParse(body);
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((i) => ({ name: String(i.path[0]) as keyof Values, errors: [i.message] })),
      );
      return;
    }
    save.mutate(body, {
      onSuccess: () => {
        form.setFieldValue('credential', undefined);
        setClear(false);
        void message.success(t.gateway.saved);
      },
    });
  };
  return (
    <Card title={t.gateway.upstream} style={{ marginBottom: 16 }} data-testid="upstream-form">
      {!u && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t.gateway.notConfigured} />}
      <Alert type="warning" style={{ marginBottom: 12 }} title={t.gateway.upstreamHelp} />
      <MutationErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          url: u?.url,
          credentialHeader: u?.credentialHeader ?? undefined,
          ratePerSecond: u?.ratePerSecond,
          timeoutMs: u?.timeoutMs ?? 30_000,
        }}
        onFinish={submit}
      >
        <Form.Item name="url" label={t.gateway.url} rules={[{ required: true }]}>
          <Input placeholder="https://api.example.com/v1" />
        </Form.Item>
        <Form.Item name="credentialHeader" label={t.gateway.credentialHeader}>
          <Input placeholder="X-Api-Key" />
        </Form.Item>
        <Form.Item
          name="credential"
          label={t.gateway.credential}
          extra={u?.hasCredential ? t.gateway.credentialKept : undefined}
        >
          <Input.Password autoComplete="new-password" disabled={clear} />
        </Form.Item>
        {u?.hasCredential && (
          <Form.Item>
            <Checkbox checked={clear} onChange={(e) => setClear(e.target.checked)}>
              {t.gateway.clearCredential}
            </Checkbox>
          </Form.Item>
        )}
        <Form.Item name="ratePerSecond" label={t.gateway.ratePerSecond}>
          <InputNumber min={1} max={100_000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="timeoutMs" label={t.gateway.timeoutMs}>
          <InputNumber min={100} max={120_000} step={1000} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t.gateway.save}
        </Button>
      </Form>
    </Card>
  );
}
