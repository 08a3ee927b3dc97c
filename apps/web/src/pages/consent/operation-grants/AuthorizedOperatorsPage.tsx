import { BankOutlined, SafetyOutlined } from '@ant-design/icons';
import type { AuthorizedOperator } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { sdk } from '../../../api/sdk';
import { GradeTag } from '../../../components/CatalogTags';
import { PageContainer } from '../../../components/PageContainer';
import { QueryErrorAlert } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import type { Messages } from '../../../i18n/zh-CN';
import { formatTime } from '../../../lib/time';
import { formatYuan } from '../../../lib/format';
import { ScopeTags } from './operation-parts';

function columns(t: Messages): ColumnsType<AuthorizedOperator> {
  const o = t.consentOrgs.operators;
  return [
    {
      key: 'operator',
      title: o.operator,
      render: (_, r) => <Typography.Text strong>{r.orgName}</Typography.Text>,
    },
    { key: 'authority', title: o.authority, render: (_, r) => r.authorityOrgName },
    { key: 'scope', title: o.scope, render: (_, r) => <ScopeTags scope={r.scope} sectors={r.sectors} /> },
    { key: 'maxGrade', title: o.maxGrade, render: (_, r) => <GradeTag grade={r.maxGrade} /> },
    { key: 'validUntil', title: o.validUntil, render: (_, r) => formatTime(r.endsAt, 'YYYY-MM-DD') },
    { key: 'price', title: o.price, align: 'right', render: (_, r) => formatYuan(r.priceGuidanceFen) },
  ];
}

function Explainer({ icon, title, text }: { icon: ReactNode; title: string; text: string }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {icon} {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {text}
      </Typography.Paragraph>
    </Card>
  );
}

/** 授权运营主体: the public list of organizations authorized to operate public data, for anyone to check. */
export function AuthorizedOperatorsPage() {
  const t = useT();
  const o = t.consentOrgs.operators;
  const q = useQuery({
    queryKey: ['consent', 'authorized-operators'],
    queryFn: () => sdk.consent.authorizedOperators(),
  });
  const items = q.data?.items ?? [];
  return (
    <PageContainer title={o.title} subTitle={o.subtitle}>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <Explainer icon={<BankOutlined />} title={o.what} text={o.whatText} />
        </Col>
        <Col xs={24} md={12}>
          <Explainer
            icon={<SafetyOutlined style={{ color: '#389e0d' }} />}
            title={o.inDomain}
            text={o.inDomainText}
          />
        </Col>
      </Row>
      <Card title={q.isSuccess ? o.count(items.length) : o.title}>
        {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
        <div data-testid="operators-table">
          <Table<AuthorizedOperator>
            size="middle"
            scroll={{ x: 'max-content' }}
            rowKey={(r) => `${r.orgId}:${r.authorityOrgName}:${r.scope}:${r.endsAt}`}
            columns={columns(t)}
            dataSource={items}
            loading={q.isPending}
            pagination={false}
            locale={{ emptyText: <Empty description={o.empty} data-testid="operators-empty" /> }}
            onRow={(r) => ({ 'data-testid': `operator-row-${r.orgId}` }) as object}
          />
        </div>
      </Card>
    </PageContainer>
  );
}
