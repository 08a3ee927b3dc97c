import type { RegistrationDetail, RegistryObjection } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Popconfirm, Result, Row, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import { ActionModal } from './ActionModal';
import {
  AcceptFields,
  ApplicationFacts,
  CHECKS,
  DeadlinesCard,
  DecideFields,
  ObjectionsCard,
  ReasonField,
  ReviewFields,
} from './application-parts';
import {
  DocumentList,
  EvidencePicker,
  RegStatusTag,
  RegTimeline,
  registryKeys,
  uploadAll,
  uploadRegistryFile,
  UploadProgress,
  type PickedFile,
  type Progressing,
} from './registry-parts';
import { QueryState } from '../../components/QueryState';

type Act = 'accept' | 'reject' | 'review' | 'upload' | 'decide' | null;

/** Where an application stands in the workflow, for the Steps. */
function stepOf(a: RegistrationDetail): { current: number; status: 'process' | 'finish' | 'error' | 'wait' } {
  const order = ['draft', 'submitted', 'under_review', 'publicizing', 'approved', 'issued'];
  if (a.status === 'rejected' || a.status === 'withdrawn') {
    const reached = a.reviewedAt ? 3 : a.acceptedAt ? 2 : a.submittedAt ? 1 : 0;
    return { current: reached, status: 'error' };
  }
  const i = a.status === 'objected' ? 3 : order.indexOf(a.status);
  return { current: Math.max(0, i), status: a.status === 'issued' ? 'finish' : 'process' };
}

/** One registration application: its particulars, deadlines, documents, objections, history and actions. */
export function RegistryApplicationPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { me, hasRole } = useAuth();
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const [act, setAct] = useState<Act>(null);
  const [objection, setObjection] = useState<RegistryObjection | null>(null);
  const [picked, setPicked] = useState<PickedFile[]>([]);
  const [progress, setProgress] = useState<Progressing | null>(null);
  const [form] = Form.useForm();
  const q = useQuery({
    queryKey: registryKeys.application(id),
    queryFn: () => sdk.registry.get({ params: { id } }),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: registryKeys.all });
  const close = () => {
    setAct(null);
    setPicked([]);
    m.reset();
  };
  const m = useMutation({
    mutationFn: async ({ kind, v }: { kind: string; v: Record<string, unknown> }): Promise<unknown> => {
      const params = { id };
      switch (kind) {
        case 'accept':
          return sdk.registry.accept({
            params,
            body: {
              ...(v.reviewerOrgId ? { reviewerOrgId: v.reviewerOrgId as string } : {}),
              ...(v.note ? { note: String(v.note).trim() } : {}),
            },
          });
        case 'reject':
          return sdk.registry.reject({ params, body: { reason: String(v.reason).trim() } });
        case 'review':
          return sdk.registry.review({
            params,
            body: {
              opinion: String(v.opinion).trim(),
              checklist: Object.fromEntries(
                CHECKS.map((c) => {
                  const note = (v[`${c}Note`] as string | undefined)?.trim();
                  return [c, { passed: v[c] !== false, ...(note && { note }) }];
                }),
              ) as never,
            },
          });
        case 'upload':
          return uploadAll(picked, (p, on) => uploadRegistryFile(id, p.file, p.kind, on), setProgress);
        case 'decide':
          return sdk.registry.decideObjection({
            params: { id: objection!.id },
            body: { upheld: v.upheld === true, reason: String(v.reason).trim() },
          });
        case 'issue':
          return sdk.registry.issue({ params });
        case 'withdraw':
          return sdk.registry.withdraw({ params });
        case 'submit':
          return sdk.registry.submit({ params });
      }
      return undefined;
    },
    onSuccess: (_r, { kind }) => {
      const said: Record<string, string> = {
        accept: t.registry.accepted,
        reject: t.registry.rejected,
        review: t.registry.reviewed,
        upload: t.registry.uploaded,
        decide: t.registry.decided,
        issue: t.registry.issued,
        withdraw: t.registry.withdrawn,
        submit: t.registry.submitted,
      };
      void message.success(said[kind] ?? t.registry.done);
      setAct(null);
      setPicked([]);
      refresh();
    },
    onError: (e, { kind }) => {
      setProgress(null);
      if (['issue', 'withdraw', 'submit'].includes(kind)) void message.error(errText(e));
    },
  });
  const parties = useQuery({
    queryKey: ['registry', 'parties', 'reviewer'],
    queryFn: () => sdk.registry.parties({ query: { role: 'reviewer', pageSize: 100 } }),
    enabled: act === 'accept',
  });

  if (q.isPending || q.isError) return <QueryState q={q} />;
  const a = q.data;
  const myOrg = me?.org?.id;
  const applicant = myOrg === a.applicantOrgId && hasRole('merchant', 'authority', 'buyer', 'org_admin');
  const operator = hasRole('operator');
  const reviewer =
    (operator && (!a.reviewerOrgId || a.reviewerOrgId === myOrg)) ||
    (hasRole('provider') && a.reviewerOrgId === myOrg);
  const noticeOver = !!a.deadlines.noticeEndsAt && new Date(a.deadlines.noticeEndsAt).getTime() <= Date.now();
  const can = {
    submit: applicant && a.status === 'draft',
    withdraw: applicant && ['draft', 'submitted', 'under_review'].includes(a.status),
    supplement: applicant && ['draft', 'submitted', 'under_review'].includes(a.status),
    accept: operator && a.status === 'submitted',
    reject: (operator && a.status === 'submitted') || (reviewer && a.status === 'under_review'),
    review: reviewer && a.status === 'under_review',
    inspection: reviewer && a.status === 'under_review',
    issue:
      operator &&
      a.openObjections === 0 &&
      (a.status === 'approved' || (a.status === 'publicizing' && noticeOver)),
    decide: operator,
  };
  const s = stepOf(a);
  const run = (kind: string, v: Record<string, unknown> = {}) => m.mutate({ kind, v });

  const actions = (
    <Space wrap>
      {can.submit && (
        <Button type="primary" onClick={() => run('submit')} loading={m.isPending} data-testid="app-submit">
          {t.registry.submitDraft}
        </Button>
      )}
      {can.supplement && (
        <Button onClick={() => setAct('upload')} data-testid="app-supplement">
          {t.registry.supplement}
        </Button>
      )}
      {can.withdraw && (
        <Popconfirm title={t.registry.withdrawConfirm} onConfirm={() => run('withdraw')}>
          <Button danger data-testid="app-withdraw">
            {t.registry.withdraw}
          </Button>
        </Popconfirm>
      )}
      {can.accept && (
        <Button type="primary" onClick={() => setAct('accept')} data-testid="app-accept">
          {t.registry.accept}
        </Button>
      )}
      {can.review && (
        <Button type="primary" onClick={() => setAct('review')} data-testid="app-review">
          {t.registry.doReview}
        </Button>
      )}
      {can.inspection && (
        <Button onClick={() => setAct('upload')} data-testid="app-inspection">
          {t.registry.inspection}
        </Button>
      )}
      {can.reject && (
        <Button danger onClick={() => setAct('reject')} data-testid="app-reject">
          {t.registry.reject}
        </Button>
      )}
      {can.issue && (
        <Button type="primary" onClick={() => run('issue')} loading={m.isPending} data-testid="app-issue">
          {t.registry.issue}
        </Button>
      )}
    </Space>
  );

  return (
    <PageContainer
      title={a.objectTitle}
      subTitle={
        <Space>
          {enumLabel(t.regType, a.type)}
          <RegStatusTag status={a.status} />
        </Space>
      }
      extra={actions}
    >
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={s.current}
          status={s.status}
          data-testid="app-steps"
          items={[
            { title: t.regStatus.draft },
            { title: t.regStatus.submitted },
            { title: t.regStatus.under_review },
            { title: t.regStatus.publicizing },
            { title: t.regStatus.approved },
            { title: t.regStatus.issued },
          ]}
        />
        {a.status === 'issued' && a.resultCertificateNo && (
          <Result
            status="success"
            title={t.registry.issued}
            subTitle={<Typography.Text code>{a.resultCertificateNo}</Typography.Text>}
            extra={
              <Link to={`/verify/${a.resultCertificateNo}`}>
                <Button>{t.registry.verifyLink}</Button>
              </Link>
            }
            data-testid="app-issued"
          />
        )}
        {a.status === 'publicizing' && !noticeOver && operator && (
          <Alert type="info" showIcon title={t.registry.issueHint} style={{ marginTop: 16 }} />
        )}
        {a.decisionReason && (
          <Alert
            type={a.status === 'rejected' ? 'error' : 'info'}
            showIcon
            title={t.registry.decisionReason}
            description={a.decisionReason}
            style={{ marginTop: 16 }}
            data-testid="app-decision"
          />
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <ApplicationFacts a={a} />
          <Card title={t.registry.files} style={{ marginBottom: 16 }}>
            <DocumentList files={a.files} />
          </Card>
          <ObjectionsCard
            a={a}
            canDecide={can.decide}
            onDecide={(o) => {
              setObjection(o);
              setAct('decide');
            }}
          />
        </Col>
        <Col xs={24} xl={8}>
          <DeadlinesCard a={a} />
          <Card title={t.registry.timeline}>
            <RegTimeline events={a.timeline} />
          </Card>
        </Col>
      </Row>

      <ActionModal
        open={act === 'accept'}
        title={t.registry.acceptTitle}
        okText={t.registry.accept}
        form={form}
        pending={m.isPending}
        error={m.error}
        onOk={(v) => run('accept', v)}
        onClose={close}
        testId="accept-modal"
      >
        <AcceptFields parties={parties} />
      </ActionModal>

      <ActionModal
        open={act === 'reject'}
        title={t.registry.rejectTitle}
        okText={t.registry.reject}
        danger
        form={form}
        pending={m.isPending}
        error={m.error}
        onOk={(v) => run('reject', v)}
        onClose={close}
        testId="reject-modal"
      >
        <ReasonField label={t.registry.rejectReason} testId="reject-reason" />
      </ActionModal>

      <ActionModal
        open={act === 'review'}
        title={t.registry.reviewFormTitle}
        okText={t.registry.doReview}
        form={form}
        pending={m.isPending}
        error={m.error}
        onOk={(v) => run('review', v as Record<string, unknown>)}
        onClose={close}
        testId="review-modal"
        width={680}
      >
        <ReviewFields />
      </ActionModal>

      <ActionModal
        open={act === 'upload'}
        title={can.inspection ? t.registry.inspection : t.registry.supplement}
        form={form}
        pending={m.isPending}
        error={m.error}
        onOk={() => run('upload')}
        onClose={close}
        testId="upload-modal"
      >
        <EvidencePicker
          value={picked}
          onChange={setPicked}
          kinds={
            can.inspection
              ? ['inspection_report']
              : [
                  'authorization',
                  'purchase_contract',
                  'collection_method',
                  'transfer_contract',
                  'license_agreement',
                  'pledge_contract',
                  'release_agreement',
                  'other',
                ]
          }
        />
        <div style={{ marginTop: 12 }}>
          <UploadProgress p={progress} />
        </div>
      </ActionModal>

      <ActionModal
        open={act === 'decide'}
        title={t.registry.decideTitle}
        okText={t.common.confirm}
        form={form}
        pending={m.isPending}
        error={m.error}
        onOk={(v) => run('decide', v as Record<string, unknown>)}
        onClose={close}
        testId="decide-modal"
      >
        <DecideFields objection={objection} />
      </ActionModal>
    </PageContainer>
  );
}
