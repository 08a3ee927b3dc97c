import { DownloadOutlined } from '@ant-design/icons';
import type { DeliveredFile, DownloadFormat } from '@shuliu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Dropdown, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { downloadOrderFile } from '../../api/download';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { QueryErrorAlert, useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatBytes, formatCount } from '../../lib/format';
import { formatTime } from '../../lib/time';

export const orderFilesKey = (orderId: string) => ['trade', 'order', orderId, 'files'];

/** The order's delivered files (empty until a file order is delivered). */
export function useOrderFiles(orderId: string) {
  return useQuery({
    queryKey: orderFilesKey(orderId),
    queryFn: async () => (await sdk.deliveries.files({ params: { id: orderId } })).items,
  });
}

const HOLDING = new Set(['delivered', 'accepted']);

function LeftTag({ f }: { f: DeliveredFile }) {
  const t = useT();
  if (f.downloadsLeft === null) return <Tag>{t.delivery.unlimited}</Tag>;
  return (
    <Tag color={f.downloadsLeft ? 'blue' : 'default'} data-testid={`left-${f.id}`}>
      {f.downloadsLeft} / {f.maxDownloads}
    </Tag>
  );
}

/**
 * 交付文件: the files a delivered file order gives its buyer — one fingerprinted copy per resource — with the
 * downloads each has left; the buyer's members download them as CSV or XLSX. Self-contained (it reads the
 * order itself), so an order page only places it: `<OrderFiles orderId={id} />`.
 */
export function OrderFiles({ orderId }: { orderId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const { me } = useAuth();
  const qc = useQueryClient();
  const order = useQuery({
    queryKey: ['trade', 'order', orderId],
    queryFn: () => sdk.orders.order({ params: { id: orderId } }),
  });
  const files = useOrderFiles(orderId);
  const [busy, setBusy] = useState<string | null>(null);
  const buyer = !!me?.org && me.org.id === order.data?.buyerOrgId;
  const holding = HOLDING.has(order.data?.state ?? '');

  const download = async (f: DeliveredFile, format: DownloadFormat) => {
    const name = `${f.name.replace(/\.csv$/i, '')}.${format}`;
    setBusy(f.id);
    try {
      await downloadOrderFile(orderId, f.id, format, name);
      void message.success(t.delivery.downloaded(name));
    } catch (e) {
      void message.error(errText(e));
    } finally {
      setBusy(null);
      void qc.invalidateQueries({ queryKey: orderFilesKey(orderId) });
    }
  };

  const why = !buyer ? t.delivery.onlyBuyer : !holding ? t.delivery.notYetDelivered : null;
  return (
    <Card title={t.delivery.filesTitle} data-testid="order-files">
      <Typography.Paragraph type="secondary">{t.delivery.filesIntro}</Typography.Paragraph>
      {files.isError && <QueryErrorAlert error={files.error} onRetry={() => void files.refetch()} />}
      <Table<DeliveredFile>
        size="small"
        rowKey="id"
        loading={files.isPending}
        dataSource={files.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty description={t.delivery.noFiles}>
              <Typography.Text type="secondary">{t.delivery.noFilesHint}</Typography.Text>
            </Empty>
          ),
        }}
        onRow={(f) => ({ 'data-testid': `order-file-${f.id}` }) as object}
        columns={[
          {
            key: 'name',
            title: t.delivery.name,
            render: (_, f) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{f.name}</Typography.Text>
                <Typography.Text type="secondary">{f.resourceTitle ?? f.resourceId}</Typography.Text>
                {f.consent && (
                  <Tooltip title={t.delivery.consentHint(f.consent.scenarioVersionId)}>
                    <Space size={4} data-testid={`consent-${f.id}`}>
                      <Tag color="purple">{t.delivery.consentFiltered}</Tag>
                      {f.consent.rowsWithheld !== null && (
                        <Typography.Text type="secondary">
                          {t.delivery.withheld(f.consent.rowsWithheld)}
                        </Typography.Text>
                      )}
                    </Space>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          { key: 'rows', title: t.delivery.rows, align: 'right', render: (_, f) => formatCount(f.rows) },
          {
            key: 'size',
            title: t.delivery.size,
            align: 'right',
            render: (_, f) => (f.prepared ? formatBytes(f.sizeBytes) : t.delivery.notPrepared),
          },
          {
            key: 'sm3',
            title: t.delivery.sm3,
            render: (_, f) =>
              f.sm3 ? (
                <Typography.Text code copyable={{ text: f.sm3 }}>
                  {f.sm3.slice(0, 12)}…
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          { key: 'downloads', title: t.delivery.downloads, align: 'right', render: (_, f) => f.downloads },
          { key: 'left', title: t.delivery.left, render: (_, f) => <LeftTag f={f} /> },
          {
            key: 'last',
            title: t.delivery.lastDownload,
            render: (_, f) => (f.lastDownloadAt ? formatTime(f.lastDownloadAt) : '—'),
          },
          {
            key: 'actions',
            title: t.common.actions,
            render: (_, f) => {
              const reason = why ?? (f.downloadsLeft === 0 ? t.delivery.exhausted : null);
              const button = (
                <Button
                  size="small"
                  type="primary"
                  icon={<DownloadOutlined />}
                  loading={busy === f.id}
                  disabled={!!reason || (busy !== null && busy !== f.id)}
                  data-testid={`download-${f.id}`}
                >
                  {t.delivery.download}
                </Button>
              );
              if (reason) return <Tooltip title={reason}>{button}</Tooltip>;
              return (
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: [
                      { key: 'csv', label: t.delivery.downloadCsv },
                      { key: 'xlsx', label: t.delivery.downloadXlsx },
                    ],
                    onClick: ({ key }) => void download(f, key as DownloadFormat),
                  }}
                >
                  {button}
                </Dropdown>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
