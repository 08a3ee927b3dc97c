import { QUALITY_INDICATORS, type QualityWeights } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { sdk } from '../../../api/sdk';
import { MutationErrorAlert, QueryErrorAlert } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import { whenValid } from '../../../lib/zod-form';

type Values = { weights: Record<string, number | null>; minListingScore: number | null };

/** 质量设置 (operator): the indicator weights of the overall score and the minimum score that gates listing. */
export function QualitySettingsCard() {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const key = ['quality', 'settings'];
  const q = useQuery({ queryKey: key, queryFn: () => sdk.quality.settings() });
  useEffect(() => {
    if (q.data)
      form.setFieldsValue({
        weights: Object.fromEntries(QUALITY_INDICATORS.map((k) => [k, q.data.weights[k] ?? 1])),
        minListingScore: q.data.minListingScore,
      });
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const weights: QualityWeights = Object.fromEntries(
        QUALITY_INDICATORS.map((k) => [k, v.weights[k] ?? 1]),
      );
      return sdk.quality.saveSettings({ body: { weights, minListingScore: v.minListingScore ?? null } });
    },
    onSuccess: () => {
      void message.success(t.common.saved);
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  return (
    <Card title={t.quality.settings}>
      {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {q.isPending ? (
        <Spin />
      ) : (
        <Form form={form} layout="vertical">
          <Typography.Paragraph type="secondary">{t.quality.settingsHelp}</Typography.Paragraph>
          <MutationErrorAlert error={save.error} />
          <Typography.Text strong>{t.quality.weights}</Typography.Text>
          <Space wrap style={{ margin: '8px 0 16px' }}>
            {QUALITY_INDICATORS.map((k) => (
              <Form.Item
                key={k}
                name={['weights', k]}
                label={t.quality.indicators[k]}
                style={{ marginBottom: 0 }}
              >
                <InputNumber<number> min={0} max={1000} precision={2} style={{ width: 120 }} />
              </Form.Item>
            ))}
          </Space>
          <Form.Item
            name="minListingScore"
            label={t.quality.minListingScore}
            extra={t.quality.minListingHelp}
          >
            <InputNumber<number>
              min={0}
              max={100}
              precision={1}
              style={{ width: 200 }}
              data-testid="quality-min-score"
            />
          </Form.Item>
          <Button
            type="primary"
            loading={save.isPending}
            data-testid="quality-settings-save"
            onClick={() => whenValid(form, (v) => save.mutate(v))}
          >
            {t.common.save}
          </Button>
        </Form>
      )}
    </Card>
  );
}
