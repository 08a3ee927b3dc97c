import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';

// Only the charts the portal draws are bundled (tree-shaken ECharts).
echarts.use([
  PieChart,
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

interface Props {
  option: EChartsCoreOption;
  height?: number;
  /** Receives the chart instance, e.g. to export it as an image. */
  onReady?: (chart: EChartsType) => void;
  testId?: string;
}

/** A tiny ECharts wrapper: init once, follow the option, resize with its box, dispose on unmount. */
export function EChart({ option, height = 300, onReady, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!chart.current) return;
    chart.current.setOption(option, { notMerge: true });
    onReady?.(chart.current);
  }, [option, onReady]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
