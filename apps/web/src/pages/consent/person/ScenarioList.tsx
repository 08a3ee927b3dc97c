import { RightOutlined } from '@ant-design/icons';
import { isSensitive, type ConsentGrant, type Person, type Scenario } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, Pagination, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { sdk } from '../../../api/sdk';
import { QueryErrorAlert } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import { liveGrant, personKeys } from './consent-queries';
import { useIsPhone } from './consent-parts';
import { Line } from './GrantList';

const PAGE_SIZE = 10;

/** The people the caller consents for, named: themselves and their confirmed wards. */
function subjectsOf(me: Person, self: string) {
  return [
    { id: me.userId, name: self },
    ...me.wards.filter((w) => w.status === 'confirmed').map((w) => ({ id: w.userId, name: w.displayName })),
  ];
}

function ScenarioCard({
  s,
  me,
  grants,
  onOpen,
}: {
  s: Scenario;
  me: Person;
  grants: ConsentGrant[] | undefined;
  onOpen: () => void;
}) {
  const t = useT();
  const c = t.consentPerson.scenario;
  const phone = useIsPhone();
  const v = s.versions.find((x) => x.id === s.currentVersionId);
  const fields = v?.fields.filter((f) => !f.struck) ?? [];
  const subjects = subjectsOf(me, c.self);
  const granted = subjects.filter((x) => liveGrant(grants, s.id, x.id)?.status === 'active');
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={`scenario-${s.id}`}>
      <Flex justify="space-between" align="start" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {s.title}
        </Typography.Text>
        <Space size={4} wrap style={{ justifyContent: 'end' }}>
          {granted.map((x) => (
            <Tag key={x.id} color="green" data-testid={`scenario-granted-${x.id}`}>
              {subjects.length > 1 ? c.grantedFor(x.name) : c.granted}
            </Tag>
          ))}
        </Space>
      </Flex>
      <Line label={t.consentPerson.grant.org}>{s.orgName ?? s.orgId}</Line>
      {v && <Line label={t.consentPerson.grant.purpose}>{v.purpose}</Line>}
      <Space size={[4, 4]} wrap style={{ margin: '4px 0 12px' }}>
        <Tag bordered={false}>{t.consentPerson.list.fieldsCount(fields.length)}</Tag>
        {fields.some((f) => isSensitive(f.category)) && (
          <Tag color="red" bordered={false}>
            {t.consentPerson.sensitive}
          </Tag>
        )}
        {v?.separateConsent && <Tag color="red">{c.needsSeparate}</Tag>}
        {v?.crossBorder && <Tag color="orange">{c.crossBorder}</Tag>}
        {v?.automatedDecision && <Tag color="orange">{c.automated}</Tag>}
      </Space>
      <Flex justify="end">
        <Button type="primary" ghost onClick={onOpen} block={phone} data-testid={`scenario-open-${s.id}`}>
          {c.open} <RightOutlined />
        </Button>
      </Flex>
    </Card>
  );
}

/** 可授权场景: scenarios that passed the minimal-necessity review (the API lists only those to a person). */
export function ScenarioList({
  me,
  grants,
  page,
  onPage,
  onOpen,
}: {
  me: Person;
  grants: ConsentGrant[] | undefined;
  page: number;
  onPage: (page: number) => void;
  onOpen: (id: string) => void;
}) {
  const t = useT();
  const q = useQuery({
    queryKey: personKeys.scenarios(page, PAGE_SIZE),
    queryFn: () => sdk.consent.scenarios({ query: { page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  if (q.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (q.isError) return <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const items = q.data.items.filter((s) => s.currentVersionId);
  if (items.length === 0) return <Empty description={t.consentPerson.scenario.emptyList} />;
  return (
    <Flex vertical gap={12}>
      <Row gutter={[12, 12]}>
        {items.map((s) => (
          <Col key={s.id} xs={24} xl={12}>
            <ScenarioCard s={s} me={me} grants={grants} onOpen={() => onOpen(s.id)} />
          </Col>
        ))}
      </Row>
      {q.data.total > PAGE_SIZE && (
        <Pagination
          simple
          align="center"
          current={page}
          pageSize={PAGE_SIZE}
          total={q.data.total}
          onChange={(p) => onPage(p)}
        />
      )}
    </Flex>
  );
}
