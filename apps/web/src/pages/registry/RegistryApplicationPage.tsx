import {
  RegistryReasonBody,
  RegistryReviewBody,
  type RegistrationDetail,
  type RegistryObjection,
} from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Steps,
  Switch,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import { formatTime } from '../../lib/time';
import { zodRule } from '../../lib/zod-form';
import { ActionModal } from './ActionModal';
import {
  DocumentList,
  DueCell,
  EvidencePicker,
  ObjStatusTag,
  RegStatusTag,
  RegTimeline,
  RightsTags,
  registryKeys,
  uploadAll,
  uploadRegistryFile,
  UploadProgress,
  type PickedFile,
  type Progressing,
} from './registry-parts';
import { QueryState } from '../../components/QueryState';

type Act = 'accept' | 'reject' | 'review' | 'upload' | 'decide' | null;
const CHECKS = ['descriptionAccuracy', 'sourceCompliance', 'rightsClarity'] as const;

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
          <Card title={t.common.detail} style={{ marginBottom: 16 }}>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                {
                  key: 'id',
                  label: t.registry.appNo,
                  children: <Typography.Text code>{a.id}</Typography.Text>,
                },
                { key: 'type', label: t.registry.type, children: enumLabel(t.regType, a.type) },
                { key: 'cat', label: t.registry.category, children: enumLabel(t.regCategory, a.category) },
                {
                  key: 'object',
                  label: t.registry.object,
                  children: <Link to={`/catalog/resources/${a.objectId}`}>{a.objectTitle}</Link>,
                },
                {
                  key: 'applicant',
                  label: t.registry.applicant,
                  children: a.applicantOrgName ?? a.applicantOrgId,
                },
                { key: 'rights', label: t.registry.rights, children: <RightsTags rights={a.rights} /> },
                { key: 'scope', label: t.registry.scope, children: a.scope ?? '—', span: 2 },
                {
                  key: 'source',
                  label: t.registry.sourceDesc,
                  children: a.source?.description ?? '—',
                  span: 2,
                },
                { key: 'format', label: t.registry.format, children: a.format ?? '—' },
                {
                  key: 'freq',
                  label: t.registry.updateFrequency,
                  children: a.updateFrequency ? enumLabel(t.updateFrequency, a.updateFrequency) : '—',
                },
                ...(a.certificateNo
                  ? [{ key: 'cert', label: t.registry.certNo, children: a.certificateNo }]
                  : []),
                ...(a.counterpartyOrgName
                  ? [{ key: 'cp', label: t.registry.counterparty, children: a.counterpartyOrgName }]
                  : []),
                ...(a.reason
                  ? [{ key: 'reason', label: t.registry.reason, children: a.reason, span: 2 }]
                  : []),
                { key: 'reviewer', label: t.registry.reviewer, children: a.reviewerOrgName ?? '—' },
                {
                  key: 'decl',
                  label: t.registry.declarations,
                  children: a.declarations.map((d) => t.regDeclaration[d]?.title ?? d).join('、') || '—',
                },
              ]}
            />
          </Card>
          {a.checklist && (
            <Card title={t.registry.checklistTitle} style={{ marginBottom: 16 }} data-testid="app-checklist">
              <Descriptions
                bordered
                size="small"
                column={1}
                items={[
                  ...CHECKS.map((c) => ({
                    key: c,
                    label: t.checklist[c],
                    children: (
                      <Space>
                        <Typography.Text type={a.checklist![c].passed ? 'success' : 'danger'}>
                          {a.checklist![c].passed ? t.registry.passed : t.registry.failed}
                        </Typography.Text>
                        {a.checklist![c].note}
                      </Space>
                    ),
                  })),
                  { key: 'opinion', label: t.registry.opinion, children: a.reviewOpinion ?? '—' },
                ]}
              />
            </Card>
          )}
          <Card title={t.registry.files} style={{ marginBottom: 16 }}>
            <DocumentList files={a.files} />
          </Card>
          <Card title={t.registry.objections} style={{ marginBottom: 16 }} data-testid="app-objections">
            {a.objections.length === 0 ? (
              <Typography.Text type="secondary">{t.common.none}</Typography.Text>
            ) : (
              <Flex vertical gap={16}>
                {a.objections.map((o) => (
                  <Card key={o.id} size="small" data-testid={`objection-${o.id}`}>
                    <Flex justify="space-between" wrap gap={8}>
                      <Space wrap>
                        <Typography.Text strong>{o.objectorOrgName ?? o.objectorOrgId}</Typography.Text>
                        <ObjStatusTag status={o.status} />
                        <Typography.Text type="secondary">
                          {formatTime(o.createdAt)} · {t.registry.dueAt} {formatTime(o.dueAt, 'YYYY-MM-DD')}
                        </Typography.Text>
                      </Space>
                      {can.decide && o.status === 'open' && (
                        <Button
                          size="small"
                          type="primary"
                          onClick={() => {
                            setObjection(o);
                            setAct('decide');
                          }}
                          data-testid={`objection-decide-${o.id}`}
                        >
                          {t.registry.decide}
                        </Button>
                      )}
                    </Flex>
                    <Typography.Paragraph style={{ margin: '8px 0' }}>{o.reason}</Typography.Paragraph>
                    <DocumentList files={o.files} />
                    {o.decisionReason && (
                      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                        {t.registry.decideReason}: {o.decisionReason}
                      </Typography.Paragraph>
                    )}
                  </Card>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t.registry.deadlines} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'due', label: t.registry.dueAt, children: <DueCell app={a} /> },
                { key: 'acc', label: t.registry.acceptDue, children: formatTime(a.deadlines.acceptDueAt) },
                { key: 'rev', label: t.registry.reviewDue, children: formatTime(a.deadlines.reviewDueAt) },
                {
                  key: 'ns',
                  label: t.registry.noticeStarts,
                  children: formatTime(a.deadlines.noticeStartsAt),
                },
                {
                  key: 'ne',
                  label: t.registry.noticeEnds,
                  children: <span data-testid="app-notice-ends">{formatTime(a.deadlines.noticeEndsAt)}</span>,
                },
                {
                  key: 'obj',
                  label: t.registry.objectionDue,
                  children: formatTime(a.deadlines.objectionDueAt),
                },
              ]}
            />
          </Card>
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
        <Form.Item name="reviewerOrgId" label={t.registry.reviewerOrg}>
          <Select
            allowClear
            placeholder={t.registry.reviewerOwn}
            loading={parties.isPending}
            options={(parties.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t.registry.acceptNote}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
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
        <Form.Item
          name="reason"
          label={t.registry.rejectReason}
          rules={[
            { required: true, whitespace: true, message: t.validation.required },
            zodRule(RegistryReasonBody.shape.reason, t),
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="reject-reason" />
        </Form.Item>
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
        <Alert type="info" showIcon title={t.registry.reviewHelp} style={{ marginBottom: 16 }} />
        {CHECKS.map((c) => (
          <Flex key={c} gap={12} align="start">
            <Form.Item
              name={c}
              label={t.checklist[c]}
              initialValue={true}
              valuePropName="checked"
              style={{ minWidth: 220 }}
            >
              <Switch
                checkedChildren={t.registry.passed}
                unCheckedChildren={t.registry.failed}
                data-testid={`check-${c}`}
              />
            </Form.Item>
            <Form.Item name={`${c}Note`} label={t.registry.reviewNote} style={{ flex: 1 }}>
              <Input maxLength={1000} data-testid={`check-${c}-note`} />
            </Form.Item>
          </Flex>
        ))}
        <Form.Item
          name="opinion"
          label={t.registry.opinion}
          rules={[
            { required: true, whitespace: true, message: t.validation.required },
            zodRule(RegistryReviewBody.shape.opinion, t),
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="review-opinion" />
        </Form.Item>
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
        <Alert
          type="warning"
          showIcon
          title={t.registry.decideHelp}
          description={objection?.reason}
          style={{ marginBottom: 16 }}
        />
        <Form.Item name="upheld" initialValue={false} label={t.registry.decide}>
          <Radio.Group>
            <Radio value={true} data-testid="decide-upheld">
              {t.registry.upheld}
            </Radio>
            <Radio value={false} data-testid="decide-dismissed">
              {t.registry.dismissed}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t.registry.decideReason}
          rules={[
            { required: true, whitespace: true, message: t.validation.required },
            zodRule(RegistryReasonBody.shape.reason, t),
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="decide-reason" />
        </Form.Item>
      </ActionModal>
    </PageContainer>
  );
}
