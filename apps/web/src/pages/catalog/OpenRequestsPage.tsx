import { OpenDecisionBody, type OpenRequest } from '@shuliu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { ListCard } from '../../components/ListCard';
import { PageContainer } from '../../components/PageContainer';
import { useErrorText } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import { formatTime } from '../../lib/time';
import { pageOf, usePagination } from '../../lib/use-list-params';
import { whenValid, zodRule } from '../../lib/zod-form';

type Box = 'incoming' | 'outgoing';
type Decision = { req: OpenRequest; approve: boolean };

function DecideModal({ d, onClose }: { d: Decision | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ reason?: string }>();
  const decide = useMutation({
    mutationFn: (v: { id: string; approve: boolean; reason?: string }) =>
      sdk.catalog.decideOpen({
        params: { id: v.id },
        body: { approve: v.approve, reason: v.reason || undefined },
      }),
    onSuccess: (_r, v) => {
      void message.success(v.approve ? t.openReq.approved : t.openReq.rejected);
      void qc.invalidateQueries({ queryKey: ['catalog', 'open-requests'] });
      onClose();
    },
    onError: (e) => void message.error(errText(e)),
  });
  const approve = !!d?.approve;
  return (
    <Modal
      open={!!d}
      title={approve ? t.openReq.approveTitle : t.openReq.rejectTitle}
      okText={approve ? t.openReq.approve : t.openReq.reject}
      okButtonProps={{
        danger: !approve,
        loading: decide.isPending,
        ...({ 'data-testid': 'decide-confirm' } as object),
      }}
      onOk={() =>
        whenValid(form, (v) => d && decide.mutate({ id: d.req.id, approve, reason: v.reason?.trim() }))
      }
      onCancel={onClose}
      destroyOnHidden
    >
      {d && (
        <Alert
          type={approve ? 'success' : 'warning'}
          showIcon
          title={approve ? t.openReq.approveDesc : d.req.purpose}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={approve ? t.openReq.approveNote : t.openReq.rejectReason}
          rules={[
            ...(approve ? [] : [{ required: true, whitespace: true, message: t.validation.required }]),
            zodRule(OpenDecisionBody.shape.reason, t),
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="decide-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function columns(t: Messages, box: Box, decide: (d: Decision) => void): ColumnsType<OpenRequest> {
  return [
    {
      key: 'resource',
      title: t.openReq.resource,
      render: (_, o) => <Link to={`/catalog/resources/${o.resourceId}`}>{o.resourceTitle}</Link>,
    },
    box === 'incoming'
      ? {
          key: 'applicant',
          title: t.openReq.applicant,
          render: (_, o) => o.applicantOrgName ?? o.applicantOrgId,
        }
      : { key: 'owner', title: t.openReq.owner, render: (_, o) => o.ownerOrgName ?? o.ownerOrgId },
    {
      key: 'purpose',
      title: t.openReq.purpose,
      render: (_, o) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: o.purpose }} style={{ margin: 0, maxWidth: 360 }}>
          {o.purpose}
        </Typography.Paragraph>
      ),
    },
    { key: 'status', title: t.openReq.status, render: (_, o) => <StatusTag status={o.status} /> },
    { key: 'reason', title: t.openReq.reason, render: (_, o) => o.reason ?? '—' },
    { key: 'createdAt', title: t.openReq.createdAt, render: (_, o) => formatTime(o.createdAt) },
    { key: 'decidedAt', title: t.openReq.decidedAt, render: (_, o) => formatTime(o.decidedAt) },
    ...(box === 'incoming'
      ? [
          {
            key: 'actions',
            title: t.common.actions,
            fixed: 'right' as const,
            render: (_: unknown, o: OpenRequest) =>
              o.status === 'pending' && (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => decide({ req: o, approve: true })}
                    data-testid={`approve-${o.id}`}
                  >
                    {t.openReq.approve}
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    danger
                    onClick={() => decide({ req: o, approve: false })}
                    data-testid={`reject-${o.id}`}
                  >
                    {t.openReq.reject}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];
}

/** 开放申请: applications to use our conditionally open data (incoming), and our own (outgoing). */
export function OpenRequestsPage() {
  const t = useT();
  const { hasRole } = useAuth();
  const canDecide = hasRole('merchant', 'authority', 'org_admin');
  const [sp, setSp] = useSearchParams();
  const box: Box = sp.get('box') === 'outgoing' || !canDecide ? 'outgoing' : 'incoming';
  const status = (sp.get('status') ?? undefined) as OpenRequest['status'] | undefined;
  const { page, pageSize } = pageOf(sp);
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const query = { box, status, page, pageSize };
  const list = useQuery({
    queryKey: ['catalog', 'open-requests', query],
    queryFn: () => sdk.catalog.openRequests({ query }),
    placeholderData: keepPreviousData,
  });
  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams({ box, ...(status && { status }) });
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setSp(p);
  };
  const pagination = usePagination(
    { page, pageSize, setPage: (p, s) => set({ page: String(p), pageSize: String(s) }) },
    list.data?.total,
  );
  const statusFilter = (
    <Select
      allowClear
      placeholder={t.openReq.status}
      value={status}
      onChange={(v?: string) => set({ status: v, page: undefined })}
      options={(['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: t.status[s] }))}
      style={{ width: 140 }}
    />
  );
  return (
    <PageContainer
      title={t.openReq.title}
      footer={
        <Tabs
          activeKey={box}
          onChange={(k) => setSp({ box: k })}
          items={[
            ...(canDecide ? [{ key: 'incoming', label: t.openReq.incoming }] : []),
            { key: 'outgoing', label: t.openReq.outgoing },
          ]}
          style={{ marginBottom: -1 }}
        />
      }
    >
      <ListCard<OpenRequest>
        id={`open-requests-${box}`}
        title={box === 'incoming' ? t.openReq.incoming : t.openReq.outgoing}
        actions={statusFilter}
        columns={columns(t, box, setDeciding)}
        error={list.error}
        onRefresh={() => void list.refetch()}
        refreshing={list.isFetching}
        testId="open-requests-table"
        csv={{
          filename: `open-requests-${box}.csv`,
          columns: [
            { header: 'id', value: (o) => o.id },
            { header: t.openReq.resource, value: (o) => o.resourceTitle },
            { header: t.openReq.applicant, value: (o) => o.applicantOrgName },
            { header: t.openReq.owner, value: (o) => o.ownerOrgName },
            { header: t.openReq.purpose, value: (o) => o.purpose },
            { header: t.openReq.status, value: (o) => t.status[o.status] },
            { header: t.openReq.createdAt, value: (o) => formatTime(o.createdAt) },
          ],
        }}
        table={{
          rowKey: 'id',
          dataSource: list.data?.items,
          loading: list.isFetching && !list.isError,
          pagination,
          onRow: (o) => ({ 'data-testid': `open-request-${o.id}`, 'data-status': o.status }) as object,
        }}
      />
      <DecideModal d={deciding} onClose={() => setDeciding(null)} />
    </PageContainer>
  );
}
