import { KeyOutlined } from '@ant-design/icons';
import type { Order, Usage } from '@shuliu/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Progress,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useAuth } from '../../auth/AuthProvider';
import { ChartCard } from '../../components/ChartCard';
import { MutationErrorAlert, QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatYuan } from '../../lib/format';
import { formatDate, formatTime } from '../../lib/time';
import { useApiKeys, useIssueApiKey, useRevokeApiKey, useUsage } from './gateway-queries';

const SERVED = ['delivered', 'accepted'];

/** The day a bucket starts, as a Beijing date. */
const dayOf = (b: Usage['buckets'][number]) => formatDate(b.at);

/** The buyer's key: issue or rotate (the secret shown once), revoke; the call instructions. */
function KeyCard({ order }: { order: Order }) {
  const t = useT();
  const { modal } = App.useApp();
  const keys = useApiKeys(order.id, true);
  const issue = useIssueApiKey(order.id);
  const revoke = useRevokeApiKey(order.id);
  const [secret, setSecret] = useState<string | null>(null);
  const live = keys.data?.items.find((k) => !k.revokedAt);
  const issueNow = () =>
    issue.mutate(undefined, {
      onSuccess: (k) => setSecret(k.key),
    });
  return (
    <Card title={t.gateway.keyTitle} style={{ marginBottom: 16 }} data-testid="order-api-key">
      {keys.error ? <QueryErrorAlert error={keys.error} onRetry={() => void keys.refetch()} /> : null}
      <MutationErrorAlert error={issue.error ?? revoke.error} />
      {secret && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t.gateway.secretOnce}
          description={
            <Typography.Text code copyable data-testid="order-api-secret">
              {secret}
            </Typography.Text>
          }
        />
      )}
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'endpoint',
            label: t.gateway.endpoint,
            children: (
              <Typography.Text code copyable>{`${location.origin}/gateway/${order.id}/`}</Typography.Text>
            ),
          },
          {
            key: 'key',
            label: t.gateway.keyTitle,
            children: live ? (
              <Space>
                <Typography.Text code>{`${live.prefix}…`}</Typography.Text>
                <Tag color="green">{t.gateway.live}</Tag>
                <span>{formatTime(live.createdAt)}</span>
              </Space>
            ) : (
              t.gateway.noKey
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary">{t.gateway.howToCall}</Typography.Paragraph>
      <Space>
        {live ? (
          <Button
            icon={<KeyOutlined />}
            loading={issue.isPending}
            onClick={() => modal.confirm({ title: t.gateway.rotateConfirm, onOk: issueNow })}
          >
            {t.gateway.rotate}
          </Button>
        ) : (
          <Button type="primary" icon={<KeyOutlined />} loading={issue.isPending} onClick={issueNow}>
            {t.gateway.issue}
          </Button>
        )}
        {live && (
          <Popconfirm title={t.gateway.revokeConfirm} onConfirm={() => revoke.mutate(live.id)}>
            <Button danger loading={revoke.isPending}>
              {t.gateway.revoke}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}

/** Calls per day (billable and refused) and latency per day, each with a table view and an export. */
function UsageCharts({ u, filename }: { u: Usage; filename: string }) {
  const t = useT();
  const days = u.buckets.map(dayOf);
  const bar = (name: string, values: number[]) => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 24 },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name, type: 'bar', data: values }],
  });
  return (
    <Row gutter={16}>
      <Col xs={24} xl={8}>
        <ChartCard
          title={t.gateway.callsPerDay}
          filename={`${filename}-calls`}
          nameTitle={t.gateway.day}
          valueTitle={t.gateway.calls}
          rows={u.buckets.map((b) => ({ key: b.at, name: dayOf(b), value: b.calls }))}
          option={bar(
            t.gateway.calls,
            u.buckets.map((b) => b.calls),
          )}
        />
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard
          title={t.gateway.refusedPerDay}
          filename={`${filename}-refused`}
          nameTitle={t.gateway.day}
          valueTitle={t.gateway.refused}
          rows={u.buckets.map((b) => ({ key: b.at, name: dayOf(b), value: b.refused }))}
          option={bar(
            t.gateway.refused,
            u.buckets.map((b) => b.refused),
          )}
        />
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard
          title={t.gateway.latency}
          filename={`${filename}-latency`}
          nameTitle={t.gateway.day}
          valueTitle={t.gateway.p99}
          summable={false}
          rows={u.buckets.map((b) => ({ key: b.at, name: dayOf(b), value: b.p99Ms ?? 0 }))}
          option={{
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 40, right: 16, top: 32, bottom: 24 },
            xAxis: { type: 'category', data: days },
            yAxis: { type: 'value' },
            series: [
              { name: t.gateway.p50, type: 'line', data: u.buckets.map((b) => b.p50Ms) },
              { name: t.gateway.p99, type: 'line', data: u.buckets.map((b) => b.p99Ms) },
            ],
          }}
        />
      </Col>
    </Row>
  );
}

/**
 * 接口交付 for one API order: its key (the buyer's to issue, rotate and revoke, the secret shown once), the quota
 * used and left, and the usage of the last 30 days for both parties — calls, refusals and latency per day.
 */
export function OrderApiPanel({ order }: { order: Order }) {
  const t = useT();
  const { me } = useAuth();
  const usage = useUsage(order.id);
  if (order.deliveryMode !== 'api') return null;
  const buyer = me?.org?.id === order.buyerOrgId;
  const u = usage.data;
  const used = u?.used ?? 0;
  return (
    <div data-testid="order-api-panel">
      {buyer && SERVED.includes(order.state) && <KeyCard order={order} />}
      <Card title={t.gateway.usage} style={{ marginBottom: 16 }}>
        {usage.error ? <QueryErrorAlert error={usage.error} onRetry={() => void usage.refetch()} /> : null}
        {u && (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              {
                key: 'quota',
                label: t.gateway.quota,
                children:
                  u.quota === null ? (
                    t.gateway.unlimited
                  ) : (
                    <Space>
                      <Progress
                        type="circle"
                        size={40}
                        percent={Math.round((used / Math.max(1, u.quota)) * 100)}
                      />
                      <span data-testid="order-api-quota">
                        {t.gateway.used} {used} / {u.quota} · {t.gateway.left} {u.left}
                      </span>
                    </Space>
                  ),
              },
              { key: 'calls', label: t.gateway.calls, children: u.totals.calls },
              { key: 'billable', label: t.gateway.billable, children: u.totals.billable },
              {
                key: 'refused',
                label: t.gateway.refused,
                children: (
                  <Space wrap>
                    {u.totals.refused}
                    {Object.entries(u.totals.byReason)
                      .filter(([, n]) => n > 0)
                      .map(([r, n]) => (
                        <Tag key={r}>{`${t.gateway.reason[r as keyof typeof t.gateway.reason]} ${n}`}</Tag>
                      ))}
                  </Space>
                ),
              },
              { key: 'p50', label: t.gateway.p50, children: u.totals.p50Ms ?? '-' },
              { key: 'p99', label: t.gateway.p99, children: u.totals.p99Ms ?? '-' },
              ...(u.totals.chargeFen === null
                ? []
                : [{ key: 'charge', label: t.gateway.charge, children: formatYuan(u.totals.chargeFen) }]),
            ]}
          />
        )}
      </Card>
      {u && <UsageCharts u={u} filename={`usage-${order.id}`} />}
    </div>
  );
}
