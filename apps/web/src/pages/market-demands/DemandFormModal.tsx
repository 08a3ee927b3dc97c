import {
  DemandBody,
  DemandDeadline,
  DemandRegion,
  GRADES,
  todayInChina,
  type Demand,
  type Grade,
} from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useEffect } from 'react';
import { sdk } from '../../api/sdk';
import { SectorSelect } from '../../components/SectorSelect';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { yuanToFen } from '../../lib/format';
import { dayjs } from '../../lib/time';
import { showServerIssues, whenValid, zodRule } from '../../lib/zod-form';
import type { Dayjs } from 'dayjs';

interface Values {
  title: string;
  description: string;
  purpose: string;
  sector: string;
  region?: string;
  grades: Grade[];
  budgetMin?: number | null;
  budgetMax?: number | null;
  deadline: Dayjs;
}

const field = (k: 'title' | 'description' | 'purpose') => DemandBody.shape[k];

const toValues = (d: Demand): Values => ({
  title: d.title,
  description: d.description,
  purpose: d.purpose,
  sector: d.sector,
  region: d.region ?? undefined,
  grades: d.grades,
  budgetMin: d.budgetMinFen === null ? null : d.budgetMinFen / 100,
  budgetMax: d.budgetMaxFen === null ? null : d.budgetMaxFen / 100,
  deadline: dayjs(d.deadline),
});

/** Post a demand, or edit an open one: validated with the API's own schemas, server errors beside the fields. */
export function DemandFormModal({
  open,
  demand,
  onClose,
}: {
  open: boolean;
  demand?: Demand;
  onClose: () => void;
}) {
  const t = useT();
  const d = t.demands;
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) form.setFieldsValue(demand ? toValues(demand) : { grades: ['general_1', 'general_2'] });
    else form.resetFields();
  }, [open, demand, form]);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        title: v.title,
        description: v.description,
        purpose: v.purpose,
        sector: v.sector,
        region: v.region?.trim() || null,
        grades: v.grades,
        budgetMinFen: v.budgetMin == null ? null : yuanToFen(v.budgetMin),
        budgetMaxFen: v.budgetMax == null ? null : yuanToFen(v.budgetMax),
        deadline: v.deadline.format('YYYY-MM-DD'),
      };
      return demand
        ? sdk.demands.update({ params: { id: demand.id }, body: { ...body, version: demand.version } })
        : sdk.demands.create({ body });
    },
    onSuccess: () => {
      void message.success(demand ? d.saved : d.posted);
      void qc.invalidateQueries({ queryKey: ['demands'] });
      onClose();
    },
    onError: (e) => {
      const placed = showServerIssues(form, e, []);
      if (!placed) void message.error(errText(e));
    },
  });
  const budgetOrder = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
    validator: async (_: unknown, max: number | null | undefined) => {
      const min = getFieldValue('budgetMin') as number | null | undefined;
      if (min != null && max != null && min > max) throw new Error(d.budgetOrder);
    },
  });
  return (
    <Modal
      open={open}
      title={demand ? d.edit : d.post}
      width={720}
      onCancel={onClose}
      okText={t.common.submit}
      confirmLoading={save.isPending}
      onOk={() => whenValid(form, (v) => save.mutate(v))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="demand-form">
        <Form.Item
          name="title"
          label={d.title}
          rules={[{ required: true, message: t.validation.required }, zodRule(field('title'), t)]}
        >
          <Input maxLength={100} showCount />
        </Form.Item>
        <Form.Item
          name="description"
          label={d.description}
          rules={[{ required: true, message: t.validation.required }, zodRule(field('description'), t)]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={d.purpose}
          rules={[{ required: true, message: t.validation.required }, zodRule(field('purpose'), t)]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="sector"
              label={d.sector}
              rules={[{ required: true, message: t.validation.required }]}
            >
              <SectorSelect testId="demand-sector" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="region" label={d.region} extra={d.regionHelp} rules={[zodRule(DemandRegion, t)]}>
              <Input maxLength={6} placeholder="370100" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="grades"
          label={d.grades}
          rules={[{ required: true, message: t.validation.required }]}
        >
          <Select mode="multiple" options={GRADES.map((g) => ({ value: g, label: t.grade[g] }))} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12} md={8}>
            <Form.Item name="budgetMin" label={d.budgetMin}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="budgetMax"
              label={d.budgetMax}
              dependencies={['budgetMin']}
              rules={[budgetOrder]}
            >
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="deadline"
              label={d.deadline}
              extra={d.deadlineHelp}
              rules={[
                { required: true, message: t.validation.required },
                {
                  validator: async (_: unknown, v: Dayjs | undefined) => {
                    if (v && !DemandDeadline.safeParse(v.format('YYYY-MM-DD')).success)
                      throw new Error(t.validation.invalid);
                  },
                },
              ]}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(x) => x.format('YYYY-MM-DD') < todayInChina()}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
