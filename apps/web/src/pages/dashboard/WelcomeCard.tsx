import { BankOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { Avatar, Card, Flex, Space, Typography } from 'antd';
import { useAuth } from '../../auth/AuthProvider';
import { OrgTypeTags, RoleTags } from '../../components/EnumTags';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';

/** Who is logged in: greeting, org, roles, last login. */
export function WelcomeCard() {
  const t = useT();
  const { me } = useAuth();
  if (!me) return null;
  const { user, org } = me;
  return (
    <Card data-testid="welcome-card">
      <Flex gap={20} align="center" wrap>
        <Avatar size={64} style={{ background: 'linear-gradient(135deg, #1677ff, #06b6d4)', fontSize: 28 }}>
          {user.displayName.slice(0, 1)}
        </Avatar>
        <Flex vertical gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t.dashboard.greeting(user.displayName)}
          </Typography.Title>
          <Space wrap size={[16, 4]}>
            {/* a natural person acts for no organization: no "未关联机构" line for them */}
            {(org || !user.roles.includes('person')) && (
              <Typography.Text type="secondary">
                <BankOutlined /> {org?.name ?? t.dashboard.noOrg}
              </Typography.Text>
            )}
            {org && <OrgTypeTags types={org.types} />}
            <Typography.Text type="secondary">
              <ClockCircleOutlined /> {t.dashboard.lastLogin} {formatTime(user.lastLoginAt)}
            </Typography.Text>
          </Space>
          <Space size={8} wrap>
            <Typography.Text type="secondary">{t.dashboard.roles}:</Typography.Text>
            <RoleTags roles={user.roles} />
          </Space>
        </Flex>
      </Flex>
    </Card>
  );
}
