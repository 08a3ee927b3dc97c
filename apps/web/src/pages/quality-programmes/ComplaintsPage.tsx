import type { Complaint, ComplaintBody } from '@shuliu/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { MutationErrorAlert, QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { ComplaintStatusTag } from './complaint-parts';

const CATEGORIES = ['quality', 'mismatch', 'timeliness', 'delivery', 'compliance', 'other'] as const;

/** 数据产品质量投诉: the caller org's complaints (every one for oversight), and filing one on a paid order. */
export function ComplaintsPage() {
  const x = useT().complaints;
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const buyer = hasRole('buyer', 'org_admin') && !hasRole('operator', 'regulator');
  const lp = useListParams(['status'] as const);
  const [filing, setFiling] = useState(false);
  const [form] = Form.useForm<ComplaintBody>();
  const q = useQuery({
    queryKey: ['complaints', 'list', lp.page, lp.pageSize, lp.filters.status],
    queryFn: () =>
      sdk.qualityProgrammes.complaints({
        query: {
          page: lp.page,
          pageSize: lp.pageSize,
          status: lp.filters.status as Complaint['status'] | undefined,
        },
      }),
  });
  const orders = useQuery({
    queryKey: ['orders', 'buyer', 'for-complaint'],
    queryFn: () => sdk.orders.orders({ query: { side: 'buyer', pageSize: 100 } }),
    enabled: filing,
  });
  const file = useMutation({
    mutationFn: (b: ComplaintBody) => sdk.qualityProgrammes.file({ body: b }),
    onSuccess: (c) => void navigate(`/quality/complaints/${c.id}`),
  });
  const paid = orders.data?.items.filter((o) => !['awaiting_payment', 'cancelled'].includes(o.state)) ?? [];
  return (
    <PageContainer
      title={x.list}
      subTitle={x.intro}
      extra={
        buyer && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setFiling(true)}
            data-testid="complaint-file"
          >
            {x.file}
          </Button>
        )
      }
    >
      <Card>
        <Select
          allowClear
          style={{ width: 180, marginBottom: 12 }}
          placeholder={x.statusTitle}
          value={lp.filters.status}
          onChange={(v?: string) => lp.setFilters({ status: v })}
          options={(Object.keys(x.status) as Complaint['status'][]).map((s) => ({
            value: s,
            label: x.status[s],
          }))}
        />
        <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />
        <Table<Complaint>
          rowKey="id"
          loading={q.isPending}
          dataSource={q.data?.items}
          pagination={usePagination(lp, q.data?.total)}
          columns={[
            {
              title: x.product,
              dataIndex: 'productTitle',
              render: (v: string | null, c) => (
                <Link to={`/quality/complaints/${c.id}`}>{v ?? c.productId}</Link>
              ),
            },
            {
              title: x.category,
              dataIndex: 'category',
              render: (v: Complaint['category']) => x.categories[v],
            },
            { title: x.buyer, dataIndex: 'buyerName' },
            { title: x.seller, dataIndex: 'sellerName' },
            {
              title: x.statusTitle,
              dataIndex: 'status',
              render: (s: Complaint['status']) => <ComplaintStatusTag status={s} />,
            },
            { title: x.createdAt, dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
          ]}
        />
      </Card>
      <Modal
        open={filing}
        title={x.file}
        width={600}
        onCancel={() => setFiling(false)}
        onOk={() => form.submit()}
        confirmLoading={file.isPending}
      >
        <MutationErrorAlert error={file.error} />
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => file.mutate({ ...v, evidenceNote: v.evidenceNote?.trim() || null })}
        >
          <Form.Item name="orderId" label={x.order} rules={[{ required: true }]}>
            <Select
              placeholder={x.pickOrder}
              loading={orders.isPending}
              options={paid.map((o) => ({
                value: o.id,
                label: `${o.productTitle ?? o.productId} · ${o.id}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="category" label={x.category} rules={[{ required: true }]}>
            <Select options={CATEGORIES.map((c) => ({ value: c, label: x.categories[c] }))} />
          </Form.Item>
          <Form.Item
            name="description"
            label={x.description}
            rules={[{ required: true, whitespace: true, max: 2000 }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="evidenceNote" label={x.evidenceNote} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
