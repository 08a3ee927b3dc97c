import { UploadOutlined } from '@ant-design/icons';
import type { CatalogFile, Resource } from '@shuliu/contracts';
import { Alert, App, Button, Card, Result, Space, Tabs } from 'antd';
import { useCallback, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { GradeTag, OpenClassTag, ProcessingTag } from '../../components/CatalogTags';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { useProfilingWatch, useResource, useResourceRights } from './catalog-queries';
import { FilesTab } from './FilesTab';
import { ImpactTab } from './ImpactTab';
import { LineageTab } from './LineageTab';
import { MaskingTab } from './MaskingTab';
import { ResourceActions } from './ResourceActions';
import { ResourceDescriptions } from './ResourceDescriptions';
import { SchemaTab } from './SchemaTab';
import { VersionsTab } from './VersionsTab';
import { QueryState } from '../../components/QueryState';
import { QualityTab } from '../quality/reports/QualityTab';
import { QualityBadge } from '../quality/reports/QualityBadge';
import { ComplaintHistoryCard } from '../quality-programmes/ComplaintHistoryCard';

type TabKey = 'overview' | 'schema' | 'files' | 'quality' | 'masking' | 'impact' | 'versions' | 'lineage';

function CreatedResult({ onUpload, onClose }: { onUpload: () => void; onClose: () => void }) {
  const t = useT();
  return (
    <Card style={{ marginBottom: 16 }}>
      <Result
        status="success"
        title={t.resourceForm.created}
        subTitle={t.resourceForm.createdNext}
        data-testid="created-result"
        extra={[
          <Button
            key="upload"
            type="primary"
            icon={<UploadOutlined />}
            onClick={onUpload}
            data-testid="go-upload"
          >
            {t.resourceForm.goUpload}
          </Button>,
          <Button key="close" onClick={onClose}>
            {t.common.close}
          </Button>,
        ]}
      />
    </Card>
  );
}

function Hints({ r, owner }: { r: Resource; owner: boolean }) {
  const t = useT();
  return (
    <>
      {owner && r.status === 'draft' && (
        <Alert type="info" showIcon title={t.resource.draftHint} style={{ marginBottom: 16 }} />
      )}
      {r.derivedFrom && r.processing !== 'raw' && r.schema.length === 0 && (
        <Alert
          type="warning"
          showIcon
          title={t.resource.derivedHint}
          action={<Link to={`/catalog/resources/${r.derivedFrom}`}>{t.lineage.source}</Link>}
          style={{ marginBottom: 16 }}
        />
      )}
    </>
  );
}

/** 资源详情: description, fields and grades, files and profiles, masking, versions and lineage. */
export function ResourceDetailPage() {
  const t = useT();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const [sp, setSp] = useSearchParams();
  const q = useResource(id);
  const r = q.data;
  const rights = useResourceRights(r);
  const onProfiled = useCallback(
    (f: CatalogFile) =>
      void (f.status === 'ready'
        ? message.success(`${t.files.profiled} · ${f.name}`)
        : message.error(`${t.files.failed} · ${f.name}`)),
    [message, t],
  );
  useProfilingWatch(id, !!r, onProfiled);
  const tab = (sp.get('tab') as TabKey | null) ?? 'overview';
  const go = (next: TabKey) => setSp({ tab: next }, { replace: true });
  if (q.isPending || q.isError || !r) return <QueryState q={q} title={t.common.detail} />;
  const tabs: { key: TabKey; label: string }[] = [
    { key: 'overview', label: t.resource.tabs.overview },
    { key: 'schema', label: t.resource.tabs.schema },
    { key: 'files', label: t.resource.tabs.files },
    ...(rights.loggedIn ? [{ key: 'quality' as const, label: t.quality.tab }] : []),
    ...(rights.owner ? [{ key: 'masking' as const, label: t.resource.tabs.masking }] : []),
    ...(rights.canSeeImpact ? [{ key: 'impact' as const, label: t.impactAssessment.title }] : []),
    { key: 'versions', label: t.resource.tabs.versions },
    { key: 'lineage', label: t.resource.tabs.lineage },
  ];
  const body: Record<TabKey, () => ReactNode> = {
    overview: () => (
      <>
        <ResourceDescriptions r={r} />
        <div style={{ marginTop: 16 }}>
          <ComplaintHistoryCard resourceId={r.id} />
        </div>
      </>
    ),
    schema: () => <SchemaTab r={r} canGrade={rights.canGrade} />,
    files: () => <FilesTab resourceId={r.id} canUpload={rights.owner && r.status !== 'retired'} />,
    quality: () => <QualityTab resourceId={r.id} canEdit={rights.owner && r.status !== 'retired'} />,
    masking: () => <MaskingTab r={r} />,
    impact: () => <ImpactTab r={r} canAssess={rights.canAssessImpact} />,
    versions: () => <VersionsTab resourceId={r.id} />,
    lineage: () => <LineageTab r={r} />,
  };
  const subTitle = (
    <Space size={4} wrap>
      <StatusTag status={r.status} />
      <GradeTag grade={r.grade} testId="header-grade" />
      <OpenClassTag value={r.openClass} />
      <ProcessingTag value={r.processing} />
      <QualityBadge quality={r.quality} />
    </Space>
  );
  return (
    <PageContainer
      title={<span data-testid="resource-title">{r.title}</span>}
      subTitle={subTitle}
      extra={<ResourceActions r={r} />}
      footer={
        <Tabs activeKey={tab} onChange={(k) => go(k as TabKey)} items={tabs} style={{ marginBottom: -1 }} />
      }
    >
      {sp.get('created') && <CreatedResult onUpload={() => go('files')} onClose={() => go(tab)} />}
      <Hints r={r} owner={rights.owner} />
      {(body[tab] ?? body.overview)()}
    </PageContainer>
  );
}
