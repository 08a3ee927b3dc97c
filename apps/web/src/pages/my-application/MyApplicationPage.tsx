import { EditOutlined } from '@ant-design/icons';
import type { Application } from '@shuliu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Skeleton, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { DeclarationList, HistoryTimeline, OrgDescriptions } from '../../components/ApplicationParts';
import { PageContainer } from '../../components/PageContainer';
import { QueryErrorResult } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { ResubmitModal } from './ResubmitModal';

function ProgressSteps({ app }: { app: Application }) {
  const t = useT();
  const reviewStatus = app.status === 'pending' ? 'process' : app.status === 'approved' ? 'finish' : 'error';
  return (
    <Steps
      current={app.status === 'approved' ? 2 : 1}
      items={[
        { title: t.myApp.submitted, status: 'finish', content: formatTime(app.submittedAt) },
        {
          title: t.myApp.review,
          status: reviewStatus,
          content: app.decidedAt ? formatTime(app.decidedAt) : undefined,
        },
        { title: t.myApp.done, status: app.status === 'approved' ? 'finish' : 'wait' },
      ]}
      style={{ marginBottom: 24 }}
      data-testid="application-steps"
    />
  );
}

function StatusBanner({ app, onResubmit }: { app: Application; onResubmit: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  if (app.status === 'pending') return <Alert type="info" showIcon title={t.myApp.pending} />;
  if (app.status === 'approved') {
    return (
      <Alert
        type="success"
        showIcon
        title={t.myApp.approved}
        action={
          <Button type="primary" size="small" onClick={() => void navigate('/')}>
            {t.menu.dashboard}
          </Button>
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={t.myApp.rejected}
      description={
        app.reason && (
          <>
            <Typography.Text strong>{t.myApp.rejectReason}：</Typography.Text>
            {app.reason}
          </>
        )
      }
      action={
        <Button type="primary" icon={<EditOutlined />} onClick={onResubmit} data-testid="resubmit-button">
          {t.myApp.resubmit}
        </Button>
      }
    />
  );
}

/** 我的入驻申请: where an applicant follows the review and, if rejected, corrects and resubmits. */
export function MyApplicationPage() {
  const t = useT();
  const qc = useQueryClient();
  const { me } = useAuth();
  const [editing, setEditing] = useState(false);
  const q = useQuery({
    queryKey: ['applications', 'mine'],
    queryFn: () => sdk.onboarding.mine(),
    refetchInterval: 60_000,
  });
  const app = q.data;
  // Once approved, reload the session's org so the full menu appears.
  useEffect(() => {
    if (app?.status === 'approved' && me?.org?.status !== 'active')
      void qc.invalidateQueries({ queryKey: ['me'] });
  }, [app?.status, me?.org?.status, qc]);
  const notFound = q.error instanceof ApiError && q.error.status === 404;
  return (
    <PageContainer title={t.myApp.title} extra={app && <StatusTag status={app.status} />}>
      {q.isPending && (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      )}
      {notFound && (
        <Card>
          <Empty
            description={
              <>
                {t.myApp.notFound}
                <br />
                <Typography.Text type="secondary">{t.myApp.notFoundSub}</Typography.Text>
              </>
            }
          />
        </Card>
      )}
      {q.isError && !notFound && (
        <Card>
          <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />
        </Card>
      )}
      {app && (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Card>
              <ProgressSteps app={app} />
              <StatusBanner app={app} onResubmit={() => setEditing(true)} />
            </Card>
          </Col>
          <Col xs={24} xl={16}>
            <Card title={t.review.orgInfo}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                style={{ marginBottom: 16 }}
                items={[
                  {
                    key: 'id',
                    label: t.myApp.appId,
                    children: <Typography.Text copyable>{app.id}</Typography.Text>,
                  },
                  { key: 'admin', label: t.myApp.admin, children: app.adminUsername },
                ]}
              />
              <OrgDescriptions org={app.org} />
            </Card>
            <Card title={t.review.declarations} style={{ marginTop: 16 }}>
              <DeclarationList declarations={app.declarations} />
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Card title={t.myApp.history}>
              <HistoryTimeline history={app.history} />
            </Card>
          </Col>
          <ResubmitModal app={app} open={editing} onClose={() => setEditing(false)} />
        </Row>
      )}
    </PageContainer>
  );
}
