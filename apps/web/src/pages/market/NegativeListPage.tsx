import { PlusOutlined } from '@ant-design/icons';
import { NegativeEntryBody, NegativeKind, type NegativeEntry } from '@shuliu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Form, Input, Select, Switch, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { ListCard } from '../../components/ListCard';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { showServerIssues, zodRule } from '../../lib/zod-form';
import { ActionModal } from '../registry/ActionModal';
import { MarketReasonModal } from './ReasonModal';

function columns(
  t: Messages,
  canEdit: boolean,
  onRemove: (e: NegativeEntry) => void,
): ColumnsType<NegativeEntry> {
  const m = t.market;
  return [
    { key: 'kind', title: m.kind, render: (_, e) => <Tag>{m.negKind[e.kind]}</Tag> },
    {
      key: 'value',
      title: m.value,
      render: (_, e) => (
        <span data-testid={`negative-${e.value}`}>
          {e.label ? `${e.label} ` : ''}
          <Typography.Text code>{e.value}</Typography.Text>
        </span>
      ),
    },
    { key: 'reason', title: m.reason, render: (_, e) => e.reason },
    { key: 'addedAt', title: m.addedAt, render: (_, e) => formatTime(e.addedAt) },
    {
      key: 'state',
      title: m.status,
      render: (_, e) =>
        e.removedAt ? (
          <span>
            <Tag>{m.removed}</Tag> {formatTime(e.removedAt)}
            {e.removeReason && <div>{e.removeReason}</div>}
          </span>
        ) : (
          <Tag color="volcano">{m.current}</Tag>
        ),
    },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: t.common.actions,
            render: (_: unknown, e: NegativeEntry) =>
              !e.removedAt && (
                <Button
                  type="link"
                  danger
                  size="small"
                  onClick={() => onRemove(e)}
                  data-testid={`negative-remove-${e.id}`}
                >
                  {m.remove}
                </Button>
              ),
          },
        ]
      : []),
  ];
}

function AddModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const m = t.market;
  const qc = useQueryClient();
  const [form] = Form.useForm<{ kind: NegativeKind; value: string; reason: string }>();
  const add = useMutation({
    mutationFn: (v: { kind: NegativeKind; value: string; reason: string }) =>
      sdk.market.addNegative({ body: { kind: v.kind, value: v.value.trim(), reason: v.reason.trim() } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['market', 'negative'] });
      onClose();
    },
    onError: (e) => showServerIssues(form, e),
  });
  const req = { required: true, whitespace: true, message: t.validation.required };
  return (
    <ActionModal
      open={open}
      title={m.addNegative}
      form={form}
      pending={add.isPending}
      error={add.error}
      onOk={(v) => add.mutate(v)}
      onClose={onClose}
      testId="negative-modal"
    >
      <Form.Item name="kind" label={m.kind} initialValue="keyword" rules={[{ required: true }]}>
        <Select options={NegativeKind.options.map((k) => ({ value: k, label: m.negKind[k] }))} />
      </Form.Item>
      <Form.Item
        name="value"
        label={m.value}
        extra={m.valueHelp}
        rules={[req, zodRule(NegativeEntryBody.shape.value, t)]}
      >
        <Input maxLength={200} data-testid="negative-value" />
      </Form.Item>
      <Form.Item name="reason" label={m.reason} rules={[req, zodRule(NegativeEntryBody.shape.reason, t)]}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="negative-reason" />
      </Form.Item>
    </ActionModal>
  );
}

/** 交易负面清单: what may not be listed; entries leave it with a reason and stay as history. */
export function NegativeListPage() {
  const t = useT();
  const m = t.market;
  const { hasRole } = useAuth();
  const { message } = App.useApp();
  const canEdit = hasRole('operator');
  const qc = useQueryClient();
  const lp = useListParams(['kind', 'removed'] as const);
  const removed = lp.filters.removed === 'true' ? 'true' : 'false';
  const q = useQuery({
    queryKey: ['market', 'negative', lp.page, lp.pageSize, lp.filters.kind, removed],
    queryFn: () =>
      sdk.market.negativeList({
        query: {
          page: lp.page,
          pageSize: lp.pageSize,
          kind: lp.filters.kind as NegativeKind | undefined,
          removed,
        },
      }),
    placeholderData: keepPreviousData,
  });
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<NegativeEntry | null>(null);
  const remove = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      sdk.market.removeNegative({ params: { id }, body: { reason } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['market', 'negative'] });
      setRemoving(null);
      void message.success(t.common.saved);
    },
  });
  return (
    <PageContainer
      title={m.negativeTitle}
      subTitle={m.negativeIntro}
      extra={
        canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="negative-add"
          >
            {m.addNegative}
          </Button>
        )
      }
    >
      <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={m.kind}
          value={lp.filters.kind}
          onChange={(v?: string) => lp.setFilters({ ...lp.filters, kind: v })}
          options={NegativeKind.options.map((k) => ({ value: k, label: m.negKind[k] }))}
        />
        <Flex gap={8} align="center">
          <Switch
            checked={removed === 'true'}
            onChange={(v) => lp.setFilters({ ...lp.filters, removed: v ? 'true' : undefined })}
          />
          {m.showRemoved}
        </Flex>
      </Flex>
      <ListCard<NegativeEntry>
        id="market-negative"
        title={m.negativeTitle}
        columns={columns(t, canEdit, setRemoving)}
        testId="negative-table"
        error={q.error}
        onRefresh={() => void q.refetch()}
        refreshing={q.isFetching}
        csv={{
          filename: 'negative-list.csv',
          columns: [
            { header: m.kind, value: (e) => m.negKind[e.kind] },
            { header: m.value, value: (e) => e.value },
            { header: m.reason, value: (e) => e.reason },
            { header: m.addedAt, value: (e) => formatTime(e.addedAt) },
          ],
        }}
        table={{
          rowKey: 'id',
          loading: q.isPending,
          dataSource: q.data?.items,
          pagination: usePagination(lp, q.data?.total),
          locale: { emptyText: <Empty description={m.noNegative} /> },
        }}
      />
      <AddModal open={adding} onClose={() => setAdding(false)} />
      <MarketReasonModal
        open={!!removing}
        title={m.removeTitle}
        warning={removing ? `${m.negKind[removing.kind]}：${removing.label ?? removing.value}` : ''}
        okText={m.remove}
        pending={remove.isPending}
        error={remove.error}
        onOk={(reason) => removing && remove.mutate({ id: removing.id, reason })}
        onClose={() => setRemoving(null)}
        testId="negative-remove-modal"
      />
    </PageContainer>
  );
}
