import type { Complaint } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Row, Space } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { ComplaintStatusTag, ComplaintTimeline } from './complaint-parts';
import { NoteModal } from './NoteModal';

type Step = 'investigate' | 'note' | 'requireRectification' | 'respond' | 'confirm' | 'dismiss';

/** The operator's steps by state; the seller responds while rectification is required. */
const OPERATOR_STEPS: Record<Complaint['status'], Step[]> = {
  filed: ['investigate'],
  investigating: ['note', 'requireRectification', 'dismiss'],
  rectifying: ['note'],
  responded: ['note', 'confirm'],
  rectified: [],
  dismissed: [],
};

/** One quality complaint: what was complained of, its history, and the next steps for whoever acts. */
export function ComplaintPage() {
  const { id = '' } = useParams();
  const x = useT().complaints;
  const { hasRole, me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [step, setStep] = useState<Step | null>(null);
  const key = ['complaints', 'one', id];
  const q = useQuery({ queryKey: key, queryFn: () => sdk.qualityProgrammes.complaint({ params: { id } }) });
  const act = useMutation({
    mutationFn: ({ s, note }: { s: Step; note: string }) => {
      const p = sdk.qualityProgrammes;
      const call = {
        investigate: p.investigate,
        note: p.note,
        requireRectification: p.requireRectification,
        respond: p.respond,
        confirm: p.confirm,
        dismiss: p.dismiss,
      }[s];
      return call({ params: { id }, body: { note } });
    },
    onSuccess: (c) => {
      qc.setQueryData(key, c);
      void qc.invalidateQueries({ queryKey: ['complaints'] });
      setStep(null);
      void message.success(x.status[c.status]);
    },
  });
  if (q.isPending || q.isError) return <QueryState q={q} title={x.list} />;
  const c = q.data;
  const steps: Step[] = [
    ...(hasRole('operator') ? OPERATOR_STEPS[c.status] : []),
    ...(c.status === 'rectifying' && me?.org?.id === c.sellerOrgId && hasRole('merchant', 'org_admin')
      ? (['respond'] as const)
      : []),
  ];
  return (
    <PageContainer
      title={c.productTitle ?? c.productId}
      subTitle={x.list}
      extra={
        <Space wrap>
          {steps.map((s) => (
            <Button
              key={s}
              danger={s === 'dismiss'}
              type={s === 'note' ? 'default' : 'primary'}
              onClick={() => setStep(s)}
            >
              {x.actions[s]}
            </Button>
          ))}
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={x.statusTitle}>
                <ComplaintStatusTag status={c.status} />
              </Descriptions.Item>
              <Descriptions.Item label={x.category}>{x.categories[c.category]}</Descriptions.Item>
              <Descriptions.Item label={x.order}>{c.orderId}</Descriptions.Item>
              <Descriptions.Item label={x.buyer}>{c.buyerName}</Descriptions.Item>
              <Descriptions.Item label={x.seller}>{c.sellerName}</Descriptions.Item>
              <Descriptions.Item label={x.investigator}>{c.investigatorName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={x.description}>{c.description ?? x.hidden}</Descriptions.Item>
              <Descriptions.Item label={x.evidenceNote}>{c.evidenceNote ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={x.createdAt}>{formatTime(c.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={x.closedAt}>{formatTime(c.closedAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={x.history}>
            <ComplaintTimeline complaint={c} />
          </Card>
        </Col>
      </Row>
      <NoteModal
        open={step !== null}
        title={step ? x.actions[step] : ''}
        label={x.note}
        pending={act.isPending}
        error={act.error}
        onOk={(note) => step && act.mutate({ s: step, note })}
        onClose={() => setStep(null)}
      />
    </PageContainer>
  );
}
