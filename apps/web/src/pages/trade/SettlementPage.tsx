import { DownloadOutlined, LockOutlined } from '@ant-design/icons';
import type { StatementLine } from '@shuliu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { downloadStatementsCsv } from '../../api/download';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { ListCard } from '../../components/ListCard';
import { OrgSelect } from '../../components/OrgSelect';
import { PageContainer } from '../../components/PageContainer';
import { QueryErrorAlert, useErrorText } from '../../components/QueryError';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n/I18nProvider';
import { yuanOf } from '../../lib/format';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { ExplainModal, lineColumns, PartiesTable, PeriodFacts } from './settlement-parts';

/** 结算对账单: a period's statement — the parties' sums that add up to the gross, the lines, the CSV; the operator closes. */
export function SettlementPage() {
  const t = useT();
  const m = t.settlement;
  const { hasRole } = useAuth();
  const overseer = hasRole('operator') || hasRole('regulator');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const lp = useListParams(['period', 'org'] as const);
  const [explained, setExplained] = useState<StatementLine | null>(null);
  const periods = useQuery({ queryKey: ['settlement', 'periods'], queryFn: () => sdk.settlement.periods() });
  const items = periods.data?.items ?? [];
  const chosen =
    items.find((p) => p.period === lp.filters.period) ?? items.find((p) => p.state === 'closed') ?? items[0];
  const org = overseer ? lp.filters.org : undefined;
  const s = useQuery({
    queryKey: ['settlement', 'statement', chosen?.period, org, lp.page, lp.pageSize],
    queryFn: () =>
      sdk.settlement.statements({
        params: { period: chosen!.period },
        query: { org, page: lp.page, pageSize: lp.pageSize },
      }),
    enabled: !!chosen && chosen.state === 'closed',
    placeholderData: keepPreviousData,
  });
  const pagination = usePagination(lp, s.data?.totalLines);
  const close = useMutation({
    mutationFn: (period: string) => sdk.settlement.close({ params: { period } }),
    onSuccess: (p) => {
      void message.success(m.closedDone(p.period));
      void qc.invalidateQueries({ queryKey: ['settlement'] });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  if (periods.isPending || periods.isError) return <QueryState q={periods} title={m.title} />;
  const ended = !!chosen && new Date(chosen.endsAt) <= new Date();
  const confirmClose = (period: string) =>
    Modal.confirm({
      title: m.closeTitle,
      content: m.closeConfirm(period),
      okText: m.close,
      onOk: () => close.mutateAsync(period),
    });
  return (
    <PageContainer
      title={m.title}
      subTitle={m.intro}
      extra={
        <Space wrap>
          <Select
            style={{ minWidth: 160 }}
            value={chosen?.period}
            onChange={(period) => lp.setFilters({ period, org: lp.filters.org })}
            options={items.map((p) => ({ value: p.period, label: `${p.period} · ${m.state[p.state]}` }))}
            data-testid="settlement-period-select"
          />
          {overseer && (
            <div style={{ minWidth: 220 }}>
              <OrgSelect
                value={org}
                placeholder={m.orgFilter}
                onChange={(o) => lp.setFilters({ period: chosen?.period, org: o })}
              />
            </div>
          )}
          {chosen?.state === 'closed' && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void downloadStatementsCsv(chosen.period, org).catch(
                  (e: unknown) => void message.error(errorText(e)),
                )
              }
              data-testid="settlement-csv"
            >
              {m.exportCsv}
            </Button>
          )}
          {hasRole('operator') && chosen?.state === 'open' && (
            <Button
              type="primary"
              icon={<LockOutlined />}
              disabled={!ended}
              title={ended ? undefined : m.notEnded}
              loading={close.isPending}
              onClick={() => confirmClose(chosen.period)}
              data-testid="settlement-close"
            >
              {m.close}
            </Button>
          )}
        </Space>
      }
    >
      {!chosen ? (
        <Empty description={m.noPeriods} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <PeriodFacts p={chosen} overseer={overseer} />
          {chosen.state === 'open' ? (
            <Alert type="info" showIcon title={m.openHint} />
          ) : s.error ? (
            <QueryErrorAlert error={s.error} onRetry={() => void s.refetch()} />
          ) : s.data ? (
            <>
              <PartiesTable s={s.data} all={overseer && !org} />
              {s.data.remainderRule && (
                <Typography.Paragraph type="secondary" data-testid="settlement-remainder-rule">
                  {m.remainderRule}: {s.data.remainderRule}
                </Typography.Paragraph>
              )}
              <ListCard<StatementLine>
                id="settlement-lines"
                title={m.lines}
                columns={lineColumns(t, setExplained)}
                testId="settlement-lines"
                onRefresh={() => void s.refetch()}
                refreshing={s.isFetching}
                defaultHidden={['calls']}
                csv={{
                  filename: `statement-lines-${chosen.period}.csv`,
                  columns: [
                    { header: m.order, value: (l) => l.orderId },
                    { header: m.product, value: (l) => l.productTitle ?? l.productId },
                    { header: m.party, value: (l) => l.orgName ?? l.orgId },
                    { header: m.role, value: (l) => m.roles[l.role] },
                    { header: m.fen, value: (l) => yuanOf(l.fen) },
                  ],
                }}
                table={{
                  rowKey: (l) => `${l.orderId}-${l.orgId}-${l.role}`,
                  loading: s.isFetching,
                  dataSource: s.data.lines,
                  pagination,
                  scroll: { x: 'max-content' },
                }}
              />
            </>
          ) : (
            <Card loading />
          )}
        </Space>
      )}
      <ExplainModal period={chosen?.period ?? ''} line={explained} onClose={() => setExplained(null)} />
    </PageContainer>
  );
}
