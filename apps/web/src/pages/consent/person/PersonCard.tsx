import { LockOutlined } from '@ant-design/icons';
import type { Person } from '@shuliu/contracts';
import { Alert, Avatar, Card, Descriptions, Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { StatusTag } from '../../../components/StatusTag';
import { useT } from '../../../i18n/I18nProvider';
import { enumLabel } from '../../../i18n/labels';

/** Who the hub is for: the masked ID card (the number itself stays sealed on the server), age, guardian. */
export function PersonCard({ me }: { me: Person | undefined }) {
  const t = useT();
  const c = t.consentPerson.person;
  if (!me)
    return (
      <Card size="small">
        <Skeleton active avatar paragraph={{ rows: 1 }} />
      </Card>
    );
  const guardian = me.guardian && (
    <Flex gap={6} align="center" wrap>
      {me.guardian.displayName}
      <StatusTag
        status={me.guardian.status === 'confirmed' ? 'approved' : 'pending'}
        label={enumLabel(t.consentPerson.wardStatus, me.guardian.status)}
      />
    </Flex>
  );
  return (
    <Flex vertical gap={12}>
      <Card size="small" data-testid="person-card">
        <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
          <Avatar size={40} style={{ background: '#1677ff' }}>
            {me.displayName.slice(0, 1)}
          </Avatar>
          <Flex vertical>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {me.displayName} {me.minor && <Tag color="orange">{c.minor}</Tag>}
            </Typography.Text>
            <Typography.Text type="secondary">{me.username}</Typography.Text>
          </Flex>
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'id',
              label: c.idCard,
              children: (
                <Tooltip title={c.idCardHint}>
                  <span data-testid="person-id-card">
                    {me.idCardMasked} <LockOutlined style={{ color: '#8c8c8c' }} />
                  </span>
                </Tooltip>
              ),
            },
            { key: 'age', label: c.age, children: c.ageValue(me.age) },
            ...(guardian ? [{ key: 'guardian', label: c.guardian, children: guardian }] : []),
          ]}
        />
      </Card>
      {me.minor && me.guardian && (
        <Alert type="info" showIcon title={c.minorAlert(me.guardian.displayName)} />
      )}
      {me.guardian?.status === 'pending' && <Alert type="warning" showIcon title={c.guardianPending} />}
    </Flex>
  );
}
