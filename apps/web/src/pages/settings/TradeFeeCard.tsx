import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert, QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { whenValid } from '../../lib/zod-form';

/** 平台服务费: the fee every order's gross pays at settlement, typed in percent and kept in basis points. */
export function TradeFeeCard() {
  const t = useT();
  const m = t.settlement;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ percent: number }>();
  const fee = useQuery({ queryKey: ['settings', 'trade'], queryFn: () => sdk.settings.trade() });
  useEffect(() => {
    if (fee.data) form.setFieldsValue({ percent: fee.data.platformFeeBp / 100 });
  }, [fee.data, form]);
  const save = useMutation({
    mutationFn: (percent: number) =>
      sdk.settings.updateTrade({ body: { platformFeeBp: Math.round(percent * 100) } }),
    onSuccess: () => {
      void message.success(t.platformSettings.saved);
      void qc.invalidateQueries({ queryKey: ['settings', 'trade'] });
    },
  });
  return (
    <Card title={m.feeTitle}>
      {fee.isError && <QueryErrorAlert error={fee.error} onRetry={() => void fee.refetch()} />}
      {fee.isPending ? (
        <Spin />
      ) : (
        <Form form={form} layout="vertical">
          <Typography.Paragraph type="secondary">{m.feeHelp}</Typography.Paragraph>
          <MutationErrorAlert error={save.error} />
          <Form.Item
            name="percent"
            label={m.fee}
            rules={[{ required: true, message: t.validation.required }]}
          >
            <InputNumber<number>
              min={0}
              max={30}
              precision={2}
              suffix="%"
              style={{ width: 200 }}
              data-testid="settings-platform-fee"
            />
          </Form.Item>
          <Button
            type="primary"
            loading={save.isPending}
            data-testid="trade-fee-save"
            onClick={() => whenValid(form, (v) => save.mutate(v.percent))}
          >
            {t.common.save}
          </Button>
        </Form>
      )}
    </Card>
  );
}
