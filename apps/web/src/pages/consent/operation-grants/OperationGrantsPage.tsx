import { PlusOutlined } from '@ant-design/icons';
import { OperationGrantStatus, type OperationGrant } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Empty, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { sdk } from '../../../api/sdk';
import { useAuth } from '../../../auth/AuthProvider';
import { GradeTag } from '../../../components/CatalogTags';
import { ListCard } from '../../../components/ListCard';
import { PageContainer } from '../../../components/PageContainer';
import { useT } from '../../../i18n/I18nProvider';
import type { Messages } from '../../../i18n/zh-CN';
import { formatTime } from '../../../lib/time';
import { useListParams, usePagination } from '../../../lib/use-list-params';
import { GrantStatusTag, useGradeLabel } from '../org-grants/org-grant-parts';
import { OperationActionModal, type OperationAction } from './OperationActionModals';
import { OperationGrantDrawer } from './OperationGrantDrawer';
import { OperationGrantFormModal } from './OperationGrantFormModal';
import { formatYuan, yuanOf } from '../../../lib/format';
import { LatestScore, latestEvaluation, ScopeTags } from './operation-parts';

const day = (iso: string) => formatTime(iso, 'YYYY-MM-DD');

function columns(t: Messages, open: (g: OperationGrant) => void): ColumnsType<OperationGrant> {
  const p = t.consentOrgs.op;
  return [
    { key: 'operator', title: p.operator, render: (_, g) => g.operatorOrgName ?? g.operatorOrgId },
    { key: 'authority', title: p.authority, render: (_, g) => g.authorityOrgName ?? g.authorityOrgId },
    { key: 'scope', title: p.scope, render: (_, g) => <ScopeTags scope={g.scope} sectors={g.sectors} /> },
    { key: 'maxGrade', title: p.maxGrade, render: (_, g) => <GradeTag grade={g.maxGrade} /> },
    { key: 'term', title: p.term, render: (_, g) => `${day(g.startsAt)} ~ ${day(g.endsAt)}` },
    { key: 'price', title: p.price, align: 'right', render: (_, g) => formatYuan(g.priceGuidanceFen) },
    { key: 'status', title: p.status, render: (_, g) => <GrantStatusTag status={g.status} /> },
    { key: 'score', title: p.latestScore, render: (_, g) => <LatestScore g={g} /> },
    { key: 'createdAt', title: p.createdAt, render: (_, g) => formatTime(g.createdAt, 'YYYY-MM-DD HH:mm') },
    {
      key: 'actions',
      title: t.common.actions,
      fixed: 'right',
      render: (_, g) => (
        <Button type="link" size="small" onClick={() => open(g)} data-testid={`op-grant-view-${g.id}`}>
          {t.common.view}
        </Button>
      ),
    },
  ];
}

/** 授权运营: the authorizations the authority gave, or the operator org holds; all of them for oversight. */
export function OperationGrantsPage() {
  const t = useT();
  const p = t.consentOrgs.op;
  const navigate = useNavigate();
  const { search } = useLocation();
  const { id } = useParams();
  const { hasRole, me } = useAuth();
  const lp = useListParams(['status'] as const);
  const status = OperationGrantStatus.safeParse(lp.filters.status).data;
  const [creating, setCreating] = useState(false);
  const [acting, setActing] = useState<{ g: OperationGrant; action: OperationAction } | null>(null);
  const gradeLabel = useGradeLabel();
  // Only a public-data authority (公共数据主管部门) grants authorized operation; the server checks it too.
  const authority = hasRole('authority') && !!me?.org?.types.includes('authority');
  const oversight = hasRole('operator', 'regulator');
  const query = { page: lp.page, pageSize: lp.pageSize, ...(status && { status }) };
  const list = useQuery({
    queryKey: ['consent', 'operation-grants', 'list', query],
    queryFn: () => sdk.consent.operationGrants({ query }),
    placeholderData: keepPreviousData,
  });
  const pagination = usePagination(lp, list.data?.total);
  const open = (g: OperationGrant) =>
    void navigate({ pathname: `/consent/operation-grants/${g.id}`, search });
  return (
    <PageContainer
      title={p.title}
      subTitle={p.hint}
      extra={
        authority && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="op-grant-new"
          >
            {p.create}
          </Button>
        )
      }
    >
      <ListCard<OperationGrant>
        id="consent-operation-grants"
        title={oversight ? p.listOversight : authority ? p.listAuthority : p.listOperator}
        actions={
          <Select
            allowClear
            placeholder={p.status}
            value={status}
            onChange={(v?: string) => lp.setFilters({ status: v })}
            options={OperationGrantStatus.options.map((s) => ({
              value: s,
              label: t.consentOrgs.grantStatus[s],
            }))}
            style={{ width: 120 }}
            data-testid="op-grants-status"
          />
        }
        columns={columns(t, open)}
        defaultHidden={['createdAt']}
        error={list.error}
        onRefresh={() => void list.refetch()}
        refreshing={list.isFetching}
        testId="op-grants-table"
        csv={{
          filename: 'operation-grants.csv',
          columns: [
            { header: 'id', value: (g) => g.id },
            { header: p.operator, value: (g) => g.operatorOrgName ?? g.operatorOrgId },
            { header: p.authority, value: (g) => g.authorityOrgName ?? g.authorityOrgId },
            { header: p.scope, value: (g) => t.consentOrgs.scope[g.scope] },
            { header: p.sectors, value: (g) => g.sectors.join(' ') },
            { header: p.maxGrade, value: (g) => gradeLabel(g.maxGrade) },
            { header: p.startsAt, value: (g) => day(g.startsAt) },
            { header: p.endsAt, value: (g) => day(g.endsAt) },
            { header: p.price, value: (g) => yuanOf(g.priceGuidanceFen) },
            { header: p.status, value: (g) => t.consentOrgs.grantStatus[g.status] },
            { header: p.latestScore, value: (g) => latestEvaluation(g)?.score },
          ],
        }}
        table={{
          rowKey: 'id',
          dataSource: list.data?.items,
          loading: list.isFetching && !list.isError,
          pagination,
          locale: { emptyText: <Empty description={p.empty} /> },
          onRow: (g) => ({ 'data-testid': `op-grant-row-${g.id}`, 'data-status': g.status }) as object,
        }}
      />
      <OperationGrantDrawer
        id={id}
        onClose={() => void navigate({ pathname: '/consent/operation-grants', search })}
        onAct={(g, action) => setActing({ g, action })}
      />
      <OperationGrantFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onView={(g) => void navigate(`/consent/operation-grants/${g.id}`)}
      />
      <OperationActionModal
        g={acting?.g ?? null}
        action={acting?.action ?? null}
        onClose={() => setActing(null)}
      />
    </PageContainer>
  );
}
