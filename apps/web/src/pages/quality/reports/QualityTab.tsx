import { ExperimentOutlined } from '@ant-design/icons';
import type { QualityRunSummary } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { sdk } from '../../../api/sdk';
import { MutationErrorAlert, QueryErrorAlert } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import { formatTime } from '../../../lib/time';
import { isActive, qualityKeys, useQualityReport, useQualityRuns } from './quality-queries';
import { QualityReportCard } from './QualityReportCard';
import { QualityRulesEditor } from './QualityRulesEditor';
import { QualityTrendCard } from './QualityTrendCard';

/** Tells once when a run this page watched finishes, and refreshes the report. */
function useRunWatch(resourceId: string, active: QualityRunSummary | undefined, runs: QualityRunSummary[]) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const watched = useRef<string | null>(null);
  useEffect(() => {
    if (active) {
      watched.current = active.id;
      return;
    }
    const ended = runs.find((r) => r.id === watched.current);
    if (!ended) return;
    watched.current = null;
    void (ended.status === 'done' ? message.success(t.quality.runDone) : message.error(t.quality.runFailed));
    void qc.invalidateQueries({ queryKey: qualityKeys.report(resourceId) });
    void qc.invalidateQueries({ queryKey: ['catalog', 'resource', resourceId] });
  }, [active, runs, resourceId, message, qc, t]);
}

/** 运行检测 with the running run's progress. */
function RunBar({
  resourceId,
  canRun,
  active,
}: {
  resourceId: string;
  canRun: boolean;
  active?: QualityRunSummary;
}) {
  const t = useT();
  const qc = useQueryClient();
  const start = useMutation({
    mutationFn: () => sdk.quality.startRun({ params: { id: resourceId } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: qualityKeys.runs(resourceId) }),
  });
  return (
    <Flex vertical gap={8}>
      <MutationErrorAlert error={start.error} />
      <Space wrap>
        {canRun && (
          <Button
            type="primary"
            icon={<ExperimentOutlined />}
            loading={start.isPending}
            disabled={!!active}
            onClick={() => start.mutate()}
            data-testid="quality-run"
          >
            {active ? t.quality.running : t.quality.run}
          </Button>
        )}
        {active && (
          <Space data-testid="quality-run-progress">
            <Typography.Text type="secondary">{t.quality.status[active.status]}</Typography.Text>
            <Progress
              percent={Math.round(active.progress * 100)}
              size="small"
              status="active"
              style={{ width: 200 }}
            />
            <Typography.Text type="secondary">{`${t.quality.rows} ${active.rows.toLocaleString()}`}</Typography.Text>
          </Space>
        )}
      </Space>
    </Flex>
  );
}

function RunsTable({ runs }: { runs: QualityRunSummary[] }) {
  const t = useT();
  return (
    <Card title={t.quality.runs} size="small">
      <Table<QualityRunSummary>
        size="small"
        rowKey="id"
        dataSource={runs}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t.quality.runAt, dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
          {
            title: t.quality.triggerTitle,
            dataIndex: 'trigger',
            render: (v: QualityRunSummary['trigger'], r) => (
              <>
                {t.quality.trigger[v]}
                {r.domain && (
                  <Tooltip title={t.quality.inDomainHelp}>
                    <Tag color="purple" style={{ marginLeft: 8 }}>
                      {t.quality.inDomain}
                    </Tag>
                  </Tooltip>
                )}
              </>
            ),
          },
          {
            title: t.quality.statusTitle,
            dataIndex: 'status',
            render: (v: QualityRunSummary['status'], r) =>
              r.error ? (
                <Tooltip title={r.error}>
                  <Typography.Text type="danger">{t.quality.status[v]}</Typography.Text>
                </Tooltip>
              ) : (
                t.quality.status[v]
              ),
          },
          {
            title: t.quality.rows,
            dataIndex: 'rows',
            align: 'right',
            render: (v: number) => v.toLocaleString(),
          },
          {
            title: t.quality.overall,
            dataIndex: 'overall',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : v.toFixed(1)),
          },
        ]}
      />
    </Card>
  );
}

/** 数据质量 of a resource: run a check, the latest report, the trend over runs, and the rules. */
export function QualityTab({ resourceId, canEdit }: { resourceId: string; canEdit: boolean }) {
  const t = useT();
  const report = useQualityReport(resourceId);
  const runs = useQualityRuns(resourceId);
  const items = runs.data?.items ?? [];
  const active = items.find(isActive);
  useRunWatch(resourceId, active, items);
  return (
    <Flex vertical gap={16} data-testid="quality-tab">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t.quality.title}
      </Typography.Title>
      <RunBar resourceId={resourceId} canRun={canEdit} active={active} />
      {report.isError && <QueryErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.data === null && !active && <Alert type="info" showIcon title={t.quality.noReport} />}
      {report.isPending && <Card loading />}
      {report.data && <QualityReportCard run={report.data} />}
      {runs.isError && <QueryErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />}
      {runs.data && <QualityTrendCard runs={items} resourceId={resourceId} />}
      {items.length > 0 && <RunsTable runs={items} />}
      <QualityRulesEditor resourceId={resourceId} canEdit={canEdit} />
    </Flex>
  );
}
