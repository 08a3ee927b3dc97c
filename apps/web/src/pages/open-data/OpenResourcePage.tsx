import { ArrowLeftOutlined, DownloadOutlined, LoginOutlined, SendOutlined } from '@ant-design/icons';
import type { CatalogFile, OpenRequest, Resource } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { downloadCatalogFile } from '../../api/download';
import { sdk } from '../../api/sdk';
import { loginPath, useAuth } from '../../auth/AuthProvider';
import { GradeTag, OpenClassTag } from '../../components/CatalogTags';
import { PageContainer } from '../../components/PageContainer';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatBytes, formatCount } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { ApplyOpenModal } from '../catalog/ApplyOpenModal';
import { useResource, useResourceRights } from '../catalog/catalog-queries';
import { ResourceDescriptions } from '../catalog/ResourceDescriptions';
import { SchemaTab } from '../catalog/SchemaTab';
import { QueryState } from '../../components/QueryState';

/** The caller's newest application for this resource, if logged in. */
function useMyRequest(resourceId: string, enabled: boolean): OpenRequest | undefined {
  const q = useQuery({
    queryKey: ['catalog', 'open-requests', { box: 'outgoing', pageSize: 200 }],
    queryFn: () => sdk.catalog.openRequests({ query: { box: 'outgoing', pageSize: 200 } }),
    enabled,
  });
  return q.data?.items.find((o) => o.resourceId === resourceId);
}

function RequestState({ req }: { req: OpenRequest | undefined }) {
  const t = useT();
  if (!req) return null;
  const look = { approved: 'success', pending: 'info', rejected: 'warning' } as const;
  const text = {
    approved: t.openData.approved,
    pending: t.openData.pending,
    rejected: t.openData.rejected + (req.reason ?? ''),
  };
  return (
    <Alert
      type={look[req.status]}
      showIcon
      title={text[req.status]}
      style={{ marginBottom: 16 }}
      data-testid="my-request"
    />
  );
}

function FilesCard({ r, canDownload }: { r: Resource; canDownload: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const q = useQuery({
    queryKey: ['catalog', 'files', r.id],
    queryFn: () => sdk.catalog.files({ params: { id: r.id } }),
  });
  const files = (q.data?.items ?? []).filter((f) => f.role === 'data' && f.status === 'ready');
  return (
    <Card title={t.openData.files} style={{ marginTop: 16 }}>
      <Table<CatalogFile>
        size="small"
        rowKey="id"
        loading={q.isPending}
        pagination={false}
        dataSource={files}
        locale={{ emptyText: t.openData.noFiles }}
        columns={[
          { key: 'name', title: t.files.name, dataIndex: 'name' },
          { key: 'format', title: t.catalog.format, render: (_, f) => f.format.toUpperCase() },
          { key: 'size', title: t.files.size, align: 'right', render: (_, f) => formatBytes(f.sizeBytes) },
          { key: 'rows', title: t.files.rows, align: 'right', render: (_, f) => formatCount(f.rowCount) },
          { key: 'at', title: t.files.createdAt, render: (_, f) => formatTime(f.createdAt) },
          {
            key: 'download',
            title: t.common.actions,
            render: (_, f) =>
              canDownload && (
                <Button
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() =>
                    void downloadCatalogFile(f.id, f.name).catch(
                      (e: unknown) => void message.error(errText(e)),
                    )
                  }
                  data-testid={`download-${f.id}`}
                >
                  {t.openData.download}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

/** One open resource: its description and schema, its files to download or an application to use it. */
export function OpenResourcePage() {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { token } = useAuth();
  const q = useResource(id);
  const r = q.data;
  const rights = useResourceRights(r);
  const mine = useMyRequest(id, !!token && r?.openClass === 'conditional');
  const [applying, setApplying] = useState(false);
  const back = (
    <Link to="/open">
      <ArrowLeftOutlined /> {t.openData.back}
    </Link>
  );
  if (q.isPending || !r) return <QueryState q={q} title={back} />;
  const canDownload = r.openClass === 'unconditional' || rights.owner || mine?.status === 'approved';
  const apply =
    r.openClass === 'conditional' &&
    !rights.owner &&
    mine?.status !== 'approved' &&
    mine?.status !== 'pending' ? (
      token ? (
        <Button
          type="primary"
          icon={<SendOutlined />}
          onClick={() => setApplying(true)}
          data-testid="apply-open"
        >
          {t.openData.apply}
        </Button>
      ) : (
        <Button
          type="primary"
          icon={<LoginOutlined />}
          onClick={() => void navigate(loginPath(pathname))}
          data-testid="apply-login"
        >
          {t.openData.applyLogin}
        </Button>
      )
    ) : null;
  return (
    <PageContainer
      title={<span data-testid="resource-title">{r.title}</span>}
      subTitle={
        <Space size={4}>
          <OpenClassTag value={r.openClass} />
          <GradeTag grade={r.grade} />
        </Space>
      }
      extra={
        <>
          {back}
          {apply}
        </>
      }
    >
      <RequestState req={mine} />
      <ResourceDescriptions r={r} linkOf={(x) => `/open/${x}`} />
      <div style={{ marginTop: 16 }}>
        <SchemaTab r={r} canGrade={false} />
      </div>
      <FilesCard r={r} canDownload={canDownload} />
      {token && <ApplyOpenModal r={r} open={applying} onClose={() => setApplying(false)} />}
    </PageContainer>
  );
}
