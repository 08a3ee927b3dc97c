import { ContactsOutlined, RightOutlined } from '@ant-design/icons';
import { isSensitive } from '@shuliu/contracts';
import { Alert, Button, Card, Col, Flex, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { useMyGrants, usePerson } from '../consent/person/consent-queries';

/** A person's way into 我的授权: grants in force, how many carry sensitive data, guardianships to confirm. */
export function MyConsentCard() {
  const t = useT();
  const c = t.consentPerson.dashboard;
  const grants = useMyGrants();
  const me = usePerson();
  const active = grants.data?.items.filter((g) => g.status === 'active') ?? [];
  const sensitive = active.filter((g) => g.fields.some((f) => isSensitive(f.category))).length;
  const pending = me.data?.wards.filter((w) => w.status === 'pending').length ?? 0;
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <ContactsOutlined /> {t.consent.mine}
        </Flex>
      }
      extra={<Link to="/consent/mine">{t.dashboard.viewAll}</Link>}
      style={{ height: '100%' }}
      data-testid="dashboard-consent"
    >
      {grants.isError && <QueryErrorAlert error={grants.error} onRetry={() => void grants.refetch()} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={12}>
          <Statistic
            title={c.active}
            value={active.length}
            loading={grants.isPending}
            data-testid="dashboard-consent-active"
          />
        </Col>
        <Col span={12}>
          <Statistic title={c.sensitive} value={sensitive} loading={grants.isPending} />
        </Col>
      </Row>
      {pending > 0 && (
        <Alert type="warning" showIcon title={c.wardsPending(pending)} style={{ marginBottom: 16 }} />
      )}
      <Link to={pending > 0 ? '/consent/mine?tab=wards' : '/consent/mine'}>
        <Button type="primary" block>
          {c.open} <RightOutlined />
        </Button>
      </Link>
    </Card>
  );
}
