import { Col } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { ChartCard, type ChartRow } from '../../components/ChartCard';
import { useT } from '../../i18n/I18nProvider';
import type { useOrgCounts } from './use-dashboard';

// The chart colours of statuses match their StatusTag colours.
const STATUS_COLOURS: Record<string, string> = {
  pending: '#faad14',
  active: '#52c41a',
  rejected: '#ff4d4f',
  suspended: '#bfbfbf',
};

function pieOption(rows: ChartRow[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [
      {
        type: 'pie',
        radius: ['42%', '68%'],
        center: ['50%', '50%'],
        itemStyle: { borderRadius: 6, borderColor: '#fff', borderWidth: 2 },
        label: { formatter: '{b}\n{c}' },
        data: rows.filter((r) => r.value > 0),
      },
    ],
  };
}

function barOption(rows: ChartRow[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisTick: { show: false } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 40,
        data: rows.map((r) => ({
          value: r.value,
          itemStyle: { color: STATUS_COLOURS[r.key], borderRadius: [4, 4, 0, 0] },
        })),
      },
    ],
  };
}

/** Organizations by type (pie) and by status (bar), each with a table view and export. */
export function OrgCharts({ counts }: { counts: ReturnType<typeof useOrgCounts> }) {
  const t = useT();
  const typeRows = useMemo(
    () => counts.byType.counts.map((c) => ({ key: c.key, name: t.orgType[c.key], value: c.value })),
    [counts.byType.counts, t],
  );
  const statusRows = useMemo(
    () => counts.byStatus.counts.map((c) => ({ key: c.key, name: t.status[c.key], value: c.value })),
    [counts.byStatus.counts, t],
  );
  const pie = useMemo(() => pieOption(typeRows), [typeRows]);
  const bar = useMemo(() => barOption(statusRows), [statusRows]);
  return (
    <>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t.dashboard.orgsByType}
          rows={typeRows}
          option={pie}
          loading={counts.byType.isPending}
          error={counts.byType.error}
          onRetry={counts.byType.refetch}
          filename="orgs-by-type"
          testId="chart-orgs-by-type"
        />
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t.dashboard.orgsByStatus}
          rows={statusRows}
          option={bar}
          loading={counts.byStatus.isPending}
          error={counts.byStatus.error}
          onRetry={counts.byStatus.refetch}
          filename="orgs-by-status"
          testId="chart-orgs-by-status"
        />
      </Col>
    </>
  );
}
