import type { HqdSettings } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Space } from 'antd';
import { useEffect } from 'react';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';

/** The operator's programme settings: the yearly provincial target and the pass score. */
export function HqdSettingsCard() {
  const x = useT().hqd;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<HqdSettings>();
  const q = useQuery({ queryKey: ['hqd', 'settings'], queryFn: () => sdk.qualityProgrammes.settings() });
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: (b: HqdSettings) => sdk.qualityProgrammes.setSettings({ body: b }),
    onSuccess: () => {
      void message.success(x.settingsSaved);
      void qc.invalidateQueries({ queryKey: ['hqd'] });
    },
  });
  return (
    <Card title={x.settings} size="small" loading={q.isPending}>
      <MutationErrorAlert error={save.error} />
      <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)}>
        <Space wrap>
          <Form.Item name="yearlyTarget" label={x.yearlyTarget} rules={[{ required: true }]}>
            <InputNumber min={0} max={10000} precision={0} />
          </Form.Item>
          <Form.Item name="passScore" label={x.passScore} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
          <Button htmlType="submit" loading={save.isPending}>
            {x.saveSettings}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
