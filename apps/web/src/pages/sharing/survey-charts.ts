import type { EChartsCoreOption } from 'echarts/core';
import type { ChartRow } from '../../components/ChartCard';

export type Metric = 'resources' | 'published' | 'files' | 'rows' | 'bytes';
export const METRICS: readonly Metric[] = ['resources', 'published', 'files', 'rows', 'bytes'];

export interface Bucket {
  key: string;
  label: string | null;
  resources: number;
  published: number;
  files: number;
  rows: number;
  bytes: number;
}

/** A survey breakdown as chart rows of one measure, largest first unless the order means something. */
export function rowsOf(
  buckets: readonly Bucket[],
  metric: Metric,
  name: (b: Bucket) => string,
  opts: { keepOrder?: boolean; top?: number } = {},
): ChartRow[] {
  const rows = buckets.map((b) => ({ key: b.key, name: name(b), value: b[metric] }));
  if (!opts.keepOrder) rows.sort((a, b) => b.value - a.value);
  return opts.top ? rows.slice(0, opts.top) : rows;
}

export function pieOption(rows: ChartRow[], colours?: Record<string, string>): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '66%'],
        center: ['50%', '45%'],
        itemStyle: { borderRadius: 6, borderColor: '#fff', borderWidth: 2 },
        label: { formatter: '{b}\n{c}' },
        data: rows
          .filter((r) => r.value > 0)
          .map((r) => ({
            name: r.name,
            value: r.value,
            itemStyle: colours?.[r.key] ? { color: colours[r.key] } : undefined,
          })),
      },
    ],
  };
}

export function barOption(rows: ChartRow[], horizontal = false): EChartsCoreOption {
  const category = {
    type: 'category',
    data: rows.map((r) => r.name),
    axisTick: { show: false },
    axisLabel: { interval: 0, hideOverlap: true },
  };
  const value = { type: 'value', minInterval: 1 };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [
      {
        type: 'bar',
        barMaxWidth: 32,
        itemStyle: { color: '#1677ff', borderRadius: horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0] },
        data: rows.map((r) => r.value),
      },
    ],
  };
}

export function lineOption(rows: ChartRow[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.name), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'line', smooth: true, areaStyle: { opacity: 0.15 }, data: rows.map((r) => r.value) }],
  };
}
