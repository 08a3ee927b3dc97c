import { RegistrationType, type RegistrySettings } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, InputNumber, Select, Spin } from 'antd';
import { useEffect } from 'react';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert, QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import { showServerIssues, whenValid } from '../../lib/zod-form';

const DAY_FIELDS = [
  'acceptDays',
  'reviewDays',
  'noticeDays',
  'objectionDays',
  'validityYears',
  'renewalYears',
  'renewWindowDays',
] as const;

/** 登记规则 (operator): the registry's working-day periods, validity and certificates, on the 平台规则 page. */
export function RegistryRulesCard() {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<RegistrySettings>();
  const settings = useQuery({ queryKey: ['registry', 'settings'], queryFn: () => sdk.registry.settings() });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (v: Partial<RegistrySettings>) => sdk.registry.updateSettings({ body: v }),
    onSuccess: () => {
      void message.success(t.common.saved);
      void qc.invalidateQueries({ queryKey: ['registry', 'settings'] });
    },
    onError: (e) => showServerIssues(form, e),
  });
  return (
    <Card title={t.registry.rules} style={{ marginBottom: 16 }}>
      {settings.isError && <QueryErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.isPending ? (
        <Spin />
      ) : (
        <>
          <MutationErrorAlert error={save.error} />
          <Form form={form} layout="vertical">
            <Flex gap={16} wrap>
              {DAY_FIELDS.map((f) => (
                <Form.Item
                  key={f}
                  name={f}
                  label={t.registry[f]}
                  rules={[{ required: true, message: t.validation.required }]}
                >
                  <InputNumber min={1} max={3650} style={{ width: 180 }} data-testid={`settings-${f}`} />
                </Form.Item>
              ))}
            </Flex>
            <Form.Item name="noticeTypes" label={t.registry.noticeTypes}>
              <Select
                mode="multiple"
                options={RegistrationType.options.map((r) => ({
                  value: r,
                  label: enumLabel(t.regType, r),
                }))}
              />
            </Form.Item>
            <Flex gap={16} wrap>
              <Form.Item name="certNoPrefix" label={t.registry.certNoPrefix}>
                <Input style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="issuerName" label={t.registry.issuerName} style={{ flex: 1 }}>
                <Input maxLength={100} />
              </Form.Item>
            </Flex>
            <Button
              type="primary"
              loading={save.isPending}
              data-testid="settings-save"
              onClick={() =>
                whenValid(form, (v) =>
                  save.mutate({
                    ...Object.fromEntries(DAY_FIELDS.map((f) => [f, v[f]])),
                    noticeTypes: v.noticeTypes,
                    certNoPrefix: v.certNoPrefix,
                    issuerName: v.issuerName,
                  }),
                )
              }
            >
              {t.common.save}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
