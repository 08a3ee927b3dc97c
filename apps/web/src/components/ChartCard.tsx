import { BarChartOutlined, DownloadOutlined, FileImageOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Table, Tooltip } from 'antd';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { downloadBlob, downloadCsv } from '../lib/csv';
import { useT } from '../i18n/I18nProvider';
import { EChart } from './EChart';
import { QueryErrorAlert } from './QueryError';

export interface ChartRow {
  key: string;
  name: string;
  value: number;
}

interface Props {
  title: ReactNode;
  rows: ChartRow[];
  option: EChartsCoreOption;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  filename: string;
  testId?: string;
  /** Headings of the table view and the export (default: type and count). */
  nameTitle?: string;
  valueTitle?: string;
  /** Whether the table view sums its values (not for rates). */
  summable?: boolean;
}

/** A chart with the two things every chart must have (STYLE.md): a table view and an export. */
export function ChartCard(props: Props) {
  const { title, rows, option, loading, error, onRetry, filename, testId } = props;
  const t = useT();
  const nameTitle = props.nameTitle ?? t.dashboard.type;
  const valueTitle = props.valueTitle ?? t.common.count;
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const chart = useRef<EChartsType | null>(null);
  const onReady = useCallback((c: EChartsType) => {
    chart.current = c;
  }, []);
  const exportPng = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url)
      void fetch(url)
        .then((r) => r.blob())
        .then((b) => downloadBlob(b, `${filename}.png`));
  };
  const csvColumns = [
    { header: nameTitle, value: (r: ChartRow) => r.name },
    { header: valueTitle, value: (r: ChartRow) => r.value },
  ];
  const extra = (
    <Space size={4}>
      <Segmented
        size="small"
        value={view}
        onChange={(v) => setView(v as 'chart' | 'table')}
        options={[
          { value: 'chart', icon: <BarChartOutlined />, title: t.common.chart },
          { value: 'table', icon: <TableOutlined />, title: t.common.table },
        ]}
      />
      <Tooltip title={t.common.exportPng}>
        <Button
          type="text"
          size="small"
          icon={<FileImageOutlined />}
          disabled={view !== 'chart'}
          onClick={exportPng}
        />
      </Tooltip>
      <Tooltip title={t.common.exportCsv}>
        <Button
          type="text"
          size="small"
          icon={<DownloadOutlined />}
          onClick={() => downloadCsv(`${filename}.csv`, rows, csvColumns)}
        />
      </Tooltip>
    </Space>
  );
  return (
    <Card title={title} extra={extra} loading={loading && !error} data-testid={testId}>
      {error ? <QueryErrorAlert error={error} onRetry={onRetry} /> : null}
      {view === 'chart' ? (
        <EChart option={option} onReady={onReady} height={280} />
      ) : (
        <Table<ChartRow>
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { key: 'name', dataIndex: 'name', title: nameTitle },
            { key: 'value', dataIndex: 'value', title: valueTitle, align: 'right' },
          ]}
          summary={(data) =>
            props.summable !== false && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t.common.sum}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {data.reduce((s, r) => s + r.value, 0)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )
          }
        />
      )}
    </Card>
  );
}
