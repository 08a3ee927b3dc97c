import type { AuditEvent } from '@shuliu/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Space, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { sdk } from '../../api/sdk';
import { ListCard } from '../../components/ListCard';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { actionLabel } from '../../i18n/labels';
import type { Messages } from '../../i18n/zh-CN';
import type { CsvColumn } from '../../lib/csv';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { AuditEventDetail } from './AuditEventDetail';
import { AUDIT_KEYS, AuditFilters } from './AuditFilters';
import { VerifyButton, VerifyResult } from './VerifyChain';

const mono = { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12 };

/** A long identifier under its label: shortened to fit the column, the whole value in a tooltip and copyable. */
function Secondary({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <Typography.Text
      type="secondary"
      style={{ ...mono, maxWidth: 190 }}
      ellipsis={{ tooltip: text }}
      copyable={{ text }}
    >
      {text}
    </Typography.Text>
  );
}

function columns(t: Messages): ColumnsType<AuditEvent> {
  return [
    { key: 'seq', title: t.audit.seq, dataIndex: 'seq', width: 80 },
    { key: 'at', title: t.audit.at, render: (_, e) => formatTime(e.at) },
    {
      key: 'actor',
      title: t.audit.actor,
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          {e.actorName ?? '—'}
          <Secondary text={e.actorId} />
        </Space>
      ),
    },
    {
      key: 'action',
      title: t.audit.action,
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          {actionLabel(t, e.action)}
          <Secondary text={e.action} />
        </Space>
      ),
    },
    {
      key: 'object',
      title: t.audit.object,
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          {e.objectType ?? '—'}
          <Secondary text={e.objectId} />
        </Space>
      ),
    },
    { key: 'outcome', title: t.audit.outcome, render: (_, e) => <StatusTag status={e.outcome} /> },
    { key: 'org', title: t.audit.org, render: (_, e) => <Secondary text={e.orgId} /> },
    {
      key: 'requestId',
      title: t.audit.requestId,
      render: (_, e) =>
        e.requestId ? (
          <Tooltip title={e.requestId}>
            <Typography.Text style={mono} copyable={{ text: e.requestId }}>
              {e.requestId.slice(0, 12)}
            </Typography.Text>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    { key: 'ip', title: t.audit.ip, render: (_, e) => e.ip ?? '—' },
  ];
}

function csvColumns(t: Messages): CsvColumn<AuditEvent>[] {
  return [
    { header: t.audit.seq, value: (e) => e.seq },
    { header: 'id', value: (e) => e.id },
    { header: t.audit.at, value: (e) => formatTime(e.at) },
    { header: t.audit.actorId, value: (e) => e.actorId },
    { header: t.audit.actor, value: (e) => e.actorName },
    { header: t.audit.orgId, value: (e) => e.orgId },
    { header: t.audit.action, value: (e) => e.action },
    { header: 'objectType', value: (e) => e.objectType },
    { header: t.audit.objectId, value: (e) => e.objectId },
    { header: t.audit.outcome, value: (e) => e.outcome },
    { header: t.audit.requestId, value: (e) => e.requestId },
    { header: t.audit.ip, value: (e) => e.ip },
    { header: t.audit.details, value: (e) => (e.details ? JSON.stringify(e.details) : '') },
    { header: t.audit.prevHash, value: (e) => e.prevHash },
    { header: t.audit.hash, value: (e) => e.hash },
  ];
}

/** 审计日志: every filter of the API, expandable rows with details and hashes, chain verification, CSV. */
export function AuditPage() {
  const t = useT();
  const lp = useListParams(AUDIT_KEYS);
  const f = lp.filters;
  const query = {
    page: lp.page,
    pageSize: lp.pageSize,
    ...f,
    outcome: f.outcome as AuditEvent['outcome'] | undefined,
  };
  const list = useQuery({
    queryKey: ['audit', 'list', query],
    queryFn: () => sdk.audit.list({ query }),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: () => sdk.audit.verify() });
  const pagination = usePagination(lp, list.data?.total);
  return (
    <PageContainer title={t.audit.title}>
      <AuditFilters filters={f} onSearch={(v) => lp.setFilters(v)} />
      <VerifyResult result={verify.data} error={verify.error} onClose={() => verify.reset()} />
      <ListCard<AuditEvent>
        id="audit"
        testId="audit-table"
        defaultHidden={['org', 'ip']}
        title={t.audit.title}
        actions={<VerifyButton loading={verify.isPending} onClick={() => verify.mutate()} />}
        columns={columns(t)}
        error={list.error}
        onRefresh={() => void list.refetch()}
        refreshing={list.isFetching}
        csv={{ filename: `audit-page-${lp.page}.csv`, columns: csvColumns(t) }}
        table={{
          rowKey: 'seq',
          dataSource: list.data?.items,
          loading: list.isFetching && !list.isError,
          pagination,
          expandable: { expandedRowRender: (e) => <AuditEventDetail e={e} /> },
          onRow: (e) =>
            ({
              'data-testid': `audit-row-${e.seq}`,
              'data-action': e.action,
              'data-object': e.objectId ?? '',
            }) as HTMLAttributes<HTMLElement>,
        }}
      />
    </PageContainer>
  );
}
