import type { ConsentGrant, Person } from '@shuliu/contracts';
import { Badge, Button, Card, Flex, Skeleton, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { PageContainer } from '../../../components/PageContainer';
import { QueryErrorAlert, QueryErrorResult } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import { useMyGrants, usePerson } from './consent-queries';
import { useIsPhone } from './consent-parts';
import { GrantDrawer } from './GrantDrawer';
import { GrantList, GrantsEmpty, SubjectFilter } from './GrantList';
import { PersonCard } from './PersonCard';
import { ScenarioDrawer } from './ScenarioDrawer';
import { ScenarioList } from './ScenarioList';
import { WardsPanel } from './WardsPanel';
import { pageOf } from '../../../lib/use-list-params';

const TABS = ['active', 'history', 'scenarios', 'wards'] as const;
type Tab = (typeof TABS)[number];
type Patch = Record<string, string | null>;

/**
 * The hub's state lives in the URL (tab, open grant or scenario, whom for), so a notification link or a reload
 * lands on the same view: `?tab=scenarios&scenario=scn_…&for=usr_…`, `?grant=cgr_…`.
 */
function useHubParams() {
  const [sp, setSp] = useSearchParams();
  const raw = sp.get('tab') ?? '';
  const tab: Tab = (TABS as readonly string[]).includes(raw) ? (raw as Tab) : 'active';
  const set = (patch: Patch) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSp(next);
  };
  return { sp, tab, set };
}

function TabLabel({
  tab,
  text,
  count,
  pending,
}: {
  tab: Tab;
  text: string;
  count?: number;
  pending?: boolean;
}) {
  return (
    <span data-testid={`consent-tab-${tab}`}>
      {text}
      {count !== undefined && (
        <Badge
          count={count}
          showZero={!pending}
          color={pending ? undefined : '#8c8c8c'}
          style={{ marginInlineStart: 6 }}
        />
      )}
    </span>
  );
}

/** 有效授权 or 授权历史: the grants as cards, filtered to one person when the caller is also a guardian. */
function GrantsTab(props: {
  query: ReturnType<typeof useMyGrants>;
  list: ConsentGrant[];
  me: Person | undefined;
  subject: string;
  empty: ReactNode;
  set: (p: Patch) => void;
}) {
  const { query, list, me, subject, empty, set } = props;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.isError) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      {me && <SubjectFilter me={me} value={subject} onChange={(v) => set({ subject: v })} />}
      <GrantList grants={list} me={me} empty={empty} onOpen={(id) => set({ grant: id })} />
    </>
  );
}

/** 我的授权: the person's grants (and their wards'), the scenarios open to consent, and guardianship. */
export function MyConsentPage() {
  const t = useT();
  const c = t.consentPerson;
  const { sp, tab, set } = useHubParams();
  const phone = useIsPhone();
  const me = usePerson();
  const grants = useMyGrants();
  const subject = sp.get('subject') ?? 'all';
  const shown = (grants.data?.items ?? []).filter((g) => subject === 'all' || g.subjectId === subject);
  const active = shown.filter((g) => g.status === 'active');
  const pendingWards = me.data?.wards.filter((w) => w.status === 'pending').length ?? 0;
  if (me.isError)
    return (
      <PageContainer title={t.consent.mine}>
        <QueryErrorResult error={me.error} onRetry={() => void me.refetch()} />
      </PageContainer>
    );
  const tabProps = { query: grants, me: me.data, subject, set };
  const goScenarios = (
    <Button type="primary" onClick={() => set({ tab: 'scenarios' })} data-testid="go-scenarios">
      {c.list.goScenarios}
    </Button>
  );
  const items = [
    {
      key: 'active',
      label: <TabLabel tab="active" text={c.tabs.active} count={grants.data && active.length} />,
      children: (
        <GrantsTab
          {...tabProps}
          list={active}
          empty={<GrantsEmpty text={c.list.emptyActive} action={goScenarios} />}
        />
      ),
    },
    {
      key: 'history',
      label: <TabLabel tab="history" text={c.tabs.history} />,
      children: (
        <GrantsTab
          {...tabProps}
          list={shown.filter((g) => g.status !== 'active')}
          empty={<GrantsEmpty text={c.list.emptyHistory} />}
        />
      ),
    },
    {
      key: 'scenarios',
      label: <TabLabel tab="scenarios" text={c.tabs.scenarios} />,
      children: me.data ? (
        <ScenarioList
          me={me.data}
          grants={grants.data?.items}
          page={pageOf(sp).page}
          onPage={(p) => set({ page: String(p) })}
          onOpen={(id) => set({ scenario: id })}
        />
      ) : (
        <Skeleton active />
      ),
    },
    ...(me.data?.wards.length
      ? [
          {
            key: 'wards',
            label: <TabLabel tab="wards" text={c.tabs.wards} count={pendingWards || undefined} pending />,
            children: (
              <WardsPanel
                me={me.data}
                onGrantFor={(id) => set({ tab: 'scenarios', for: id })}
                onViewGrants={(id) => set({ tab: 'active', subject: id })}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <PageContainer title={t.consent.mine} subTitle={c.subtitle}>
      <Flex vertical gap={16}>
        <PersonCard me={me.data} />
        <Card size="small" styles={{ body: { paddingTop: 0 } }}>
          <Tabs
            activeKey={tab}
            onChange={(k) => set({ tab: k, subject: null, page: null })}
            items={items}
            tabBarGutter={phone ? 16 : undefined}
          />
        </Card>
      </Flex>
      <GrantDrawer id={sp.get('grant')} me={me.data} onClose={() => set({ grant: null })} />
      <ScenarioDrawer
        id={sp.get('scenario')}
        me={me.data}
        grants={grants.data?.items}
        subjectId={sp.get('for') ?? me.data?.userId ?? ''}
        onSubject={(id) => set({ for: id })}
        onOpenGrant={(id) => set({ grant: id, scenario: null })}
        onClose={() => set({ scenario: null })}
      />
    </PageContainer>
  );
}
