import type { Agent, CreatedAgent } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { MutationErrorAlert, QueryErrorAlert, useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { usePagination, useListParams } from '../../lib/use-list-params';

const HEALTH_COLOR: Record<Agent['health'], string> = {
  healthy: 'success',
  silent: 'warning',
  never_seen: 'default',
  revoked: 'error',
};

/**
 * 计算节点: the agents an org runs where its data lives, with their health; its administrator registers one
 * (the one-time enrolment code shown once), re-enrols a replaced machine or revokes it. The operator and
 * regulator see every org's.
 */
export function AgentsPage() {
  const t = useT();
  const x = t.compute;
  const { hasRole } = useAuth();
  const admin = hasRole('org_admin');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const lp = useListParams([] as const);
  const [creating, setCreating] = useState(false);
  const [made, setMade] = useState<CreatedAgent | null>(null);
  const [form] = Form.useForm<{ name: string; description?: string }>();
  const q = useQuery({
    queryKey: ['compute', 'agents', lp.page, lp.pageSize],
    queryFn: () => sdk.compute.agents({ query: { page: lp.page, pageSize: lp.pageSize } }),
    refetchInterval: 30_000,
  });
  const done = (a: CreatedAgent) => {
    setCreating(false);
    setMade(a);
    void qc.invalidateQueries({ queryKey: ['compute', 'agents'] });
  };
  const create = useMutation({
    mutationFn: (b: { name: string; description?: string }) => sdk.compute.createAgent({ body: b }),
    onSuccess: done,
  });
  const reenrol = useMutation({
    mutationFn: (id: string) => sdk.compute.reenrol({ params: { id } }),
    onSuccess: done,
    onError: (e) => void message.error(errorText(e)),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => sdk.compute.revokeAgent({ params: { id } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['compute'] }),
    onError: (e) => void message.error(errorText(e)),
  });
  const origin = window.location.origin;
  return (
    <PageContainer
      title={x.agents}
      subTitle={x.agentsIntro}
      extra={
        admin && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="agent-new">
            {x.newAgent}
          </Button>
        )
      }
    >
      <Card>
        {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
        <Table<Agent>
          rowKey="id"
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          pagination={usePagination(lp, q.data?.total)}
          locale={{ emptyText: <Empty description={x.noAgents} /> }}
          data-testid="agents"
          columns={[
            {
              title: x.agentName,
              render: (_, a) => (
                <>
                  <Typography.Text strong>{a.name}</Typography.Text>
                  {a.description && <div style={{ color: '#888' }}>{a.description}</div>}
                </>
              ),
            },
            { title: x.org, render: (_, a) => a.orgName ?? a.orgId },
            { title: x.statusTitle, render: (_, a) => <Tag>{x.agentStatus[a.status]}</Tag> },
            {
              title: x.lastSeen,
              render: (_, a) => (
                <Space>
                  <Tag color={HEALTH_COLOR[a.health]} data-testid="agent-health" data-health={a.health}>
                    {x.health[a.health]}
                  </Tag>
                  {a.lastSeenAt && formatTime(a.lastSeenAt)}
                </Space>
              ),
            },
            { title: x.datasets, dataIndex: 'datasetCount' },
            {
              title: x.keyId,
              render: (_, a) =>
                a.keyId ? <Typography.Text code>{a.keyId.slice(0, 16)}…</Typography.Text> : '—',
            },
            { title: x.software, render: (_, a) => a.software ?? '—' },
            {
              title: t.common.actions,
              render: (_, a) =>
                a.status !== 'revoked' && (
                  <Space>
                    {admin && (
                      <Button size="small" onClick={() => reenrol.mutate(a.id)}>
                        {x.reenrol}
                      </Button>
                    )}
                    {(admin || hasRole('operator')) && (
                      <Popconfirm title={x.revokeConfirm} onConfirm={() => revoke.mutate(a.id)}>
                        <Button size="small" danger>
                          {x.revoke}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={creating}
        title={x.newAgent}
        onCancel={() => setCreating(false)}
        onOk={() => void form.validateFields().then((v) => create.mutate(v))}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <MutationErrorAlert error={create.error} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="name"
            label={x.agentName}
            extra={x.agentNameHelp}
            rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,62}$/, message: x.agentNameHelp }]}
          >
            <Input maxLength={63} data-testid="agent-name" />
          </Form.Item>
          <Form.Item name="description" label={x.description} rules={[{ max: 500 }]}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={made !== null}
        title={x.created}
        footer={null}
        onCancel={() => setMade(null)}
        destroyOnHidden
      >
        {made && (
          <>
            <Alert type="warning" showIcon title={x.enrolmentOnce} style={{ marginBottom: 12 }} />
            <Typography.Paragraph>
              {x.enrolmentCode}：
              <Typography.Text code copyable data-testid="agent-enrolment-code">
                {made.enrolmentCode}
              </Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph>
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {`shuliu agent enroll --server ${origin} --agent ${made.id} --code ${made.enrolmentCode}`}
              </Typography.Text>
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </PageContainer>
  );
}
