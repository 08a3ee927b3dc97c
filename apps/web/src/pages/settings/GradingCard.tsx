import {
  AFFECTED_PARTIES,
  GRADES,
  GradingSettings,
  HARMS,
  PII_KIND_NAMES,
  type AffectedParty,
} from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Row, Select, Spin, Table, Typography, type FormInstance } from 'antd';
import { useEffect } from 'react';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert, QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import { showServerIssues, whenValid } from '../../lib/zod-form';

/** A row-level problem (a worse harm grading lower) is shown on the row's first cell. */
const fieldOf = (path: PropertyKey[]): string[] =>
  (path.length === 2 && path[0] === 'impact' ? [...path, HARMS[0]] : path).map(String);

/** The party × harm table (GB/T 43697-2024 §6.5) and the grade of each kind of personal information. */
export function GradingCard() {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<GradingSettings>();
  const grading = useQuery({ queryKey: ['settings', 'grading'], queryFn: () => sdk.settings.grading() });
  useEffect(() => {
    if (grading.data) form.setFieldsValue(grading.data);
  }, [grading.data, form]);
  const save = useMutation({
    mutationFn: (v: GradingSettings) => sdk.settings.updateGrading({ body: v }),
    onSuccess: () => {
      void message.success(t.platformSettings.saved);
      void qc.invalidateQueries({ queryKey: ['settings', 'grading'] });
    },
    onError: (e) => showServerIssues(form, e),
  });
  const submit = (v: GradingSettings) => {
    // the same contract as the server: a row whose worse harm grades lower is refused beside it
    const parsed = GradingSettings.safeParse(v);
    if (parsed.success) return save.mutate(parsed.data);
    (form as FormInstance).setFields(
      parsed.error.issues.map((i) => ({ name: fieldOf(i.path), errors: [i.message] })),
    );
  };
  const gradeOptions = GRADES.map((g) => ({ value: g, label: enumLabel(t.grade, g) }));
  if (grading.isError)
    return (
      <Card title={t.platformSettings.gradingTab}>
        <QueryErrorAlert error={grading.error} onRetry={() => void grading.refetch()} />
      </Card>
    );
  if (grading.isPending) return <Spin />;
  return (
    <Form form={form} layout="vertical" data-testid="grading-form">
      <MutationErrorAlert error={save.error} />
      <Card title={t.platformSettings.impactTitle} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t.platformSettings.impactHelp}</Typography.Paragraph>
        <Table<{ party: AffectedParty }>
          size="small"
          rowKey="party"
          pagination={false}
          dataSource={AFFECTED_PARTIES.map((party) => ({ party }))}
          scroll={{ x: 640 }}
          columns={[
            {
              key: 'party',
              title: t.platformSettings.party,
              render: (_, r) => enumLabel(t.affectedParty, r.party),
            },
            ...HARMS.map((h) => ({
              key: h,
              title: enumLabel(t.harm, h),
              render: (_: unknown, r: { party: AffectedParty }) => (
                <Form.Item name={['impact', r.party, h]} style={{ margin: 0 }}>
                  <Select
                    options={gradeOptions}
                    disabled={r.party === 'national'}
                    style={{ minWidth: 150 }}
                    aria-label={`${enumLabel(t.affectedParty, r.party)} ${enumLabel(t.harm, h)}`}
                    data-testid={`impact-${r.party}-${h}`}
                  />
                </Form.Item>
              ),
            })),
          ]}
        />
      </Card>
      <Card title={t.platformSettings.piiTitle} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {PII_KIND_NAMES.map((k) => (
            <Col key={k} xs={24} sm={12} lg={8}>
              <Form.Item name={['piiGrades', k]} label={enumLabel(t.piiKind, k)}>
                <Select options={gradeOptions} data-testid={`pii-${k}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>
      <Button
        type="primary"
        loading={save.isPending}
        data-testid="grading-save"
        onClick={() => whenValid(form, submit)}
      >
        {t.common.save}
      </Button>
    </Form>
  );
}
