import { verifyJobReceipt, type Job } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { MutationErrorAlert, QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { ExportCard } from './AnonymizeResult';
import { AnonymizeSpecView } from './anonymize-spec';
import { JointPartsCard, JointSpecView } from './JointParts';
import { JobStatusTag, formatPrivacy, isPending } from './compute-parts';

/** One compute job: its query, status and reason, the released result and its signed receipt, the holder's review. */
export function ComputeJobPage() {
  const { id = '' } = useParams();
  const t = useT();
  const x = t.compute;
  const { me } = useAuth();
  const q = useQuery({
    queryKey: ['compute', 'job', id],
    queryFn: () => sdk.compute.job({ params: { id } }),
    refetchInterval: (query) => (isPending(query.state.data) ? 1500 : false),
  });
  const j = q.data;
  const verified = useMemo(
    () => (j?.receipt && j.result ? verifyJobReceipt(j.result, j.receipt).ok : null),
    [j],
  );
  return (
    <PageContainer title={`${x.id} ${id}`} subTitle={j && `${j.datasetTitle}（${j.table}）`}>
      {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {j && (
        <>
          {j.status === 'review' && j.ownerOrgId === me?.org?.id && <ReviewCard job={j} />}
          <Card>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="job-facts">
              <Descriptions.Item label={x.statusTitle}>
                <JobStatusTag status={j.status} />
              </Descriptions.Item>
              <Descriptions.Item label={x.dataset}>
                {j.datasetTitle} — {j.ownerOrgName ?? j.ownerOrgId}
              </Descriptions.Item>
              <Descriptions.Item label={x.consumer}>{j.consumerOrgName ?? j.consumerOrgId}</Descriptions.Item>
              <Descriptions.Item label={x.purpose}>
                {x.basis[j.basis]}
                {j.contractNo && (
                  <>
                    {' '}
                    <Link to={`/trade/contracts/${j.contractNo}`}>{j.contractNo}</Link>
                  </>
                )}
                {j.grantId && (
                  <>
                    {' '}
                    <Link
                      to={`/consent/${j.basis === 'org_grant' ? 'org-grants' : 'operation-grants'}/${j.grantId}`}
                    >
                      {j.grantId}
                    </Link>
                  </>
                )}
                ：{j.purpose}
              </Descriptions.Item>
              {j.consentVersionId && (
                <Descriptions.Item label={x.consentVersion}>
                  <Link to="/consent/scenarios">{j.consentVersionId}</Link>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={x.privacySpent}>
                {formatPrivacy(j.privacySpent ?? { epsilon: j.epsilon, delta: j.delta })}
              </Descriptions.Item>
              <Descriptions.Item label={x.attempts}>{j.attempts}</Descriptions.Item>
              <Descriptions.Item label={x.submittedAt}>{formatTime(j.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={x.finishedAt}>{formatTime(j.finishedAt)}</Descriptions.Item>
              <Descriptions.Item label={x.queryHash} span={2}>
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                  {j.queryHash}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            {j.anonymize ? (
              <div style={{ marginTop: 12 }}>
                <AnonymizeSpecView spec={j.anonymize} />
              </div>
            ) : j.psi ? (
              <PsiSpecView job={j} />
            ) : j.joint ? (
              <JointSpecView job={j} />
            ) : (
              <Typography.Paragraph>
                <pre style={{ whiteSpace: 'pre-wrap', margin: '12px 0 0' }} data-testid="job-sql">
                  {j.sql ?? JSON.stringify(j.template, null, 2)}
                </pre>
              </Typography.Paragraph>
            )}
            {j.reason && (
              <Alert
                type={j.status === 'done' ? 'info' : 'error'}
                showIcon
                title={j.rule ? `${x.rule} ${j.rule}` : x.reason}
                description={j.reason}
                data-testid="job-reason"
              />
            )}
          </Card>
          {j.result?.export && <ExportCard job={j} summary={j.result.export} />}
          <Card
            title={j.result?.export ? x.anon.preview(j.result.rows.length) : x.result}
            style={{ marginTop: 16 }}
          >
            {j.result ? (
              <>
                <Table
                  size="small"
                  rowKey={(_, i) => String(i)}
                  pagination={j.result.rows.length > 20 ? { pageSize: 20 } : false}
                  dataSource={j.result.rows.map((r) => Object.fromEntries(r.map((v, i) => [String(i), v])))}
                  columns={j.result.columns.map((c, i) => ({
                    title: c,
                    dataIndex: String(i),
                    render: (v: unknown) =>
                      typeof v === 'number' ? +v.toFixed(4) : v === null ? '—' : String(v),
                  }))}
                  data-testid="job-result"
                />
                {j.result.suppressedGroups > 0 && !j.result.export && (
                  <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                    {x.suppressed(j.result.suppressedGroups)}
                  </Typography.Paragraph>
                )}
                <Typography.Paragraph type="secondary">
                  {j.result.export ? x.anon.criteria : j.psi ? x.psi.protocol : x.mechanism}：
                  {j.result.mechanism}
                </Typography.Paragraph>
              </>
            ) : (
              <Empty description={j.status === 'review' ? x.resultHidden : x.resultPending} />
            )}
          </Card>
          {j.joint && <JointPartsCard job={j} />}
          {j.receipt && (
            <Card title={x.receipt} style={{ marginTop: 16 }}>
              {verified !== null && (
                <Alert
                  type={verified ? 'success' : 'error'}
                  showIcon
                  title={verified ? x.receiptVerified : x.receiptUnverified}
                  style={{ marginBottom: 12 }}
                  data-testid="job-receipt-verdict"
                  data-ok={String(verified)}
                />
              )}
              <Descriptions column={1} size="small">
                <Descriptions.Item label={x.ledgerIndex}>
                  <Link to="/ledger">#{j.receipt.ledgerIndex}</Link>
                </Descriptions.Item>
                <Descriptions.Item label={x.resultHash}>
                  <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                    {j.receipt.resultHash}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={x.keyId}>
                  <Typography.Text code style={{ wordBreak: 'break-all' }}>
                    {j.receipt.keyId}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={x.signature}>
                  <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                    {j.receipt.signature}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            </Card>
          )}
        </>
      )}
    </PageContainer>
  );
}

/** The holder's reviewer releases the result to the consumer or withholds it, saying why. */
function ReviewCard({ job }: { job: Job }) {
  const t = useT();
  const x = t.compute;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [withholding, setWithholding] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const review = useMutation({
    mutationFn: (b: { decision: 'release' | 'withhold'; reason?: string }) =>
      sdk.compute.reviewJob({ params: { id: job.id }, body: b }),
    onSuccess: () => {
      void message.success(x.reviewed);
      setWithholding(false);
      void qc.invalidateQueries({ queryKey: ['compute'] });
    },
  });
  return (
    <Card style={{ marginBottom: 16 }}>
      <MutationErrorAlert error={review.error} />
      <Space>
        <Typography.Text>{x.reviewHelp}</Typography.Text>
        <Button
          type="primary"
          loading={review.isPending}
          onClick={() => review.mutate({ decision: 'release' })}
          data-testid="job-release"
        >
          {x.release}
        </Button>
        <Button danger onClick={() => setWithholding(true)}>
          {x.withhold}
        </Button>
      </Space>
      <Modal
        open={withholding}
        title={x.withhold}
        onCancel={() => setWithholding(false)}
        onOk={() =>
          void form.validateFields().then((v) => review.mutate({ decision: 'withhold', reason: v.reason }))
        }
        confirmLoading={review.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={x.withholdReason}
            rules={[{ required: true, whitespace: true, max: 1000 }]}
          >
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 3 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** A PSI job's spec: the two columns, the normalization, what is revealed and, while it runs, whose step it is. */
function PsiSpecView({ job: j }: { job: Job }) {
  const x = useT().compute;
  const p = x.psi;
  const s = j.psi!;
  return (
    <Descriptions
      title={p.spec}
      column={{ xs: 1, md: 2 }}
      size="small"
      style={{ marginTop: 12 }}
      data-testid="job-psi"
    >
      <Descriptions.Item label={p.column}>
        <Typography.Text code>{`${j.table}.${s.column}`}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={p.with}>
        <Typography.Text code>{`${s.with.datasetId}.${s.with.column}`}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={p.normalize}>{p.normalizations[s.normalize]}</Descriptions.Item>
      <Descriptions.Item label={p.reveal}>{p.reveals[s.reveal]}</Descriptions.Item>
      {isPending(j) && j.psiPhase && (
        <Descriptions.Item label={x.statusTitle} span={2}>
          {p.phase(j.psiPhase)}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
