import { DownloadOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Popover, Space, Table, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type ReactNode } from 'react';
import { downloadCsv, type CsvColumn } from '../lib/csv';
import { useT } from '../i18n/I18nProvider';
import { QueryErrorAlert } from './QueryError';

interface Props<T> {
  /** Identifies the list for remembering hidden columns. */
  id: string;
  title: ReactNode;
  columns: ColumnsType<T>;
  table: Omit<TableProps<T>, 'columns'>;
  actions?: ReactNode;
  csv?: { filename: string; columns: CsvColumn<T>[] };
  error?: unknown;
  onRefresh: () => void;
  refreshing?: boolean;
  testId?: string;
  /** Columns hidden until the user shows them in the column settings. */
  defaultHidden?: string[];
}

function useHiddenColumns(id: string, defaultHidden: string[]) {
  const key = `shuliu.columns.${id}`;
  const [hidden, setHidden] = useState<string[]>(() => {
    const saved = localStorage.getItem(key);
    return saved ? (JSON.parse(saved) as string[]) : defaultHidden;
  });
  const update = (next: string[]) => {
    localStorage.setItem(key, JSON.stringify(next));
    setHidden(next);
  };
  return [hidden, update] as const;
}

function ColumnSettings<T>({
  columns,
  hidden,
  defaults,
  onChange,
}: {
  columns: ColumnsType<T>;
  hidden: string[];
  defaults: string[];
  onChange: (h: string[]) => void;
}) {
  const t = useT();
  const content = (
    <Flex vertical gap={6}>
      {columns.map((c) => {
        const key = String(c.key);
        return (
          <Checkbox
            key={key}
            checked={!hidden.includes(key)}
            onChange={(e) => onChange(e.target.checked ? hidden.filter((h) => h !== key) : [...hidden, key])}
          >
            {c.title as ReactNode}
          </Checkbox>
        );
      })}
    </Flex>
  );
  const title = (
    <Flex justify="space-between" align="center">
      {t.common.columns}
      <Button type="link" size="small" onClick={() => onChange(defaults)}>
        {t.common.resetColumns}
      </Button>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={title} content={content}>
      <Tooltip title={t.common.columns}>
        <Button type="text" icon={<SettingOutlined />} aria-label={t.common.columns} />
      </Tooltip>
    </Popover>
  );
}

/** A Pro-style table card: title, actions, refresh, column settings, CSV export of the page, then the table. */
export function ListCard<T extends object>(props: Props<T>) {
  const {
    id,
    title,
    columns,
    table,
    actions,
    csv,
    error,
    onRefresh,
    refreshing,
    testId,
    defaultHidden = [],
  } = props;
  const t = useT();
  const [hidden, setHidden] = useHiddenColumns(id, defaultHidden);
  const visible = useMemo(() => columns.filter((c) => !hidden.includes(String(c.key))), [columns, hidden]);
  const rows = (table.dataSource ?? []) as readonly T[];
  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Space size={4} wrap>
          {actions}
          {csv && (
            <Button
              icon={<DownloadOutlined />}
              disabled={rows.length === 0}
              onClick={() => downloadCsv(csv.filename, rows, csv.columns)}
            >
              {t.common.exportCsv}
            </Button>
          )}
          <Tooltip title={t.common.refresh}>
            <Button
              type="text"
              icon={<ReloadOutlined spin={refreshing} />}
              onClick={onRefresh}
              aria-label={t.common.refresh}
            />
          </Tooltip>
          <ColumnSettings columns={columns} hidden={hidden} defaults={defaultHidden} onChange={setHidden} />
        </Space>
      </Flex>
      {error ? <QueryErrorAlert error={error} onRetry={onRefresh} /> : null}
      <div data-testid={testId}>
        <Table<T> size="middle" scroll={{ x: 'max-content' }} {...table} columns={visible} />
      </div>
    </Card>
  );
}
