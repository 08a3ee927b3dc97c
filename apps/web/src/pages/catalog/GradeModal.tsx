import { GRADES, GradeBody, isBelow, type Grade, type Resource } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select, Table } from 'antd';
import { sdk } from '../../api/sdk';
import { GradeTag, PiiTag } from '../../components/CatalogTags';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import { showServerIssues, whenValid, zodRule } from '../../lib/zod-form';
import { catalogKeys } from './catalog-queries';

interface Values {
  grade: Grade;
  fields: Record<string, Grade>;
  reason: string;
}

/** GB/T 43697-2024 §5: only grades at or above the computed one are offered, never a lower one. */
export function gradesFrom(t: Messages, floor: Grade) {
  return GRADES.filter((g) => !isBelow(g, floor)).map((g) => ({
    value: g,
    label: <GradeTag grade={g} />,
    title: t.grade[g],
  }));
}

/** Raise the dataset grade or field grades of a resource, with the reason kept in its history. */
export function GradeModal({ r, open, onClose }: { r: Resource; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const fields = r.schema
        .filter((c) => v.fields[c.name] && v.fields[c.name] !== c.grade)
        .map((c) => ({ name: c.name, grade: v.fields[c.name]! }));
      const grade = v.grade !== r.grade ? v.grade : undefined;
      return sdk.catalog.grade({ params: { id: r.id }, body: { grade, fields, reason: v.reason.trim() } });
    },
    onSuccess: () => {
      void message.success(t.schema.graded);
      void qc.invalidateQueries({ queryKey: catalogKeys.all });
      onClose();
    },
    onError: (e) => showServerIssues(form, e),
  });
  return (
    <Modal
      open={open}
      title={t.schema.raiseTitle}
      width={820}
      okText={t.common.save}
      okButtonProps={{ loading: save.isPending, ...({ 'data-testid': 'grade-confirm' } as object) }}
      onOk={() => whenValid(form, (v) => save.mutate(v))}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => o || save.reset()}
    >
      <Alert type="info" showIcon title={t.schema.help} style={{ marginBottom: 16 }} />
      <MutationErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ grade: r.grade, fields: Object.fromEntries(r.schema.map((c) => [c.name, c.grade])) }}
      >
        <Form.Item name="grade" label={t.schema.datasetGrade} rules={[{ required: true }]}>
          <Select
            options={gradesFrom(t, r.computedGrade)}
            style={{ maxWidth: 280 }}
            data-testid="grade-dataset"
          />
        </Form.Item>
        {r.schema.length > 0 && (
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            scroll={{ y: 320 }}
            dataSource={r.schema}
            style={{ marginBottom: 16 }}
            columns={[
              { key: 'name', title: t.schema.column, dataIndex: 'name' },
              { key: 'pii', title: t.schema.pii, render: (_, c) => <PiiTag pii={c.pii} /> },
              {
                key: 'computed',
                title: t.schema.computedGrade,
                render: (_, c) => <GradeTag grade={c.computedGrade} />,
              },
              {
                key: 'grade',
                title: t.schema.grade,
                width: 220,
                render: (_, c) => (
                  <Form.Item name={['fields', c.name]} noStyle>
                    <Select options={gradesFrom(t, c.computedGrade)} style={{ width: 200 }} />
                  </Form.Item>
                ),
              },
            ]}
          />
        )}
        <Form.Item
          name="reason"
          label={t.schema.reason}
          rules={[
            { required: true, whitespace: true, message: t.validation.required },
            zodRule(GradeBody.shape.reason, t),
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="grade-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
