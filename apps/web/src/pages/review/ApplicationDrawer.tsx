import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Divider, Drawer, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { sdk } from '../../api/sdk';
import { DeclarationList, HistoryTimeline, OrgDescriptions } from '../../components/ApplicationParts';
import { QueryErrorResult } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { DecisionModal, type Decision } from './DecisionModal';

function Section({ title }: { title: string }) {
  return (
    <Divider titlePlacement="start" style={{ marginTop: 24 }}>
      <Typography.Text strong>{title}</Typography.Text>
    </Divider>
  );
}

/** One application: particulars, declarations, history; Approve / Reject while it is pending. */
export function ApplicationDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const t = useT();
  const [decision, setDecision] = useState<Decision | null>(null);
  const q = useQuery({
    queryKey: ['applications', 'detail', id],
    queryFn: () => sdk.onboarding.get({ params: { id: id! } }),
    enabled: !!id,
  });
  const app = q.data;
  const footer = app?.status === 'pending' && (
    <Flex justify="end" gap={8}>
      <Button
        danger
        icon={<CloseOutlined />}
        onClick={() => setDecision('reject')}
        data-testid="reject-button"
      >
        {t.review.reject}
      </Button>
      <Button
        type="primary"
        icon={<CheckOutlined />}
        onClick={() => setDecision('approve')}
        data-testid="approve-button"
      >
        {t.review.approve}
      </Button>
    </Flex>
  );
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={760}
      title={t.review.detail}
      footer={footer || null}
      data-testid="application-drawer"
    >
      {q.isPending && <Skeleton active paragraph={{ rows: 12 }} />}
      {q.isError && <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />}
      {app && (
        <>
          {app.status === 'rejected' && app.reason && (
            <Alert
              type="error"
              showIcon
              title={t.myApp.rejectReason}
              description={app.reason}
              style={{ marginBottom: 16 }}
            />
          )}
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'id',
                label: t.myApp.appId,
                children: <Typography.Text copyable>{app.id}</Typography.Text>,
              },
              { key: 'status', label: t.review.status, children: <StatusTag status={app.status} /> },
              { key: 'admin', label: t.review.admin, children: app.adminUsername },
              { key: 'submitted', label: t.review.submittedAt, children: formatTime(app.submittedAt) },
              ...(app.decidedAt
                ? [
                    { key: 'decidedAt', label: t.review.decidedAt, children: formatTime(app.decidedAt) },
                    { key: 'decidedBy', label: t.review.decidedBy, children: app.decidedBy ?? '—' },
                  ]
                : []),
            ]}
          />
          <Section title={t.review.orgInfo} />
          <OrgDescriptions org={app.org} />
          <Section title={t.review.declarations} />
          <DeclarationList declarations={app.declarations} />
          <Section title={t.review.history} />
          <HistoryTimeline history={app.history} />
          <DecisionModal app={app} decision={decision} onClose={() => setDecision(null)} />
        </>
      )}
    </Drawer>
  );
}
