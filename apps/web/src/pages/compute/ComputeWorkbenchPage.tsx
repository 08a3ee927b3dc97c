import type { Dataset, Job, JobStatus } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { MutationErrorAlert, QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { usePagination, useListParams } from '../../lib/use-list-params';
import { AnonymizeWizard } from './AnonymizeWizard';
import { JobStatusTag, formatPrivacy, isPending } from './compute-parts';
import { PolicyModal } from './PolicyModal';
import { PsiForm } from './PsiForm';
import { JointForm } from './JointForm';
import { ConsentVersionField, isPersonal } from './ConsentVersionField';

interface Values {
  sql: string;
  epsilon?: number | null;
  contractNo?: string;
  purpose?: string;
  consentVersionId?: string;
}

/**
 * 计算工作台: the datasets the caller may compute on with their budget, a SQL form refused at once by rule when
 * outside the allow-list, and the org's jobs — submitted, or run on its data.
 */
export function ComputeWorkbenchPage() {
  const t = useT();
  const x = t.compute;
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [datasetId, setDatasetId] = useState<string>();
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<'sql' | 'anonymize' | 'psi' | 'joint'>('sql');
  const datasets = useQuery({
    queryKey: ['compute', 'datasets'],
    queryFn: () => sdk.compute.datasets({ query: { page: 1, pageSize: 100 } }),
  });
  const d: Dataset | undefined = datasets.data?.items.find((i) => i.id === datasetId);
  const own = d !== undefined && d.orgId === me?.org?.id;
  const submit = useMutation({
    mutationFn: (v: Values) =>
      sdk.compute.submitJob({
        body: {
          datasetId: d!.id,
          kind: 'sql',
          sql: v.sql,
          ...(v.epsilon != null && { epsilon: v.epsilon }),
          ...(!own && v.contractNo && { contractNo: v.contractNo.trim() }),
          ...(v.purpose && { purpose: v.purpose }),
          ...(v.consentVersionId && { consentVersionId: v.consentVersionId }),
        },
      }),
    onSuccess: (j) => {
      void message.success(x.submitted(j.id));
      void qc.invalidateQueries({ queryKey: ['compute'] });
      void navigate(`/compute/jobs/${j.id}`);
    },
  });

  return (
    <PageContainer title={x.workbench} subTitle={x.intro}>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card
            title={x.dataset}
            extra={
              own && (
                <Button size="small" onClick={() => setEditing(true)} data-testid="compute-policy-edit">
                  {x.policy.edit}
                </Button>
              )
            }
          >
            {d && own && <PolicyModal dataset={d} open={editing} onClose={() => setEditing(false)} />}
            {datasets.isError && (
              <QueryErrorAlert error={datasets.error} onRetry={() => void datasets.refetch()} />
            )}
            <Select
              style={{ width: '100%' }}
              placeholder={x.pickDataset}
              loading={datasets.isPending}
              value={datasetId}
              onChange={(v: string) => {
                setDatasetId(v);
                submit.reset();
              }}
              notFoundContent={<Empty description={x.noDatasets} />}
              options={(datasets.data?.items ?? [])
                .filter((i) => i.status === 'active')
                .map((i) => ({ value: i.id, label: `${i.title}（${i.table}）— ${i.orgName ?? i.orgId}` }))}
              data-testid="compute-dataset"
            />
            {d && (
              <Descriptions
                column={1}
                size="small"
                style={{ marginTop: 16 }}
                data-testid="compute-dataset-facts"
              >
                <Descriptions.Item label={x.table}>
                  <Typography.Text code copyable>
                    {d.table}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={x.holder}>{d.orgName ?? d.orgId}</Descriptions.Item>
                <Descriptions.Item label={x.rows}>{d.rows.toLocaleString()}</Descriptions.Item>
                <Descriptions.Item label={x.columns}>
                  <Space size={[4, 4]} wrap>
                    {d.columns.map((c) => (
                      <Tag
                        key={c.name}
                        color={c.personal ? 'orange' : undefined}
                        title={c.personal && x.personal(c.personal)}
                      >
                        {c.name}: {c.type}
                        {c.title ? `（${c.title}）` : ''}
                        {c.personal ? ` · ${c.personal}` : ''}
                      </Tag>
                    ))}
                    {isPersonal(d) && !own && (
                      <Typography.Text type="warning">{x.personalData}</Typography.Text>
                    )}
                  </Space>
                </Descriptions.Item>
                {d.policy ? (
                  <>
                    <Descriptions.Item label={x.k}>{d.k}</Descriptions.Item>
                    <Descriptions.Item label={x.perQuery}>{d.policy.epsilonPerQuery}</Descriptions.Item>
                    <Descriptions.Item label={x.epsilonLeft}>
                      <span data-testid="compute-epsilon-left">{+d.epsilonRemaining.toFixed(6)}</span>
                    </Descriptions.Item>
                  </>
                ) : (
                  <Descriptions.Item label={x.k}>{x.noPolicy}</Descriptions.Item>
                )}
              </Descriptions>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            activeTabKey={tab}
            onTabChange={(k) => setTab(k === 'anonymize' || k === 'psi' || k === 'joint' ? k : 'sql')}
            tabList={[
              { key: 'sql', label: x.sql },
              { key: 'anonymize', label: <span data-testid="compute-tab-anonymize">{x.anon.tab}</span> },
              { key: 'psi', label: <span data-testid="compute-tab-psi">{x.psi.tab}</span> },
              { key: 'joint', label: <span data-testid="compute-tab-joint">{x.joint.tab}</span> },
            ]}
          >
            <div style={{ display: tab === 'joint' ? 'block' : 'none' }}>
              <JointForm dataset={d} own={own} datasets={datasets.data?.items ?? []} orgId={me?.org?.id} />
            </div>
            <div style={{ display: tab === 'psi' ? 'block' : 'none' }}>
              <PsiForm
                dataset={d}
                own={own}
                mine={(datasets.data?.items ?? []).filter(
                  (i) => i.status === 'active' && i.orgId === me?.org?.id,
                )}
              />
            </div>
            {/* both stay mounted, so switching tabs keeps what was typed in either */}
            <div style={{ display: tab === 'anonymize' ? 'block' : 'none' }}>
              <AnonymizeWizard dataset={d} own={own} />
            </div>
            <div style={{ display: tab === 'sql' ? 'block' : 'none' }}>
              <MutationErrorAlert error={submit.error} />
              <Form<Values>
                form={form}
                layout="vertical"
                disabled={!d?.policy}
                onFinish={(v) => submit.mutate(v)}
                initialValues={{ sql: '' }}
              >
                <Form.Item
                  name="sql"
                  extra={x.sqlHelp}
                  rules={[{ required: true, whitespace: true, max: 8000 }]}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 5, maxRows: 14 }}
                    maxLength={8000}
                    style={{ fontFamily: 'monospace' }}
                    placeholder={d ? `SELECT count(*) AS n FROM ${d.table}` : undefined}
                    data-testid="compute-sql"
                  />
                </Form.Item>
                <Row gutter={12}>
                  <Col span={8}>
                    <Form.Item name="epsilon" label={x.epsilon} extra={x.epsilonHelp}>
                      <InputNumber
                        min={0.000001}
                        max={d?.policy?.epsilonPerQuery ?? 10}
                        step={0.1}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  {!own && (
                    <Col span={16}>
                      <Form.Item
                        name="contractNo"
                        label={x.contract}
                        extra={x.contractHelp}
                        rules={[{ max: 20 }]}
                      >
                        <Input placeholder="HT-2026-000001" maxLength={20} data-testid="compute-contract" />
                      </Form.Item>
                    </Col>
                  )}
                </Row>
                <Form.Item name="purpose" label={x.purpose} rules={[{ max: 500 }]}>
                  <Input maxLength={500} />
                </Form.Item>
                {isPersonal(d) && !own && <ConsentVersionField />}
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={submit.isPending}
                  data-testid="compute-submit"
                >
                  {x.submit}
                </Button>
              </Form>
            </div>
          </Card>
        </Col>
      </Row>
      <JobsCard />
    </PageContainer>
  );
}

/** The org's jobs: submitted by it, or run on its data; pending ones refresh until they finish. */
export function JobsCard() {
  const t = useT();
  const x = t.compute;
  const lp = useListParams(['side', 'status'] as const);
  const side = lp.filters.side as 'consumer' | 'owner' | undefined;
  const status = lp.filters.status as JobStatus | undefined;
  const q = useQuery({
    queryKey: ['compute', 'jobs', side, status, lp.page, lp.pageSize],
    queryFn: () => sdk.compute.jobs({ query: { side, status, page: lp.page, pageSize: lp.pageSize } }),
    refetchInterval: (query) => (query.state.data?.items.some(isPending) ? 2000 : false),
  });
  return (
    <Card
      title={x.history}
      style={{ marginTop: 16 }}
      extra={
        <span style={{ display: 'flex', gap: 8 }}>
          <Segmented
            value={side ?? 'all'}
            onChange={(v) => lp.setFilters({ status, side: v === 'all' ? undefined : String(v) })}
            options={[
              { value: 'all', label: t.common.all },
              { value: 'consumer', label: x.side.consumer },
              { value: 'owner', label: x.side.owner },
            ]}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={x.allStatuses}
            value={status}
            onChange={(v?: string) => lp.setFilters({ side, status: v })}
            options={Object.entries(x.status).map(([value, label]) => ({ value, label }))}
          />
        </span>
      }
    >
      {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Table<Job>
        rowKey="id"
        size="middle"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={usePagination(lp, q.data?.total)}
        locale={{ emptyText: <Empty description={x.noJobs} /> }}
        data-testid="compute-jobs"
        columns={[
          { title: x.id, render: (_, j) => <Link to={`/compute/jobs/${j.id}`}>{j.id}</Link> },
          { title: x.dataset, render: (_, j) => `${j.datasetTitle}（${j.table}）` },
          { title: x.consumer, render: (_, j) => j.consumerOrgName ?? j.consumerOrgId },
          {
            title: t.compute.privacySpent,
            render: (_, j) => formatPrivacy(j.privacySpent ?? { epsilon: j.epsilon, delta: j.delta }),
          },
          { title: x.statusTitle, render: (_, j) => <JobStatusTag status={j.status} /> },
          { title: x.submittedAt, render: (_, j) => formatTime(j.createdAt) },
        ]}
      />
    </Card>
  );
}
