import {
  AFFECTED_PARTIES,
  HARMS,
  ImpactAssessmentBody,
  type ImpactAssessment,
  type Resource,
} from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Select, Space, Table, Typography } from 'antd';
import { sdk } from '../../api/sdk';
import { GradeTag } from '../../components/CatalogTags';
import { MutationErrorAlert, QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import { formatTime } from '../../lib/time';
import { showServerIssues, whenValid, zodRule } from '../../lib/zod-form';
import { catalogKeys } from './catalog-queries';

type Body = { party: ImpactAssessment['party']; harm: ImpactAssessment['harm']; reason: string };

/** 影响评估 (GB/T 43697-2024 §6.4–6.5): who a compromise would harm and how badly; the grade follows it. */
export function ImpactTab({ r, canAssess }: { r: Resource; canAssess: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Body>();
  const key = ['catalog', 'impact', r.id];
  const list = useQuery({
    queryKey: key,
    queryFn: () => sdk.impact.list({ params: { id: r.id } }),
  });
  const assess = useMutation({
    mutationFn: (body: Body) => sdk.impact.assess({ params: { id: r.id }, body }),
    onSuccess: () => {
      void message.success(t.impactAssessment.done);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: key });
      void qc.invalidateQueries({ queryKey: catalogKeys.resource(r.id) });
    },
    onError: (e) => showServerIssues(form, e),
  });
  return (
    <Flex vertical gap={16}>
      {canAssess && (
        <Card title={t.impactAssessment.add}>
          <Typography.Paragraph type="secondary">{t.impactAssessment.help}</Typography.Paragraph>
          <MutationErrorAlert error={assess.error} />
          <Form form={form} layout="vertical" style={{ maxWidth: 640 }}>
            <Space wrap>
              <Form.Item
                name="party"
                label={t.impactAssessment.party}
                rules={[{ required: true, message: t.validation.required }]}
              >
                <Select
                  style={{ width: 220 }}
                  data-testid="impact-party"
                  options={AFFECTED_PARTIES.map((p) => ({ value: p, label: enumLabel(t.affectedParty, p) }))}
                />
              </Form.Item>
              <Form.Item
                name="harm"
                label={t.impactAssessment.harm}
                rules={[{ required: true, message: t.validation.required }]}
              >
                <Select
                  style={{ width: 220 }}
                  data-testid="impact-harm"
                  options={HARMS.map((h) => ({ value: h, label: enumLabel(t.harm, h) }))}
                />
              </Form.Item>
            </Space>
            <Form.Item
              name="reason"
              label={t.impactAssessment.reason}
              rules={[
                { required: true, whitespace: true, message: t.validation.required },
                zodRule(ImpactAssessmentBody.shape.reason, t),
              ]}
            >
              <Input.TextArea rows={3} maxLength={1000} showCount data-testid="impact-reason" />
            </Form.Item>
            <Button
              type="primary"
              loading={assess.isPending}
              data-testid="impact-submit"
              onClick={() => whenValid(form, (v) => assess.mutate({ ...v, reason: v.reason.trim() }))}
            >
              {t.common.submit}
            </Button>
          </Form>
        </Card>
      )}
      <Card title={t.impactAssessment.title}>
        {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        <Table<ImpactAssessment>
          size="small"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items}
          locale={{ emptyText: t.impactAssessment.empty }}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 10 }}
          columns={[
            { key: 'at', title: t.impactAssessment.createdAt, render: (_, a) => formatTime(a.createdAt) },
            {
              key: 'party',
              title: t.impactAssessment.party,
              render: (_, a) => enumLabel(t.affectedParty, a.party),
            },
            { key: 'harm', title: t.impactAssessment.harm, render: (_, a) => enumLabel(t.harm, a.harm) },
            {
              key: 'assessed',
              title: t.impactAssessment.assessedGrade,
              render: (_, a) => <GradeTag grade={a.assessedGrade} />,
            },
            {
              key: 'before',
              title: t.impactAssessment.gradeBefore,
              render: (_, a) => <GradeTag grade={a.gradeBefore} />,
            },
            {
              key: 'after',
              title: t.impactAssessment.gradeAfter,
              render: (_, a) => <GradeTag grade={a.gradeAfter} />,
            },
            { key: 'by', title: t.impactAssessment.assessedBy, dataIndex: 'assessedBy' },
            { key: 'reason', title: t.impactAssessment.reason, dataIndex: 'reason', ellipsis: true },
          ]}
        />
      </Card>
    </Flex>
  );
}
