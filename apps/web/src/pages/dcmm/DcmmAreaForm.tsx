import type { DcmmAnswer, DcmmAnswerValue, DcmmArea } from '@shuliu/contracts';
import { Button, Form, Input, Radio, Space, Table, Tag } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { StatementText, statementsOf, useLevelName } from './dcmm-parts';

type Values = Record<string, { answer?: DcmmAnswerValue; note?: string }>;

interface Props {
  area: DcmmArea;
  answers: DcmmAnswer[];
  readOnly: boolean;
  saving: boolean;
  onSave: (answers: { statementId: string; answer: DcmmAnswerValue; note: string | null }[]) => void;
}

/** One capability area of the questionnaire: each statement answered met / partly / not met, with a note. */
export function DcmmAreaForm({ area, answers, readOnly, saving, onSave }: Props) {
  const x = useT().dcmm;
  const levelName = useLevelName();
  const [form] = Form.useForm<Values>();
  const statements = statementsOf(area);
  useEffect(() => {
    const byId = new Map(answers.map((a) => [a.statementId, a]));
    form.setFieldsValue(
      Object.fromEntries(
        statements.map((s) => [
          s.id,
          { answer: byId.get(s.id)?.answer, note: byId.get(s.id)?.note ?? undefined },
        ]),
      ),
    );
  }, [answers, form, statements]);
  const save = (v: Values) => {
    const answered = statements
      .filter((s) => v[s.id]?.answer)
      .map((s) => ({ statementId: s.id, answer: v[s.id]!.answer!, note: v[s.id]?.note?.trim() || null }));
    // an area with nothing chosen yet has nothing to save
    if (answered.length) onSave(answered);
  };
  return (
    <Form form={form} onFinish={save} disabled={readOnly}>
      <Table
        rowKey="id"
        pagination={false}
        size="small"
        dataSource={statements}
        columns={[
          { title: x.domain, dataIndex: 'domain', width: 120 },
          {
            title: x.evidences,
            dataIndex: 'level',
            width: 130,
            render: (l: number) => <Tag>{levelName(l)}</Tag>,
          },
          { title: x.questionnaire, key: 'text', render: (_, s) => <StatementText id={s.id} /> },
          {
            title: x.statusTitle,
            key: 'answer',
            width: 340,
            render: (_, s) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Form.Item name={[s.id, 'answer']} noStyle>
                  <Radio.Group
                    optionType="button"
                    size="small"
                    options={(['yes', 'partly', 'no'] as const).map((v) => ({
                      value: v,
                      label: x.answers[v],
                    }))}
                    data-testid={`dcmm-answer-${s.id}`}
                  />
                </Form.Item>
                <Form.Item name={[s.id, 'note']} noStyle rules={[{ max: 500 }]}>
                  <Input size="small" placeholder={x.notePlaceholder} maxLength={500} aria-label={x.note} />
                </Form.Item>
              </Space>
            ),
          },
        ]}
      />
      {!readOnly && (
        <Button
          type="primary"
          htmlType="submit"
          loading={saving}
          style={{ marginTop: 12 }}
          data-testid="dcmm-save"
        >
          {x.save}
        </Button>
      )}
    </Form>
  );
}
