import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  RegistrationType,
  RegistryHolidayBody,
  type RegistryHoliday,
  type RegistrySettings,
} from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Spin,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { sdk } from '../../api/sdk';
import { PageContainer } from '../../components/PageContainer';
import { MutationErrorAlert, QueryErrorAlert, useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import { dayjs } from '../../lib/time';
import { showServerIssues, whenValid, zodRule } from '../../lib/zod-form';

const DAY_FIELDS = [
  'acceptDays',
  'reviewDays',
  'noticeDays',
  'objectionDays',
  'validityYears',
  'renewalYears',
  'renewWindowDays',
] as const;

/** 登记设置 (operator): working-day periods, validity and the holiday calendar of the deadlines. */
export function RegistrySettingsPage() {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<RegistrySettings>();
  const [hForm] = Form.useForm<{ day: Dayjs; kind: 'holiday' | 'workday'; name: string }>();
  const [year, setYear] = useState(dayjs().year());
  const settings = useQuery({ queryKey: ['registry', 'settings'], queryFn: () => sdk.registry.settings() });
  const holidays = useQuery({
    queryKey: ['settings', 'holidays', year],
    queryFn: () => sdk.settings.holidays({ query: { year } }),
  });
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
  const setHoliday = useMutation({
    mutationFn: (v: { day: Dayjs; kind: 'holiday' | 'workday'; name: string }) =>
      sdk.settings.setHoliday({
        params: { day: v.day.format('YYYY-MM-DD') },
        body: { kind: v.kind, name: v.name.trim() },
      }),
    onSuccess: () => {
      void message.success(t.registry.holidayAdded);
      hForm.resetFields();
      void qc.invalidateQueries({ queryKey: ['settings', 'holidays'] });
    },
    onError: (e) => void message.error(errText(e)),
  });
  const delHoliday = useMutation({
    mutationFn: (day: string) => sdk.settings.deleteHoliday({ params: { day } }),
    onSuccess: () => {
      void message.success(t.registry.holidayRemoved);
      void qc.invalidateQueries({ queryKey: ['settings', 'holidays'] });
    },
    onError: (e) => void message.error(errText(e)),
  });
  return (
    <PageContainer title={t.registry.settingsTitle}>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title={t.registry.rules} style={{ marginBottom: 16 }}>
            {settings.isError && (
              <QueryErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
            )}
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
                        <InputNumber
                          min={1}
                          max={3650}
                          style={{ width: 180 }}
                          data-testid={`settings-${f}`}
                        />
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
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title={t.registry.holidays}
            extra={
              <Select
                value={year}
                onChange={setYear}
                style={{ width: 110 }}
                aria-label={t.registry.year}
                options={[-1, 0, 1, 2].map((d) => ({
                  value: dayjs().year() + d,
                  label: String(dayjs().year() + d),
                }))}
              />
            }
          >
            <Form
              form={hForm}
              layout="inline"
              style={{ marginBottom: 16, rowGap: 8 }}
              initialValues={{ kind: 'holiday' }}
            >
              <Form.Item name="day" rules={[{ required: true, message: t.validation.required }]}>
                <DatePicker placeholder={t.registry.day} data-testid="holiday-day" />
              </Form.Item>
              <Form.Item name="kind">
                <Select
                  style={{ width: 170 }}
                  options={[
                    { value: 'holiday', label: t.registry.holiday },
                    { value: 'workday', label: t.registry.workday },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="name"
                rules={[
                  { required: true, whitespace: true, message: t.validation.required },
                  zodRule(RegistryHolidayBody.shape.name, t),
                ]}
              >
                <Input
                  placeholder={t.registry.holidayName}
                  maxLength={40}
                  style={{ width: 160 }}
                  data-testid="holiday-name"
                />
              </Form.Item>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                loading={setHoliday.isPending}
                onClick={() => whenValid(hForm, (v) => setHoliday.mutate(v))}
                data-testid="holiday-add"
              >
                {t.registry.addHoliday}
              </Button>
            </Form>
            {holidays.isError && (
              <QueryErrorAlert error={holidays.error} onRetry={() => void holidays.refetch()} />
            )}
            <Table<RegistryHoliday>
              size="small"
              rowKey="day"
              loading={holidays.isPending}
              dataSource={holidays.data?.items}
              pagination={{ pageSize: 20 }}
              columns={[
                { key: 'day', title: t.registry.day, dataIndex: 'day' },
                {
                  key: 'kind',
                  title: t.registry.kind,
                  render: (_, h) =>
                    h.kind === 'holiday' ? (
                      <Tag color="red">{t.registry.holiday}</Tag>
                    ) : (
                      <Tag color="blue">{t.registry.workday}</Tag>
                    ),
                },
                { key: 'name', title: t.registry.holidayName, dataIndex: 'name' },
                {
                  key: 'actions',
                  title: t.common.actions,
                  render: (_, h) => (
                    <Popconfirm
                      title={`${t.registry.removeHoliday} ${h.day}?`}
                      onConfirm={() => delHoliday.mutate(h.day)}
                    >
                      <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                        {t.registry.removeHoliday}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
