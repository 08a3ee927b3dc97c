import { GrantStatus, type ConsentGrant } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Col, Flex, Row, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { sdk } from '../../../api/sdk';
import { FilterForm } from '../../../components/FilterForm';
import { ListCard } from '../../../components/ListCard';
import { PageContainer } from '../../../components/PageContainer';
import { useT } from '../../../i18n/I18nProvider';
import { enumLabel } from '../../../i18n/labels';
import type { Messages } from '../../../i18n/zh-CN';
import { formatTime } from '../../../lib/time';
import { useListParams, usePagination } from '../../../lib/use-list-params';
import { ConsentCheckPanel } from './ConsentCheckPanel';
import { GrantStatusTag, scenarioKeys } from './scenario-parts';

function columns(t: Messages, pick: (g: ConsentGrant) => void): ColumnsType<ConsentGrant> {
  const c = t.consentScenarios;
  return [
    {
      key: 'person',
      title: c.person,
      render: (_, g) => (
        <Flex vertical>
          {g.subjectName ?? '—'}
          <Typography.Text type="secondary" copyable style={{ fontSize: 12 }}>
            {g.subjectId}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'scenario',
      title: c.scenario,
      render: (_, g) => (
        <Space size={4}>
          <Link to={`/consent/scenarios/${g.scenarioId}`}>{g.scenarioTitle}</Link>
          <Tag>{c.version(g.version)}</Tag>
        </Space>
      ),
    },
    {
      key: 'fields',
      title: c.grantFields,
      render: (_, g) => (
        <Space size={[0, 4]} wrap style={{ maxWidth: 280 }}>
          {g.fields.map((f) => (
            <Tag key={f.name}>{f.label}</Tag>
          ))}
        </Space>
      ),
    },
    { key: 'status', title: c.grantStatusLabel, render: (_, g) => <GrantStatusTag status={g.status} /> },
    { key: 'expiresAt', title: c.expiresAt, render: (_, g) => formatTime(g.expiresAt) },
    { key: 'grantedAt', title: c.grantedAt, render: (_, g) => formatTime(g.grantedAt) },
    {
      key: 'actions',
      title: t.common.actions,
      render: (_, g) => (
        <Button type="link" size="small" onClick={() => pick(g)} data-testid={`grant-check-${g.id}`}>
          {c.checkThis}
        </Button>
      ),
    },
  ];
}

/**
 * 收到的个人授权: grants persons gave to this org's scenarios (server-paged, by scenario), and the
 * 授权核验 panel to try consent.check against them.
 */
export function ReceivedGrantsPage() {
  const t = useT();
  const c = t.consentScenarios;
  const lp = useListParams(['scenarioId', 'status'] as const);
  const status = GrantStatus.safeParse(lp.filters.status).data;
  const [picked, setPicked] = useState<{ grant: ConsentGrant; n: number } | null>(null);
  const scenarios = useQuery({
    queryKey: [...scenarioKeys.all, 'mine-all'],
    queryFn: () => sdk.consent.scenarios({ query: { mine: 'true', page: 1, pageSize: 200 } }),
  });
  const query = useQuery({
    queryKey: [...scenarioKeys.grants, lp.filters.scenarioId, status, lp.page, lp.pageSize],
    queryFn: () =>
      sdk.consent.grants({
        query: {
          box: 'received',
          page: lp.page,
          pageSize: lp.pageSize,
          ...(lp.filters.scenarioId && { scenarioId: lp.filters.scenarioId }),
          ...(status && { status }),
        },
      }),
    placeholderData: keepPreviousData,
  });
  const pick = (grant: ConsentGrant) => setPicked((p) => ({ grant, n: (p?.n ?? 0) + 1 }));
  return (
    <PageContainer title={t.consent.received}>
      <FilterForm
        fields={[
          {
            name: 'scenarioId',
            label: c.scenario,
            node: (
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t.common.all}
                loading={scenarios.isPending}
                data-testid="received-scenario"
                options={(scenarios.data?.items ?? []).map((s) => ({ value: s.id, label: s.title }))}
              />
            ),
          },
          {
            name: 'status',
            label: c.grantStatusLabel,
            node: (
              <Select
                allowClear
                placeholder={t.common.all}
                style={{ minWidth: 140 }}
                data-testid="received-status"
                options={GrantStatus.options.map((s) => ({ value: s, label: enumLabel(c.grantStatus, s) }))}
              />
            ),
          },
        ]}
        values={lp.filters}
        onSearch={(v) => lp.setFilters(v)}
      />
      <Row gutter={16}>
        <Col xs={24} xxl={15} style={{ marginBottom: 16 }}>
          <ListCard<ConsentGrant>
            id="consent-received"
            title={t.consent.received}
            columns={columns(t, pick)}
            testId="received-table"
            error={query.error}
            onRefresh={() => void query.refetch()}
            refreshing={query.isFetching}
            defaultHidden={['grantedAt']}
            csv={{
              filename: 'consent-grants-received.csv',
              columns: [
                { header: 'id', value: (g) => g.id },
                { header: c.person, value: (g) => g.subjectName ?? g.subjectId },
                { header: c.subjectId, value: (g) => g.subjectId },
                { header: c.scenario, value: (g) => g.scenarioTitle },
                { header: c.versionId, value: (g) => g.version },
                { header: c.grantFields, value: (g) => g.fields.map((f) => f.name).join(' ') },
                { header: c.grantStatusLabel, value: (g) => enumLabel(c.grantStatus, g.status) },
                { header: c.expiresAt, value: (g) => formatTime(g.expiresAt) },
                { header: c.grantedAt, value: (g) => formatTime(g.grantedAt) },
              ],
            }}
            table={{
              rowKey: 'id',
              loading: query.isPending,
              dataSource: query.data?.items,
              pagination: usePagination(lp, query.data?.total),
              locale: { emptyText: <Typography.Text type="secondary">{c.receivedEmpty}</Typography.Text> },
            }}
          />
        </Col>
        <Col xs={24} xxl={9}>
          <ConsentCheckPanel
            grants={query.data?.items ?? []}
            scenarios={scenarios.data?.items ?? []}
            picked={picked}
          />
        </Col>
      </Row>
    </PageContainer>
  );
}
