import type { HqdApplication, HqdReviewBody } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Modal, Space, Steps } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { OrgSelect } from '../../components/OrgSelect';
import { PageContainer } from '../../components/PageContainer';
import { MutationErrorAlert } from '../../components/QueryError';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { HqdCriteriaTable } from './HqdReviewForm';
import { HqdLevelTag, HqdStatusTag } from './hqd-parts';
import { NoteModal } from './NoteModal';

const STEP_OF: Record<HqdApplication['status'], number> = {
  submitted: 1,
  in_review: 2,
  reviewed: 3,
  designated: 4,
  rejected: 4,
};

/** One 高质量数据集 application: evidence, the steps, the review against the criteria, the operator's decision. */
export function HqdApplicationPage() {
  const { id = '' } = useParams();
  const x = useT().hqd;
  const { hasRole, me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [assigning, setAssigning] = useState(false);
  const [reviewer, setReviewer] = useState<string>();
  const [deciding, setDeciding] = useState<'designate' | 'reject' | null>(null);
  const key = ['hqd', 'application', id];
  const q = useQuery({ queryKey: key, queryFn: () => sdk.qualityProgrammes.application({ params: { id } }) });
  const done = (text: string) => (a: HqdApplication) => {
    qc.setQueryData(key, a);
    void qc.invalidateQueries({ queryKey: ['hqd', 'applications'] });
    void message.success(text);
  };
  const assign = useMutation({
    mutationFn: (reviewerOrgId: string) =>
      sdk.qualityProgrammes.assign({ params: { id }, body: { reviewerOrgId } }),
    onSuccess: (a) => {
      setAssigning(false);
      done(x.assigned)(a);
    },
  });
  const review = useMutation({
    mutationFn: (b: HqdReviewBody) => sdk.qualityProgrammes.review({ params: { id }, body: b }),
    onSuccess: done(x.reviewed),
  });
  const decide = useMutation({
    mutationFn: (v: { designate: boolean; note: string }) =>
      (v.designate ? sdk.qualityProgrammes.designate : sdk.qualityProgrammes.reject)({
        params: { id },
        body: { note: v.note },
      }),
    onSuccess: (a) => {
      setDeciding(null);
      done(x.decided)(a);
    },
  });
  if (q.isPending || q.isError) return <QueryState q={q} title={x.list} />;
  const a = q.data;
  const operator = hasRole('operator');
  const isReviewer =
    a.status === 'in_review' && a.reviewerOrgId === me?.org?.id && hasRole('provider', 'org_admin');
  const actions = operator && (
    <Space>
      {(a.status === 'submitted' || a.status === 'in_review') && (
        <Button onClick={() => setAssigning(true)}>{x.assign}</Button>
      )}
      {a.status === 'reviewed' && (
        <Button type="primary" onClick={() => setDeciding('designate')} data-testid="hqd-designate">
          {x.designate}
        </Button>
      )}
      {a.status !== 'designated' && a.status !== 'rejected' && (
        <Button danger onClick={() => setDeciding('reject')}>
          {x.reject}
        </Button>
      )}
    </Space>
  );
  return (
    <PageContainer title={a.resourceTitle ?? a.resourceId} subTitle={x.list} extra={actions}>
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={STEP_OF[a.status]}
          status={a.status === 'rejected' ? 'error' : a.status === 'designated' ? 'finish' : 'process'}
          items={[x.steps.apply, x.steps.assign, x.steps.review, x.steps.decide].map((title) => ({ title }))}
          style={{ marginBottom: 16 }}
        />
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={x.statusTitle}>
            <HqdStatusTag status={a.status} />
          </Descriptions.Item>
          <Descriptions.Item label={x.level}>
            <HqdLevelTag level={a.level} /> {a.year}
          </Descriptions.Item>
          <Descriptions.Item label={x.org}>{a.orgName}</Descriptions.Item>
          <Descriptions.Item label={x.reviewer}>{a.reviewerOrgName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={x.latestQuality}>
            {a.latestQuality?.overall != null
              ? `${a.latestQuality.overall} (${formatTime(a.latestQuality.runAt)})`
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={x.qualityReportRef}>{a.qualityReportRef ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={x.updateRecord} span={2}>
            {a.updateRecord}
          </Descriptions.Item>
          <Descriptions.Item label={x.useCases} span={2}>
            {a.useCases}
          </Descriptions.Item>
          <Descriptions.Item label={x.weightedScore}>{a.weightedScore ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={x.opinion}>{a.reviewOpinion ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={x.decisionNote} span={2}>
            {a.decisionNote ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={x.createdAt}>{formatTime(a.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={x.decidedAt}>{formatTime(a.decidedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={`${x.review} · ${x.criteria}`}>
        <MutationErrorAlert error={review.error} />
        <HqdCriteriaTable
          scores={a.scores}
          editable={isReviewer}
          pending={review.isPending}
          onSubmit={(b) => review.mutate(b)}
        />
      </Card>
      <Modal
        open={assigning}
        title={x.assign}
        onCancel={() => setAssigning(false)}
        onOk={() => reviewer && assign.mutate(reviewer)}
        okButtonProps={{ disabled: !reviewer }}
        confirmLoading={assign.isPending}
      >
        <MutationErrorAlert error={assign.error} />
        <OrgSelect value={reviewer} onChange={setReviewer} placeholder={x.pickReviewer} />
      </Modal>
      <NoteModal
        open={deciding !== null}
        title={deciding === 'designate' ? x.designate : x.reject}
        label={x.decisionNote}
        max={1000}
        pending={decide.isPending}
        error={decide.error}
        onOk={(note) => decide.mutate({ designate: deciding === 'designate', note })}
        onClose={() => setDeciding(null)}
      />
    </PageContainer>
  );
}
