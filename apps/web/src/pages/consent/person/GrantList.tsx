import { EyeOutlined } from '@ant-design/icons';
import type { ConsentGrant, Person } from '@shuliu/contracts';
import { Button, Card, Col, Empty, Flex, Row, Segmented, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/I18nProvider';
import { formatTime } from '../../../lib/time';
import { GrantStatusTag, PiFieldTags, grantedByText, subjectText, useIsPhone } from './consent-parts';
import { RevokeButton } from './RevokeButton';

export function Line({ label, children }: { label: string; children: ReactNode }) {
  const t = useT();
  return (
    <Typography.Paragraph style={{ marginBottom: 4 }} ellipsis={{ rows: 2 }}>
      <Typography.Text type="secondary">
        {label}
        {t.consentPerson.colon}
      </Typography.Text>
      {children}
    </Typography.Paragraph>
  );
}

/** A grant as a card (phone-first): what, to whom, which fields, until when; details and revocation. */
function GrantCard({ g, me, onOpen }: { g: ConsentGrant; me: Person | undefined; onOpen: () => void }) {
  const t = useT();
  const c = t.consentPerson.grant;
  const phone = useIsPhone();
  const ward = me && g.subjectId !== me.userId;
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={`grant-${g.id}`} data-status={g.status}>
      <Flex justify="space-between" align="start" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {g.scenarioTitle}
        </Typography.Text>
        <GrantStatusTag status={g.status} />
      </Flex>
      <Line label={c.org}>{g.orgName ?? g.orgId}</Line>
      <Line label={c.purpose}>{g.purpose}</Line>
      <Line label={c.until}>{formatTime(g.expiresAt, 'YYYY-MM-DD')}</Line>
      {ward && <Line label={c.subject}>{subjectText(t, g, me)}</Line>}
      <Line label={c.grantedBy}>{grantedByText(t, g, me)}</Line>
      <div style={{ margin: '8px 0 12px' }}>
        <PiFieldTags fields={g.fields} />
      </div>
      <Flex gap={8} vertical={phone} justify="end">
        <Button icon={<EyeOutlined />} onClick={onOpen} block={phone} data-testid={`grant-open-${g.id}`}>
          {c.detail}
        </Button>
        {!g.revokedAt && !g.replacedBy && <RevokeButton grant={g} />}
      </Flex>
    </Card>
  );
}

/** Whose grants to show, when the person is also a guardian: all, their own, or one ward's. */
export function SubjectFilter({
  me,
  value,
  onChange,
}: {
  me: Person;
  value: string;
  onChange: (v: string) => void;
}) {
  const t = useT();
  const phone = useIsPhone();
  const wards = me.wards.filter((w) => w.status === 'confirmed');
  if (wards.length === 0) return null;
  const f = t.consentPerson.subjectFilter;
  return (
    <Segmented
      block={phone}
      value={value}
      onChange={(v) => onChange(String(v))}
      options={[
        { value: 'all', label: f.all },
        { value: me.userId, label: f.self },
        ...wards.map((w) => ({ value: w.userId, label: w.displayName })),
      ]}
      style={{ marginBottom: 12 }}
      data-testid="subject-filter"
    />
  );
}

export function GrantList({
  grants,
  me,
  empty,
  onOpen,
}: {
  grants: ConsentGrant[];
  me: Person | undefined;
  empty: ReactNode;
  onOpen: (id: string) => void;
}) {
  if (grants.length === 0) return <>{empty}</>;
  return (
    <Row gutter={[12, 12]}>
      {grants.map((g) => (
        <Col key={g.id} xs={24} xl={12}>
          <GrantCard g={g} me={me} onOpen={() => onOpen(g.id)} />
        </Col>
      ))}
    </Row>
  );
}

export function GrantsEmpty({ text, action }: { text: string; action?: ReactNode }) {
  return (
    <Empty description={text} style={{ padding: '24px 0' }}>
      {action}
    </Empty>
  );
}
