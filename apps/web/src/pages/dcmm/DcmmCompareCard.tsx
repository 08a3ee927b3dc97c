import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { sdk } from '../../api/sdk';
import { EChart } from '../../components/EChart';
import { QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { levelBars } from './dcmm-parts';

const deltaColor = (d: number) => (d > 0 ? '#389e0d' : d < 0 ? '#cf1322' : undefined);

/** Two assessments of one org side by side: the level per area of each and the change. */
export function DcmmCompareCard({ from, to }: { from: string; to: string }) {
  const x = useT().dcmm;
  const q = useQuery({
    queryKey: ['dcmm', 'compare', from, to],
    queryFn: () => sdk.dcmm.compare({ query: { from, to } }),
  });
  const c = q.data;
  return (
    <Card title={x.compareTitle} style={{ marginTop: 16 }} loading={q.isPending} data-testid="dcmm-compare">
      <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      {c && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <EChart
              height={280}
              option={levelBars(
                c.areas.map((a) => x.areas[a.area]),
                [
                  { name: `${x.from}：${c.from.title}`, values: c.areas.map((a) => a.from) },
                  { name: `${x.to}：${c.to.title}`, values: c.areas.map((a) => a.to) },
                ],
              )}
            />
          </Col>
          <Col xs={24} lg={12}>
            <Statistic
              title={x.scoreDelta}
              value={`${c.from.result.score.toFixed(2)} → ${c.to.result.score.toFixed(2)} (${c.scoreDelta >= 0 ? '+' : ''}${c.scoreDelta.toFixed(2)})`}
              valueStyle={{ color: deltaColor(c.scoreDelta), fontSize: 20 }}
            />
            <Table
              rowKey="area"
              size="small"
              pagination={false}
              style={{ marginTop: 12 }}
              dataSource={c.areas}
              columns={[
                { title: x.area, dataIndex: 'area', render: (a: keyof typeof x.areas) => x.areas[a] },
                { title: c.from.title, dataIndex: 'from' },
                { title: c.to.title, dataIndex: 'to' },
                {
                  title: x.delta,
                  dataIndex: 'delta',
                  render: (d: number) => (
                    <Typography.Text strong style={{ color: deltaColor(d) }}>
                      {d > 0 ? `+${d}` : d}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
