import type { DcmmAssessmentSummary } from '@shuliu/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { OrgSelect } from '../../components/OrgSelect';
import { PageContainer } from '../../components/PageContainer';
import { MutationErrorAlert, QueryErrorAlert } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { DcmmCompareCard } from './DcmmCompareCard';
import { useLevelName } from './dcmm-parts';

/**
 * DCMM 自评估 history: the org's assessments newest first (every org's for oversight), a new draft, and the
 * comparison of two ticked assessments of the same org.
 */
export function DcmmListPage() {
  const x = useT().dcmm;
  const levelName = useLevelName();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const oversight = hasRole('operator', 'regulator');
  const assessor = hasRole('org_admin', 'merchant', 'buyer', 'provider', 'authority');
  const lp = useListParams(['status', 'orgId'] as const);
  const [creating, setCreating] = useState(false);
  const [picked, setPicked] = useState<DcmmAssessmentSummary[]>([]);
  const [form] = Form.useForm<{ title: string }>();
  const q = useQuery({
    queryKey: ['dcmm', 'list', lp.page, lp.pageSize, lp.filters],
    queryFn: () =>
      sdk.dcmm.list({
        query: {
          page: lp.page,
          pageSize: lp.pageSize,
          status: lp.filters.status as DcmmAssessmentSummary['status'] | undefined,
          orgId: lp.filters.orgId,
        },
      }),
  });
  const create = useMutation({
    mutationFn: (b: { title: string }) => sdk.dcmm.create({ body: b }),
    onSuccess: (a) => void navigate(`/dcmm/${a.id}`),
  });
  // the earlier one is the comparison's base
  const pair = [...picked].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const sameOrg = pair.length === 2 && pair[0]!.orgId === pair[1]!.orgId;
  return (
    <PageContainer
      title={x.history}
      subTitle={x.intro}
      extra={
        assessor && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="dcmm-create"
          >
            {x.create}
          </Button>
        )
      }
    >
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={x.statusTitle}
            value={lp.filters.status}
            onChange={(v?: string) => lp.setFilters({ ...lp.filters, status: v })}
            options={(['draft', 'submitted'] as const).map((s) => ({ value: s, label: x.status[s] }))}
          />
          {oversight && (
            <OrgSelect
              value={lp.filters.orgId}
              placeholder={x.allOrgs}
              onChange={(v) => lp.setFilters({ ...lp.filters, orgId: v })}
            />
          )}
          <span>{x.compareHelp}</span>
        </Space>
        <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />
        <Table
          rowKey="id"
          loading={q.isPending}
          dataSource={q.data?.items}
          pagination={usePagination(lp, q.data?.total)}
          rowSelection={{
            selectedRowKeys: picked.map((p) => p.id),
            onChange: (_, rows) => setPicked(rows.slice(-2)),
          }}
          columns={[
            {
              title: x.title,
              dataIndex: 'title',
              render: (t: string, r) => <Link to={`/dcmm/${r.id}`}>{t}</Link>,
            },
            ...(oversight ? [{ title: x.org, dataIndex: 'orgName' }] : []),
            {
              title: x.statusTitle,
              dataIndex: 'status',
              render: (s: DcmmAssessmentSummary['status']) => <StatusTag status={s} label={x.status[s]} />,
            },
            { title: x.score, key: 'score', render: (_, r) => r.result.score.toFixed(2) },
            { title: x.overall, key: 'level', render: (_, r) => levelName(r.result.level) },
            { title: x.createdAt, dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
            { title: x.submittedAt, dataIndex: 'submittedAt', render: (v: string | null) => formatTime(v) },
          ]}
        />
      </Card>
      {pair.length === 2 &&
        (sameOrg ? (
          <DcmmCompareCard from={pair[0]!.id} to={pair[1]!.id} />
        ) : (
          <Alert type="warning" showIcon message={x.compareHelp} style={{ marginTop: 16 }} />
        ))}
      <Modal
        open={creating}
        title={x.create}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <MutationErrorAlert error={create.error} />
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="title" label={x.title} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input placeholder={x.titlePlaceholder} maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
