import type { Application, AuditEvent } from '@shuliu/contracts';
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryErrorAlert } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { actionLabel } from '../../i18n/labels';
import { formatTime, fromNow } from '../../lib/time';
import type { usePendingApplications, useRecentAudit } from './use-dashboard';

export function RecentAuditCard({ q }: { q: ReturnType<typeof useRecentAudit> }) {
  const t = useT();
  return (
    <Card
      title={t.dashboard.recentAudit}
      extra={<Link to="/audit">{t.dashboard.viewAll}</Link>}
      data-testid="recent-audit"
    >
      {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Table<AuditEvent>
        size="small"
        rowKey="seq"
        loading={q.isPending && !q.isError}
        dataSource={q.data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'at',
            title: t.audit.at,
            render: (_, e) => <span title={formatTime(e.at)}>{fromNow(e.at)}</span>,
          },
          { key: 'actor', title: t.audit.actor, render: (_, e) => e.actorName ?? '—' },
          {
            key: 'action',
            title: t.audit.action,
            render: (_, e) => (
              <Link to={`/audit?action=${encodeURIComponent(e.action)}`}>{actionLabel(t, e.action)}</Link>
            ),
          },
          {
            key: 'object',
            title: t.audit.object,
            render: (_, e) => <Typography.Text type="secondary">{e.objectId ?? '—'}</Typography.Text>,
          },
          { key: 'outcome', title: t.audit.outcome, render: (_, e) => <StatusTag status={e.outcome} /> },
        ]}
      />
    </Card>
  );
}

export function PendingApplicationsCard({ q }: { q: ReturnType<typeof usePendingApplications> }) {
  const t = useT();
  return (
    <Card
      title={t.dashboard.pendingApps}
      extra={<Link to="/review/applications">{t.dashboard.viewAll}</Link>}
    >
      {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Table<Application>
        size="small"
        rowKey="id"
        loading={q.isPending && !q.isError}
        dataSource={q.data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'name',
            title: t.org.name,
            render: (_, a) => <Link to={`/review/applications/${a.id}`}>{a.org.name}</Link>,
          },
          { key: 'submittedAt', title: t.review.submittedAt, render: (_, a) => fromNow(a.submittedAt) },
        ]}
      />
    </Card>
  );
}
