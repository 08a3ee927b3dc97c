import { SharingSettings } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, InputNumber, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert, QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { showServerIssues, whenValid, zodRule } from '../../lib/zod-form';

const FIELDS = ['sharingResponseDays', 'returnFlowDays'] as const;

/** Working-day periods of government sharing and the provincial return flow (应返尽返). */
export function SharingPeriodsCard() {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<SharingSettings>();
  const sharing = useQuery({ queryKey: ['settings', 'sharing'], queryFn: () => sdk.settings.sharing() });
  useEffect(() => {
    if (sharing.data) form.setFieldsValue(sharing.data);
  }, [sharing.data, form]);
  const save = useMutation({
    mutationFn: (v: SharingSettings) => sdk.settings.updateSharing({ body: v }),
    onSuccess: () => {
      void message.success(t.platformSettings.saved);
      void qc.invalidateQueries({ queryKey: ['settings', 'sharing'] });
    },
    onError: (e) => showServerIssues(form, e),
  });
  return (
    <Card title={t.platformSettings.sharingTitle}>
      {sharing.isError && <QueryErrorAlert error={sharing.error} onRetry={() => void sharing.refetch()} />}
      {sharing.isPending ? (
        <Spin />
      ) : (
        <Form form={form} layout="vertical">
          <Typography.Paragraph type="secondary">{t.platformSettings.sharingHelp}</Typography.Paragraph>
          <MutationErrorAlert error={save.error} />
          <Flex gap={16} wrap>
            {FIELDS.map((f) => (
              <Form.Item
                key={f}
                name={f}
                label={t.platformSettings[f]}
                rules={[
                  { required: true, message: t.validation.required },
                  zodRule(SharingSettings.shape[f], t),
                ]}
              >
                <InputNumber min={1} max={120} style={{ width: 200 }} data-testid={`settings-${f}`} />
              </Form.Item>
            ))}
          </Flex>
          <Button
            type="primary"
            loading={save.isPending}
            data-testid="sharing-save"
            onClick={() => whenValid(form, (v) => save.mutate(v))}
          >
            {t.common.save}
          </Button>
        </Form>
      )}
    </Card>
  );
}
