import type { HqdApplication } from '@shuliu/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Segmented, Table, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { HqdApplyModal } from './HqdApplyModal';
import { HqdDesignatedTable } from './HqdDesignatedTable';
import { HqdSettingsCard } from './HqdSettingsCard';
import { HqdLevelTag, HqdStatusTag } from './hqd-parts';

type Box = 'mine' | 'reviewing' | 'all';

/** 高质量数据集: the public list of designations, the applications the caller may see, and applying. */
export function HqdPage() {
  const x = useT().hqd;
  const { hasRole } = useAuth();
  const operator = hasRole('operator');
  const oversight = hasRole('operator', 'regulator');
  const holder = hasRole('merchant', 'authority', 'org_admin') && !oversight;
  const boxes: Box[] = oversight ? ['all'] : hasRole('provider') ? ['mine', 'reviewing'] : ['mine'];
  const lp = useListParams(['tab', 'box'] as const);
  const tab = lp.filters.tab ?? 'designated';
  const box = (lp.filters.box as Box | undefined) ?? boxes[0]!;
  const [applying, setApplying] = useState(false);
  const apps = useQuery({
    queryKey: ['hqd', 'applications', box, lp.page, lp.pageSize],
    queryFn: () =>
      sdk.qualityProgrammes.applications({ query: { box, page: lp.page, pageSize: lp.pageSize } }),
    enabled: tab === 'applications',
  });
  const applicationsTable = (
    <>
      {boxes.length > 1 && (
        <Segmented
          style={{ marginBottom: 12 }}
          value={box}
          onChange={(v) => lp.setFilters({ tab, box: String(v) })}
          options={boxes.map((b) => ({ value: b, label: x.box[b] }))}
        />
      )}
      <QueryErrorAlert error={apps.error} onRetry={() => void apps.refetch()} />
      <Table<HqdApplication>
        rowKey="id"
        loading={apps.isPending}
        dataSource={apps.data?.items}
        pagination={usePagination(lp, apps.data?.total)}
        columns={[
          {
            title: x.resource,
            dataIndex: 'resourceTitle',
            render: (v: string | null, r) => (
              <Link to={`/quality/high-quality-datasets/${r.id}`}>{v ?? r.resourceId}</Link>
            ),
          },
          { title: x.org, dataIndex: 'orgName' },
          {
            title: x.level,
            dataIndex: 'level',
            render: (l: HqdApplication['level']) => <HqdLevelTag level={l} />,
          },
          {
            title: x.statusTitle,
            dataIndex: 'status',
            render: (s: HqdApplication['status']) => <HqdStatusTag status={s} />,
          },
          { title: x.reviewer, dataIndex: 'reviewerOrgName' },
          { title: x.weightedScore, dataIndex: 'weightedScore' },
          { title: x.createdAt, dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
        ]}
      />
    </>
  );
  return (
    <PageContainer
      title={x.list}
      subTitle={x.intro}
      extra={
        holder && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setApplying(true)}
            data-testid="hqd-apply"
          >
            {x.apply}
          </Button>
        )
      }
    >
      {operator && (
        <div style={{ marginBottom: 16 }}>
          <HqdSettingsCard />
        </div>
      )}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => lp.setFilters({ tab: k })}
          items={[
            { key: 'designated', label: x.designatedList, children: <HqdDesignatedTable /> },
            { key: 'applications', label: x.applications, children: applicationsTable },
          ]}
        />
      </Card>
      <HqdApplyModal open={applying} onClose={() => setApplying(false)} />
    </PageContainer>
  );
}
