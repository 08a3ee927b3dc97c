import { QUALITY_INDICATORS, type QualityRun } from '@shuliu/contracts';
import {
  Card,
  Col,
  Descriptions,
  Empty,
  Progress,
  Row,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useT } from '../../../i18n/I18nProvider';
import { formatTime } from '../../../lib/time';
import { scoreColor } from './QualityBadge';

type RuleResult = NonNullable<QualityRun['report']>['rules'][number];
type Example = RuleResult['examples'][number];

const shown = (v: number | null) => (v === null ? '—' : v.toFixed(1));

function ExampleLine({ e }: { e: Example }) {
  const t = useT();
  const cells = Object.entries(e.values)
    .map(([k, v]) => `${k}=${v === null || v === '' ? '∅' : String(v)}`)
    .join('，');
  return (
    <div>
      {e.row !== null && <Typography.Text type="secondary">{`${t.quality.row} ${e.row}：`}</Typography.Text>}
      <Typography.Text code>{cells}</Typography.Text>
      {e.note && <Typography.Text type="secondary">{` ${e.note}`}</Typography.Text>}
    </div>
  );
}

/** The six GB/T 36344 indicators as gauges, those no rule applied to greyed out. */
function Indicators({ run }: { run: QualityRun }) {
  const t = useT();
  return (
    <Row gutter={[16, 16]}>
      {QUALITY_INDICATORS.map((k) => {
        const v = run.indicators[k];
        return (
          <Col key={k} xs={12} sm={8} md={4} style={{ textAlign: 'center' }}>
            <Progress
              type="dashboard"
              size={88}
              percent={v ?? 0}
              format={() => shown(v)}
              status={v === null ? 'normal' : undefined}
              strokeColor={v === null ? '#d9d9d9' : undefined}
              data-testid={`indicator-${k}`}
            />
            <div>{t.quality.indicators[k]}</div>
            {v === null && <Typography.Text type="secondary">{t.quality.notApplicable}</Typography.Text>}
          </Col>
        );
      })}
    </Row>
  );
}

/** 质量报告: overall and the six indicators, then each rule's checks, failures, score and masked examples. */
export function QualityReportCard({ run }: { run: QualityRun }) {
  const t = useT();
  const rules = run.report?.rules ?? [];
  return (
    <Card title={t.quality.latest} data-testid="quality-report">
      <Row gutter={24} align="middle" style={{ marginBottom: 16 }}>
        <Col>
          <Statistic title={t.quality.overall} value={shown(run.overall)} data-testid="quality-overall" />
          <Tag color={scoreColor(run.overall)}>{t.quality.trigger[run.trigger]}</Tag>
          {run.domain && (
            <Tooltip title={t.quality.inDomainHelp}>
              <Tag color="purple" data-testid="quality-in-domain">
                {t.quality.inDomain}
              </Tag>
            </Tooltip>
          )}
        </Col>
        <Col flex="auto">
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t.quality.runAt}>{formatTime(run.finishedAt)}</Descriptions.Item>
            <Descriptions.Item label={t.quality.rows}>{run.rows.toLocaleString()}</Descriptions.Item>
          </Descriptions>
        </Col>
      </Row>
      <Indicators run={run} />
      <Table<RuleResult>
        style={{ marginTop: 16 }}
        size="small"
        rowKey="id"
        dataSource={rules}
        pagination={false}
        data-testid="quality-rules-table"
        expandable={{
          rowExpandable: (r) => r.examples.length > 0,
          expandedRowRender: (r) => (
            <div>
              <Typography.Text strong>{t.quality.examples}</Typography.Text>
              {r.examples.map((e, i) => (
                <ExampleLine key={i} e={e} />
              ))}
            </div>
          ),
        }}
        columns={[
          {
            title: t.quality.rule,
            dataIndex: 'id',
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          {
            title: t.quality.indicator,
            dataIndex: 'indicator',
            render: (v: RuleResult['indicator']) => t.quality.indicators[v],
          },
          { title: t.quality.columns, dataIndex: 'columns', render: (v: string[]) => v.join('、') || '—' },
          { title: t.quality.checked, dataIndex: 'checked', align: 'right' },
          { title: t.quality.failed, dataIndex: 'failed', align: 'right' },
          {
            title: t.quality.score,
            dataIndex: 'score',
            align: 'right',
            render: (v: number | null) => <Tag color={scoreColor(v)}>{shown(v)}</Tag>,
          },
        ]}
        locale={{ emptyText: <Empty description={t.quality.noExamples} /> }}
      />
    </Card>
  );
}
