import { Button, Card, Descriptions, Space, Tabs, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { QueryState } from '../../components/QueryState';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { formatYuan } from '../../lib/format';
import { AmortizationTab, CostsTab, ImpairmentsTab } from './asset-accounting';
import { CertificatesTab, ContributionsTab, ValuationsTab } from './asset-financing';
import { useAsset } from './asset-queries';

/** One asset: its classification and basis, then costs, amortization, impairments, valuations, pledge, 出资入股. */
export function AssetPage() {
  const { id = '' } = useParams();
  const x = useT().assets;
  const { me, hasRole } = useAuth();
  const q = useAsset(id);
  if (q.isPending || q.isError) return <QueryState q={q} title={x.ledger} />;
  const a = q.data;
  const editable = me?.org?.id === a.orgId && hasRole('org_admin', 'merchant');
  const met = a.classification !== 'expensed';
  return (
    <PageContainer
      title={a.name}
      subTitle={a.orgName}
      extra={
        editable && (
          <Link to={`/assets/${a.id}/valuations/new`}>
            <Button type="primary">{x.newValuation}</Button>
          </Link>
        )
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label={x.classification}>
              <StatusTag status={met ? 'active' : 'retired'} label={x.classifications[a.classification]} />
            </Descriptions.Item>
            <Descriptions.Item label={x.source}>{x.sources[a.source]}</Descriptions.Item>
            <Descriptions.Item label={x.recognizedPeriod}>{a.recognizedPeriod}</Descriptions.Item>
            <Descriptions.Item label={x.cost}>{formatYuan(a.costFen)}</Descriptions.Item>
            <Descriptions.Item label={x.carrying}>{formatYuan(a.carryingFen)}</Descriptions.Item>
            <Descriptions.Item label={x.status}>{x.statuses[a.status]}</Descriptions.Item>
            <Descriptions.Item label={met ? x.reasonsTitle : x.failedTitle} span={3}>
              {a.classificationReasons.map((r) => (
                <Tag key={r} color={met ? 'green' : 'orange'}>
                  {x.reasons[r] ?? r}
                </Tag>
              ))}
            </Descriptions.Item>
            {a.description && (
              <Descriptions.Item label={x.description} span={3}>
                {a.description}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card>
          <Tabs
            items={[
              { key: 'costs', label: x.costs, children: <CostsTab asset={a} editable={editable} /> },
              {
                key: 'amortization',
                label: x.amortization,
                children: <AmortizationTab asset={a} editable={editable} />,
              },
              {
                key: 'impairments',
                label: x.impairments,
                children: <ImpairmentsTab asset={a} editable={editable} />,
              },
              { key: 'valuations', label: x.valuations, children: <ValuationsTab asset={a} /> },
              {
                key: 'pledge',
                label: `${x.certificates} / ${x.pledge}`,
                children: <CertificatesTab asset={a} />,
              },
              {
                key: 'contributions',
                label: x.contributions,
                children: <ContributionsTab asset={a} editable={editable} />,
              },
            ]}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
