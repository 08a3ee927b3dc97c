import { DownloadOutlined, ProfileOutlined } from '@ant-design/icons';
import type { CatalogFile } from '@shuliu/contracts';
import { App, Button, Card, Flex, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { downloadCatalogFile } from '../../api/download';
import { errorText, QueryErrorAlert, useErrorText } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { formatBytes, formatCount } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { isBusy, newestReadyDataFile, useFiles } from './catalog-queries';
import { FileProfileView } from './FileProfileView';
import { FileUpload } from './FileUpload';

/** Why a file failed, in the reader's language when its code is known, with the details after it. */
function FailureReason({ f }: { f: CatalogFile }) {
  const t = useT();
  const known = f.errorCode ? errorText(t, f.errorCode) : undefined;
  const text = known ? `${known} (${f.errorCode})${f.error ? ` — ${f.error}` : ''}` : f.error;
  return <span data-testid="file-failure">{text}</span>;
}

function StatusCell({ f }: { f: CatalogFile }) {
  if (isBusy(f))
    return (
      <Flex vertical gap={2} style={{ minWidth: 160 }}>
        <StatusTag status={f.status} />
        {f.status === 'profiling' && (
          <Progress
            percent={Math.round(f.progress * 100)}
            size="small"
            status="active"
            data-testid="profiling-progress"
          />
        )}
      </Flex>
    );
  if (f.status === 'failed')
    return (
      <Tooltip title={<FailureReason f={f} />}>
        <span>
          <StatusTag status="failed" />
        </span>
      </Tooltip>
    );
  return <StatusTag status={f.status} />;
}

/** 文件与画像: upload with progress, the files with their processing state, and a file's profile. */
export function FilesTab({ resourceId, canUpload }: { resourceId: string; canUpload: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const files = useFiles(resourceId);
  const [picked, setPicked] = useState<string | null>(null);
  const items = files.data?.items ?? [];
  const shown = items.find((f) => f.id === picked && f.profile) ?? newestReadyDataFile(items);
  const busy = items.find((f) => f.status === 'profiling');
  const download = (f: CatalogFile) =>
    downloadCatalogFile(f.id, f.name).catch((e: unknown) => void message.error(errText(e)));
  return (
    <>
      <Card>
        {canUpload && <FileUpload resourceId={resourceId} />}
        {busy && (
          <Typography.Paragraph type="secondary" data-testid="profiling-note">
            {t.files.profiling}
          </Typography.Paragraph>
        )}
        {files.isError && <QueryErrorAlert error={files.error} onRetry={() => void files.refetch()} />}
        <Table<CatalogFile>
          size="small"
          rowKey="id"
          loading={files.isPending}
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="files-table"
          onRow={(f) => ({ 'data-testid': `file-row-${f.id}`, 'data-status': f.status }) as object}
          columns={[
            {
              key: 'name',
              title: t.files.name,
              render: (_, f) => (
                <Space size={4}>
                  <Typography.Text strong>{f.name}</Typography.Text>
                  <Tag>{t.fileRole[f.role]}</Tag>
                </Space>
              ),
            },
            { key: 'format', title: t.catalog.format, render: (_, f) => f.format.toUpperCase() },
            { key: 'size', title: t.files.size, align: 'right', render: (_, f) => formatBytes(f.sizeBytes) },
            { key: 'rows', title: t.files.rows, align: 'right', render: (_, f) => formatCount(f.rowCount) },
            { key: 'status', title: t.files.status, render: (_, f) => <StatusCell f={f} /> },
            {
              key: 'sm3',
              title: t.files.sm3,
              render: (_, f) =>
                f.sm3 ? (
                  <Typography.Text code copyable={{ text: f.sm3 }}>
                    {f.sm3.slice(0, 12)}…
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
            { key: 'created', title: t.files.createdAt, render: (_, f) => formatTime(f.createdAt) },
            {
              key: 'actions',
              title: t.common.actions,
              render: (_, f) => (
                <Space size={0}>
                  {f.profile && (
                    <Button
                      type="link"
                      size="small"
                      icon={<ProfileOutlined />}
                      onClick={() => setPicked(f.id)}
                    >
                      {t.files.profile}
                    </Button>
                  )}
                  {f.status === 'ready' && (
                    <Button
                      type="link"
                      size="small"
                      icon={<DownloadOutlined />}
                      onClick={() => void download(f)}
                    >
                      {t.files.download}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {shown && <FileProfileView file={shown} />}
    </>
  );
}
