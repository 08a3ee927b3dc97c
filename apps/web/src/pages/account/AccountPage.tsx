import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n/I18nProvider';
import { OrgSigningKeysCard } from '../orgs/OrgSigningKeysCard';
import { PasswordTab } from './PasswordTab';
import { ProfileTab } from './ProfileTab';
import { SessionsTab } from './SessionsTab';
import { TokensTab } from './TokensTab';

/**
 * 个人中心: profile, password, sessions, API tokens and the org's signing keys, one tab each (the tab is kept in
 * the URL).
 */
export function AccountPage() {
  const t = useT();
  const { me } = useAuth();
  const [sp, setSp] = useSearchParams();
  const tab = sp.get('tab') ?? 'profile';
  return (
    <PageContainer
      title={t.account.title}
      subTitle={me ? `${me.user.displayName} · ${me.user.username}` : undefined}
    >
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setSp({ tab: k }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'profile', label: t.account.profile, children: <ProfileTab /> },
            { key: 'password', label: t.account.password, children: <PasswordTab /> },
            { key: 'sessions', label: t.account.sessions, children: <SessionsTab /> },
            { key: 'tokens', label: t.account.tokens, children: <TokensTab /> },
            // the org's signing keys: its members see them, its org_admin sets them
            ...(me?.org
              ? [
                  {
                    key: 'org-keys',
                    label: t.orgKeys.tab,
                    children: <OrgSigningKeysCard orgId={me.org.id} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </PageContainer>
  );
}
