import type { QualityRunSummary } from '@shuliu/contracts';
import { Card, Empty } from 'antd';
import { ChartCard } from '../../../components/ChartCard';
import { useT } from '../../../i18n/I18nProvider';
import { formatTime } from '../../../lib/time';

/** 质量趋势: the overall score of each finished run, oldest first, with a table view and an export. */
export function QualityTrendCard({ runs, resourceId }: { runs: QualityRunSummary[]; resourceId: string }) {
  const t = useT();
  const done = runs.filter((r) => r.status === 'done' && r.overall !== null).reverse();
  if (!done.length)
    return (
      <Card title={t.quality.trend}>
        <Empty description={t.quality.trendEmpty} />
      </Card>
    );
  const rows = done.map((r) => ({
    key: r.id,
    name: `${formatTime(r.finishedAt, 'YYYY-MM-DD HH:mm')} ${t.quality.trigger[r.trigger]}`,
    value: r.overall!,
  }));
  return (
    <ChartCard
      title={t.quality.trend}
      rows={rows}
      filename={`quality-trend-${resourceId}`}
      nameTitle={t.quality.trendRun}
      valueTitle={t.quality.overall}
      summable={false}
      testId="quality-trend"
      option={{
        tooltip: { trigger: 'axis' },
        grid: { left: 40, right: 16, top: 16, bottom: 40 },
        xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { hideOverlap: true } },
        yAxis: { type: 'value', min: 0, max: 100 },
        series: [{ type: 'line', name: t.quality.overall, data: rows.map((r) => r.value), smooth: false }],
      }}
    />
  );
}
