import { CertificateStatus, type Certificate } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Input, Select, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { ListCard } from '../../components/ListCard';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import type { Messages } from '../../i18n/zh-CN';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { CertStatusTag, RightsTags } from './registry-parts';

type Box = 'held' | 'licensed' | 'pledged' | 'all';

function columns(t: Messages): ColumnsType<Certificate> {
  return [
    {
      key: 'certNo',
      title: t.registry.certNo,
      render: (_, c) => (
        <Link to={`/registry/certificates/${c.id}`} data-testid={`cert-${c.certNo}`}>
          {c.certNo}
        </Link>
      ),
    },
    { key: 'object', title: t.registry.object, render: (_, c) => c.objectTitle },
    { key: 'holder', title: t.registry.holder, render: (_, c) => c.holderOrgName ?? c.holderOrgId },
    { key: 'rights', title: t.registry.rights, render: (_, c) => <RightsTags rights={c.rights} /> },
    { key: 'status', title: t.registry.status, render: (_, c) => <CertStatusTag status={c.status} /> },
    { key: 'issuedAt', title: t.registry.issuedAt, render: (_, c) => formatTime(c.issuedAt, 'YYYY-MM-DD') },
    {
      key: 'validUntil',
      title: t.registry.validUntil,
      render: (_, c) => formatTime(c.validUntil, 'YYYY-MM-DD'),
    },
    { key: 'version', title: t.registry.version, render: (_, c) => c.version },
    {
      key: 'ledger',
      title: t.registry.ledgerIndex,
      render: (_, c) => (c.ledgerIndex === null ? '—' : `#${c.ledgerIndex}`),
    },
  ];
}

/** 登记证书: the org's certificates (held, licensed to it, pledged to it); operators and regulators see all. */
export function CertificatesPage() {
  const t = useT();
  const { hasRole } = useAuth();
  const supervisor = hasRole('operator', 'regulator');
  const lp = useListParams(['box', 'status', 'q'] as const);
  const box = (lp.filters.box as Box | undefined) ?? (supervisor ? 'all' : 'held');
  const q = useQuery({
    queryKey: ['registry', 'certificates', lp.page, lp.pageSize, lp.filters, box],
    queryFn: () =>
      sdk.registry.certificates({
        query: {
          page: lp.page,
          pageSize: lp.pageSize,
          box: box === 'all' ? undefined : box,
          status: lp.filters.status as CertificateStatus | undefined,
          q: lp.filters.q,
        },
      }),
    placeholderData: keepPreviousData,
  });
  const boxes: { key: Box; label: string }[] = [
    ...(supervisor ? [{ key: 'all' as const, label: t.registry.boxAll }] : []),
    { key: 'held', label: t.registry.boxHeld },
    { key: 'licensed', label: t.registry.boxLicensed },
    { key: 'pledged', label: t.registry.boxPledged },
  ];
  return (
    <PageContainer
      title={t.registry.certList}
      footer={
        <Tabs
          activeKey={box}
          onChange={(k) => lp.setFilters({ ...lp.filters, box: k })}
          items={boxes}
          style={{ marginBottom: -16 }}
        />
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          defaultValue={lp.filters.q}
          placeholder={`${t.registry.certNo} / ${t.registry.object}`}
          style={{ width: 260 }}
          onSearch={(v) => lp.setFilters({ ...lp.filters, q: v })}
        />
        <Select
          allowClear
          placeholder={t.registry.status}
          style={{ width: 160 }}
          value={lp.filters.status}
          onChange={(v?: string) => lp.setFilters({ ...lp.filters, status: v })}
          options={CertificateStatus.options.map((s) => ({ value: s, label: enumLabel(t.certStatus, s) }))}
        />
      </Flex>
      <ListCard<Certificate>
        id="registry-certificates"
        title={t.registry.certList}
        columns={columns(t)}
        testId="registry-certs-table"
        error={q.error}
        onRefresh={() => void q.refetch()}
        refreshing={q.isFetching}
        defaultHidden={['version']}
        csv={{
          filename: 'certificates.csv',
          columns: [
            { header: t.registry.certNo, value: (c) => c.certNo },
            { header: t.registry.object, value: (c) => c.objectTitle },
            { header: t.registry.holder, value: (c) => c.holderOrgName },
            { header: t.registry.status, value: (c) => enumLabel(t.certStatus, c.status) },
            { header: t.registry.validUntil, value: (c) => formatTime(c.validUntil, 'YYYY-MM-DD') },
          ],
        }}
        table={{
          rowKey: 'id',
          loading: q.isPending,
          dataSource: q.data?.items,
          pagination: usePagination(lp, q.data?.total),
          locale: { emptyText: <Typography.Text type="secondary">{t.registry.noCerts}</Typography.Text> },
        }}
      />
    </PageContainer>
  );
}
