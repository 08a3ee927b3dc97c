import { HQD_CRITERIA, type HqdReviewBody, type HqdScore } from '@shuliu/contracts';
import { Button, Form, Input, InputNumber, Table, Typography } from 'antd';
import { useI18n, useT } from '../../i18n/I18nProvider';

type Values = { scores: Record<string, { score: number; comment?: string }>; opinion: string };

/** The published criteria with their weights; read-only once scored, a form for the assigned reviewer. */
export function HqdCriteriaTable({
  scores,
  editable,
  pending,
  onSubmit,
}: {
  scores: HqdScore[];
  editable: boolean;
  pending?: boolean;
  onSubmit?: (b: HqdReviewBody) => void;
}) {
  const x = useT().hqd;
  const { lang } = useI18n();
  const given = new Map(scores.map((s) => [s.criterion, s]));
  const finish = (v: Values) =>
    onSubmit?.({
      scores: HQD_CRITERIA.map((c) => ({
        criterion: c.key,
        score: v.scores[c.key]!.score,
        comment: v.scores[c.key]?.comment?.trim() || null,
      })),
      opinion: v.opinion.trim(),
    });
  return (
    <Form<Values> layout="vertical" onFinish={finish} disabled={!editable}>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={[...HQD_CRITERIA]}
        columns={[
          {
            title: x.criterion,
            key: 'name',
            render: (_, c) => (
              <>
                {lang === 'en-US' ? c.en : c.zh}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {lang === 'en-US' ? c.enHint : c.zhHint}
                </Typography.Text>
              </>
            ),
          },
          { title: x.weight, dataIndex: 'weight', width: 80, render: (w: number) => `${w}%` },
          {
            title: x.score,
            key: 'score',
            width: 120,
            render: (_, c) =>
              editable ? (
                <Form.Item name={['scores', c.key, 'score']} noStyle rules={[{ required: true }]}>
                  <InputNumber min={0} max={100} precision={0} aria-label={c.zh} />
                </Form.Item>
              ) : (
                (given.get(c.key)?.score ?? '—')
              ),
          },
          {
            title: x.comment,
            key: 'comment',
            render: (_, c) =>
              editable ? (
                <Form.Item name={['scores', c.key, 'comment']} noStyle rules={[{ max: 500 }]}>
                  <Input maxLength={500} />
                </Form.Item>
              ) : (
                given.get(c.key)?.comment
              ),
          },
        ]}
      />
      {editable && (
        <>
          <Form.Item
            name="opinion"
            label={x.opinion}
            rules={[{ required: true, whitespace: true, max: 2000 }]}
            style={{ marginTop: 12 }}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={pending} data-testid="hqd-review-submit">
            {x.submitReview}
          </Button>
        </>
      )}
    </Form>
  );
}
