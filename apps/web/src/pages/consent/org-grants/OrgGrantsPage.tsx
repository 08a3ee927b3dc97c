import { PlusOutlined } from '@ant-design/icons';
import { ConsentReasonBody, type OrgGrant, OrgGrantStatus } from '@shuliu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Select, Space, Tabs, Typography } from 'antd';
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
import { OrgGrantDrawer, useCanRevoke } from './OrgGrantDrawer';
import { OrgGrantFormModal } from './OrgGrantFormModal';
import { GrantStatusTag, ResourceLinks, useGradeLabel } from './org-grant-parts';
import { ReasonModal } from '../../../components/ReasonModal';

type Box = 'granted' | 'received' | 'all';
const orgName = (name: string | null, id: string) => name ?? id;

function columns(
  t: Messages,
  box: Box,
  open: (g: OrgGrant) => void,
  canRevoke: (g: OrgGrant) => boolean,
  revoke: (g: OrgGrant) => void,
): ColumnsType<OrgGrant> {
  const o = t.consentOrgs.org;
  const grantor = {
    key: 'grantor',
    title: o.grantor,
    render: (_: unknown, g: OrgGrant) => orgName(g.grantorOrgName, g.grantorOrgId),
  };
  const grantee = {
    key: 'grantee',
    title: o.grantee,
    render: (_: unknown, g: OrgGrant) => orgName(g.granteeOrgName, g.granteeOrgId),
  };
  return [
    ...(box === 'granted' ? [] : [grantor]),
    ...(box === 'received' ? [] : [grantee]),
    {
      key: 'resources',
      title: o.resources,
      render: (_, g) => <ResourceLinks grant={g} max={3} />,
    },
    { key: 'maxGrade', title: o.maxGrade, render: (_, g) => <GradeTag grade={g.maxGrade} /> },
    {
      key: 'purpose',
      title: o.purpose,
      render: (_, g) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: g.purpose }} style={{ margin: 0, maxWidth: 280 }}>
          {g.purpose}
        </Typography.Paragraph>
      ),
    },
    { key: 'expiresAt', title: o.expiresAt, render: (_, g) => formatTime(g.expiresAt, 'YYYY-MM-DD') },
    { key: 'status', title: o.status, render: (_, g) => <GrantStatusTag status={g.status} /> },
    { key: 'createdAt', title: o.createdAt, render: (_, g) => formatTime(g.createdAt, 'YYYY-MM-DD HH:mm') },
    {
      key: 'actions',
      title: t.common.actions,
      fixed: 'right',
      render: (_, g) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => open(g)} data-testid={`org-grant-view-${g.id}`}>
            {t.common.view}
          </Button>
          {canRevoke(g) && (
            <Button
              type="link"
              size="small"
              danger
              onClick={() => revoke(g)}
              data-testid={`org-grant-revoke-${g.id}`}
            >
              {o.revoke}
            </Button>
          )}
        </Space>
      ),
    },
  ];
}

function useRevoke(onDone: () => void) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; reason: string }) =>
      sdk.consent.revokeOrgGrant({ params: { id: v.id }, body: { reason: v.reason } }),
    onSuccess: () => {
      void message.success(t.consentOrgs.org.revoked);
      void qc.invalidateQueries({ queryKey: ['consent', 'org-grants'] });
      onDone();
    },
  });
}

/** 企业授权: authorizations our org granted and received (all of them for oversight), with the same terms for both sides. */
export function OrgGrantsPage() {
  const t = useT();
  const o = t.consentOrgs.org;
  const navigate = useNavigate();
  const { search } = useLocation();
  const { id } = useParams();
  const { hasRole, me } = useAuth();
  const oversight = hasRole('operator', 'regulator');
  const admin = hasRole('org_admin') && !!me?.org;
  const lp = useListParams(['box', 'status'] as const);
  const status = OrgGrantStatus.safeParse(lp.filters.status).data;
  const box = (lp.filters.box as Box | undefined) ?? (oversight ? 'all' : admin ? 'granted' : 'received');
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<OrgGrant | null>(null);
  const canRevoke = useCanRevoke();
  const query = { box, page: lp.page, pageSize: lp.pageSize, ...(status && { status }) };
  const list = useQuery({
    queryKey: ['consent', 'org-grants', 'list', query],
    queryFn: () => sdk.consent.orgGrants({ query }),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  const revoke = useRevoke(() => setRevoking(null));
  const gradeLabel = useGradeLabel();
  const pagination = usePagination(lp, list.data?.total);
  const open = (g: OrgGrant) => void navigate({ pathname: `/consent/org-grants/${g.id}`, search });
  const tabs = [
    { key: 'granted', label: <span data-testid="org-grants-tab-granted">{o.granted}</span> },
    { key: 'received', label: <span data-testid="org-grants-tab-received">{o.received}</span> },
    ...(oversight ? [{ key: 'all', label: <span data-testid="org-grants-tab-all">{o.all}</span> }] : []),
  ];
  const empty = box === 'granted' ? o.emptyGranted : box === 'received' ? o.emptyReceived : o.empty;
  return (
    <PageContainer
      title={o.title}
      subTitle={o.hint}
      extra={
        admin && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="org-grant-new"
          >
            {o.create}
          </Button>
        )
      }
      footer={
        <Tabs
          activeKey={box}
          onChange={(k) => lp.setFilters({ box: k })}
          items={tabs}
          style={{ marginBottom: -1 }}
        />
      }
    >
      <ListCard<OrgGrant>
        id="consent-org-grants"
        title={box === 'all' ? o.all : box === 'granted' ? o.granted : o.received}
        actions={
          <Select
            allowClear
            placeholder={o.status}
            value={status}
            onChange={(v?: string) => lp.setFilters({ ...lp.filters, status: v })}
            options={OrgGrantStatus.options.map((s) => ({ value: s, label: t.consentOrgs.grantStatus[s] }))}
            style={{ width: 120 }}
            data-testid="org-grants-status"
          />
        }
        columns={columns(t, box, open, canRevoke, setRevoking)}
        defaultHidden={['createdAt']}
        error={list.error}
        onRefresh={() => void list.refetch()}
        refreshing={list.isFetching}
        testId="org-grants-table"
        csv={{
          filename: 'org-grants.csv',
          columns: [
            { header: 'id', value: (g) => g.id },
            { header: o.grantor, value: (g) => orgName(g.grantorOrgName, g.grantorOrgId) },
            { header: o.grantee, value: (g) => orgName(g.granteeOrgName, g.granteeOrgId) },
            { header: o.resources, value: (g) => t.common.list(g.resources.map((r) => r.title)) },
            { header: o.maxGrade, value: (g) => gradeLabel(g.maxGrade) },
            { header: o.purpose, value: (g) => g.purpose },
            { header: o.expiresAt, value: (g) => formatTime(g.expiresAt) },
            { header: o.status, value: (g) => t.consentOrgs.grantStatus[g.status] },
          ],
        }}
        table={{
          rowKey: 'id',
          dataSource: items,
          loading: list.isFetching && !list.isError,
          pagination,
          locale: { emptyText: <Empty description={empty} /> },
          onRow: (g) => ({ 'data-testid': `org-grant-row-${g.id}`, 'data-status': g.status }) as object,
        }}
      />
      <OrgGrantDrawer
        id={id}
        onClose={() => void navigate({ pathname: '/consent/org-grants', search })}
        onRevoke={setRevoking}
      />
      <OrgGrantFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onView={(g) => void navigate(`/consent/org-grants/${g.id}?box=granted`)}
      />
      <ReasonModal
        reasonSchema={ConsentReasonBody.shape.reason}
        open={!!revoking}
        title={o.revokeTitle}
        warning={o.revokeWarn}
        okText={o.revokeOk}
        danger
        reasonHelp={o.revokeReasonHelp}
        pending={revoke.isPending}
        error={revoke.error}
        onOk={(reason) => revoking && revoke.mutate({ id: revoking.id, reason })}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
        testId="org-grant-revoke-modal"
      />
    </PageContainer>
  );
}
