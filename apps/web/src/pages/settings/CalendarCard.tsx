import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CalendarDayBody, type CalendarDay } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { sdk } from '../../api/sdk';
import { QueryErrorAlert, useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { dayjs } from '../../lib/time';
import { whenValid, zodRule } from '../../lib/zod-form';

type DayForm = { day: Dayjs; kind: 'holiday' | 'workday'; name: string };

/** The one working-day calendar (holidays and 调休 make-up days) every deadline counts on. */
export function CalendarCard() {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const [hForm] = Form.useForm<DayForm>();
  const [year, setYear] = useState(dayjs().year());
  const holidays = useQuery({
    queryKey: ['settings', 'holidays', year],
    queryFn: () => sdk.settings.holidays({ query: { year } }),
  });
  const setHoliday = useMutation({
    mutationFn: (v: DayForm) =>
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
      <Typography.Paragraph type="secondary">{t.platformSettings.calendarHelp}</Typography.Paragraph>
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
            zodRule(CalendarDayBody.shape.name, t),
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
      {holidays.isError && <QueryErrorAlert error={holidays.error} onRetry={() => void holidays.refetch()} />}
      <Table<CalendarDay>
        size="small"
        rowKey="day"
        loading={holidays.isPending}
        dataSource={holidays.data?.items}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t.platformSettings.empty }}
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
  );
}
