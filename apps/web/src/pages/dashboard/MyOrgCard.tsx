import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty } from 'antd';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { KindTags, OrgTypeTags } from '../../components/EnumTags';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { formatDate } from '../../lib/time';

/** The user's own organization at a glance, with its onboarding record when there is one. */
export function MyOrgCard() {
  const t = useT();
  const { me } = useAuth();
  const org = me?.org;
  // Orgs set up by the operator directly have no application (404): then there is simply no link.
  const app = useQuery({
    queryKey: ['applications', 'mine'],
    queryFn: () => sdk.onboarding.mine(),
    enabled: !!org,
  });
  const extra = app.data && <Link to="/my-application">{t.menu.myApplication}</Link>;
  return (
    <Card title={t.dashboard.myOrg} extra={extra} style={{ height: '100%' }}>
      {!org ? (
        <Empty description={t.dashboard.noOrg} />
      ) : (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'name', label: t.org.name, children: org.name, span: 'filled' as const },
            { key: 'uscc', label: t.org.uscc, children: org.uscc, span: 'filled' as const },
            { key: 'types', label: t.org.types, children: <OrgTypeTags types={org.types} /> },
            { key: 'status', label: t.org.status, children: <StatusTag status={org.status} /> },
            ...(org.merchantKinds.length
              ? [
                  {
                    key: 'mk',
                    label: t.org.merchantKinds,
                    children: <KindTags kind="merchant" values={org.merchantKinds} />,
                  },
                ]
              : []),
            ...(org.providerKinds.length
              ? [
                  {
                    key: 'pk',
                    label: t.org.providerKinds,
                    children: <KindTags kind="provider" values={org.providerKinds} />,
                  },
                ]
              : []),
            { key: 'region', label: t.org.region, children: org.region ?? '—' },
            { key: 'contact', label: t.org.contactName, children: `${org.contactName} ${org.contactPhone}` },
            { key: 'created', label: t.org.createdAt, children: formatDate(org.createdAt) },
          ]}
        />
      )}
    </Card>
  );
}
