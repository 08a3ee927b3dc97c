import type { ExportSummary } from '@shuliu/contracts';
import { Flex, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/I18nProvider';

type Node = ExportSummary['lattice']['view'][number];
interface Placed extends Node {
  height: number;
  chosen: boolean;
  key: string;
}

const levelsText = (levels: readonly number[]) => `(${levels.join(', ')})`;
/** Loss as a percentage; an unchecked node's is a lower bound. */
const lossText = (n: Node) => `${n.checked ? '' : '≥ '}${(n.loss * 100).toFixed(2)}%`;
const colorOf = (n: Placed) => (n.chosen ? 'blue' : !n.checked ? 'default' : n.anonymous ? 'green' : 'red');

/** The view's nodes layered by height (the sum of their levels), the most general layer first. */
function layers(view: readonly Node[]): [number, Placed[]][] {
  const by = new Map<number, Placed[]>();
  view.forEach((n, i) => {
    const height = n.levels.reduce((s, l) => s + l, 0);
    const p: Placed = { ...n, height, chosen: i === 0, key: n.levels.join('.') };
    by.set(height, [...(by.get(height) ?? []), p]);
  });
  return [...by.entries()].sort(([a], [b]) => b - a);
}

/**
 * 泛化格: the transformations the search met, layered by height, the chosen one (the view's first) highlighted;
 * as a diagram of tags, or as a table (every chart has a table view).
 */
export function LatticeView({ summary }: { summary: ExportSummary }) {
  const t = useT();
  const a = t.compute.anon;
  const [mode, setMode] = useState<'chart' | 'table'>('chart');
  const grouped = layers(summary.lattice.view);
  const columns = summary.transformation.map((c) => c.column).join(', ');
  const verdict = (n: Node) => (!n.checked ? a.unchecked : n.anonymous ? a.anonymous : a.notAnonymous);
  return (
    <div data-testid="anon-lattice">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{a.latticeHelp}</Typography.Text>
        <Segmented
          size="small"
          value={mode}
          onChange={(v) => setMode(v === 'table' ? 'table' : 'chart')}
          options={[
            { value: 'chart', label: t.common.chart },
            { value: 'table', label: t.common.table },
          ]}
        />
      </Flex>
      {mode === 'chart' ? (
        <>
          {grouped.map(([height, nodes]) => (
            <Flex key={height} align="baseline" gap={8} style={{ marginBottom: 6 }}>
              <Typography.Text type="secondary" style={{ width: 64, flex: 'none' }}>
                {a.height(height)}
              </Typography.Text>
              <Flex wrap gap={4} justify="center" style={{ flex: 1 }}>
                {nodes.map((n) => (
                  <Tooltip
                    key={n.key}
                    title={`${a.levels(columns)} ${levelsText(n.levels)} · ${verdict(n)} · ${a.loss} ${lossText(n)}`}
                  >
                    <Tag
                      color={colorOf(n)}
                      variant={n.checked ? 'filled' : 'outlined'}
                      style={n.chosen ? { fontWeight: 600, outline: '2px solid #1677ff' } : undefined}
                      data-testid={n.chosen ? 'anon-lattice-chosen' : undefined}
                    >
                      {n.chosen && '★ '}
                      {levelsText(n.levels)}
                    </Tag>
                  </Tooltip>
                ))}
              </Flex>
            </Flex>
          ))}
          <Space size={[4, 4]} wrap style={{ marginTop: 8 }}>
            <Tag color="blue">★ {a.chosen}</Tag>
            <Tag color="green">{a.anonymous}</Tag>
            <Tag color="red">{a.notAnonymous}</Tag>
            <Tag variant="outlined">{a.unchecked}</Tag>
          </Space>
        </>
      ) : (
        <Table<Placed>
          size="small"
          rowKey="key"
          dataSource={grouped.flatMap(([, nodes]) => nodes)}
          pagination={summary.lattice.view.length > 50 ? { pageSize: 50 } : false}
          onRow={(n) => (n.chosen ? { style: { background: '#e6f4ff' } } : {})}
          columns={[
            { title: a.heightTitle, dataIndex: 'height', width: 90 },
            {
              title: a.levels(columns),
              render: (_, n) => (
                <Space size={4}>
                  <Typography.Text code>{levelsText(n.levels)}</Typography.Text>
                  {n.chosen && <Tag color="blue">{a.chosen}</Tag>}
                </Space>
              ),
            },
            { title: a.loss, align: 'right', render: (_, n) => lossText(n) },
            {
              title: a.flags,
              render: (_, n) => <Tag color={colorOf({ ...n, chosen: false })}>{verdict(n)}</Tag>,
            },
          ]}
        />
      )}
    </div>
  );
}
