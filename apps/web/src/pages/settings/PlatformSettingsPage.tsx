import { Alert, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n/I18nProvider';
import { CalendarCard } from './CalendarCard';
import { GradingCard } from './GradingCard';
import { RegistryRulesCard } from './RegistryRulesCard';
import { SharingPeriodsCard } from './SharingPeriodsCard';
import { TradeFeeCard } from './TradeFeeCard';
import { QualitySettingsCard } from '../quality/reports/QualitySettingsCard';

const TABS = ['grading', 'sharing', 'trade', 'quality', 'calendar', 'registry'] as const;
type Tab = (typeof TABS)[number];

/** 平台规则 (operator): the RULES.md ⚠ values beside the registry's settings, and the working-day calendar. */
export function PlatformSettingsPage() {
  const t = useT();
  const [sp, setSp] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(sp.get('tab') ?? '')
    ? (sp.get('tab') as Tab)
    : 'grading';
  return (
    <PageContainer title={t.platformSettings.title}>
      <Alert type="info" showIcon title={t.platformSettings.intro} style={{ marginBottom: 16 }} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setSp({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'grading', label: t.platformSettings.gradingTab, children: <GradingCard /> },
          { key: 'sharing', label: t.platformSettings.sharingTab, children: <SharingPeriodsCard /> },
          { key: 'trade', label: t.settlement.feeTab, children: <TradeFeeCard /> },
          { key: 'quality', label: t.quality.settings, children: <QualitySettingsCard /> },
          { key: 'calendar', label: t.platformSettings.calendarTab, children: <CalendarCard /> },
          { key: 'registry', label: t.platformSettings.registryTab, children: <RegistryRulesCard /> },
        ]}
      />
    </PageContainer>
  );
}
