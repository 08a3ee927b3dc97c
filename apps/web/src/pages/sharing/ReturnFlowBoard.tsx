import type { ReturnFlowBoard as Board } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Progress, Row, Table, Tag, Tooltip } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { sdk } from '../../api/sdk';
import { ChartCard, type ChartRow } from '../../components/ChartCard';
import { QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';

type BoardRow = Board['items'][number];

/** An on-time rate as a bar: green from 90 %, orange from 60 %, red below; "—" while nothing came due. */
export function RateBar({ rate }: { rate: number | null }) {
  if (rate === null) return <>—</>;
  const pct = Math.round(rate * 1000) / 10;
  const color = pct >= 90 ? '#52c41a' : pct >= 60 ? '#fa8c16' : '#f5222d';
  return <Progress percent={pct} size="small" strokeColor={color} style={{ width: 140, margin: 0 }} />;
}

function rateOption(rows: ChartRow[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v}%` },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((r) => r.name), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 24,
        data: rows.map((r) => ({
          value: r.value,
          itemStyle: {
            color: r.value >= 90 ? '#52c41a' : r.value >= 60 ? '#fa8c16' : '#f5222d',
            borderRadius: [0, 4, 4, 0],
          },
        })),
      },
    ],
  };
}

/** 应返尽返 board: per receiving department, what is owed, pending, overdue, delivered on time or late. */
export function ReturnFlowBoard() {
  const t = useT();
  const r = t.returnFlow;
  const q = useQuery({ queryKey: ['sharing', 'board'], queryFn: () => sdk.sharing.returnFlowBoard() });
  const items = q.data?.items ?? [];
  const rows = useMemo(
    () =>
      items
        .filter((i) => i.complianceRate !== null)
        .map((i) => ({
          key: i.orgId,
          name: i.orgName ?? i.orgId,
          value: Math.round(i.complianceRate! * 1000) / 10,
        })),
    [items],
  );
  const option = useMemo(() => rateOption(rows), [rows]);
  const total = q.data?.total;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card title={r.board} data-testid="return-board">
          {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
          <Table<BoardRow>
            size="small"
            rowKey="orgId"
            loading={q.isPending}
            dataSource={items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowClassName={(i) => (i.overdue > 0 ? 'row-overdue' : '')}
            columns={[
              { key: 'org', title: r.org, render: (_, i) => i.orgName ?? i.orgId },
              {
                key: 'level',
                title: r.level,
                render: (_, i) => <Tag bordered={false}>{enumLabel(t.adminLevel, i.level)}</Tag>,
              },
              { key: 'owed', title: r.owed, align: 'right', dataIndex: 'owed' },
              { key: 'pending', title: r.pending, align: 'right', dataIndex: 'pending' },
              {
                key: 'overdue',
                title: r.overdue,
                align: 'right',
                render: (_, i) => (i.overdue ? <Tag color="volcano">{i.overdue}</Tag> : 0),
              },
              { key: 'onTime', title: r.onTime, align: 'right', dataIndex: 'deliveredOnTime' },
              { key: 'late', title: r.late, align: 'right', dataIndex: 'deliveredLate' },
              {
                key: 'rate',
                title: <Tooltip title={r.rateHelp}>{r.rate}</Tooltip>,
                render: (_, i) => <RateBar rate={i.complianceRate} />,
              },
            ]}
            summary={() =>
              total && (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={2}>
                    {r.total}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {total.owed}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    {total.pending}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    {total.overdue}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right">
                    {total.deliveredOnTime}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={6} align="right">
                    {total.deliveredLate}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={7}>
                    <RateBar rate={total.complianceRate} />
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )
            }
          />
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <ChartCard
          title={r.rateChart}
          rows={rows}
          option={option}
          loading={q.isPending}
          error={q.error}
          onRetry={() => void q.refetch()}
          filename="return-flow-rates"
          nameTitle={r.org}
          valueTitle={`${r.rate} (%)`}
          summable={false}
          testId="chart-return-rates"
        />
      </Col>
    </Row>
  );
}
