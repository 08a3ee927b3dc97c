import type { DemandStats } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Segmented, Statistic } from 'antd';
import { useMemo, useState } from 'react';
import { sdk } from '../../api/sdk';
import { ChartCard, type ChartRow } from '../../components/ChartCard';
import { PageContainer } from '../../components/PageContainer';
import { useSectorName, useSectors } from '../../components/SectorSelect';
import { useT } from '../../i18n/I18nProvider';
import { barOption, lineOption, pieOption } from '../sharing/survey-charts';
import { useRegionName } from './DemandParts';

type Key = 'bySector' | 'byRegion' | 'byMonth' | 'byBudgetBand';

/** 市场需求调查: what buyers want, by sector, province, month and budget band; each chart with a table and export. */
export function DemandSurveyPage() {
  const t = useT();
  const x = t.demands;
  const [months, setMonths] = useState(12);
  const sectors = useSectors();
  const nameOf = useSectorName();
  const region = useRegionName();
  const q = useQuery({
    queryKey: ['demands', 'stats', months],
    queryFn: () => sdk.demands.stats({ query: { months } }),
  });
  const charts = useMemo(() => {
    const s: DemandStats | undefined = q.data;
    if (!s) return null;
    const sector = (code: string, label: string | null) => {
      const found = sectors.data?.items.find((i) => i.code === code);
      return found ? nameOf(found) : (label ?? code);
    };
    const rows = (key: Key, name: (v: string, label: string | null) => string): ChartRow[] =>
      s[key].map((b) => ({ key: b.value, name: name(b.value, b.label), value: b.count }));
    const bySector = rows('bySector', sector).slice(0, 15);
    const byRegion = rows('byRegion', (v) => region(v));
    const byMonth = rows('byMonth', (v) => v);
    const byBudgetBand = rows('byBudgetBand', (v) => x.band[v] ?? v);
    return {
      bySector: { rows: bySector, option: barOption(bySector, true) },
      byRegion: { rows: byRegion, option: pieOption(byRegion) },
      byMonth: { rows: byMonth, option: lineOption(byMonth) },
      byBudgetBand: { rows: byBudgetBand, option: barOption(byBudgetBand) },
    };
  }, [q.data, sectors.data, nameOf, region, x.band]);
  const card = (key: Key, title: string) => (
    <ChartCard
      title={title}
      rows={charts?.[key].rows ?? []}
      option={charts?.[key].option ?? {}}
      loading={q.isPending}
      error={q.error}
      onRetry={() => void q.refetch()}
      filename={`demand-survey-${key}`}
      nameTitle={title}
      valueTitle={x.demandsCount}
      testId={`demand-chart-${key}`}
    />
  );
  const totals: [string, number | undefined][] = [
    [x.total, q.data?.total],
    [x.open, q.data?.open],
    [x.answeredCount, q.data?.answered],
    [x.matched, q.data?.matched],
  ];
  return (
    <PageContainer
      title={x.survey}
      subTitle={x.surveySub}
      extra={
        <Flex align="center" gap={8}>
          {x.months}
          <Segmented value={months} onChange={(v) => setMonths(Number(v))} options={[6, 12, 24, 36]} />
        </Flex>
      }
    >
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {totals.map(([title, value]) => (
          <Col key={title} xs={12} md={6}>
            <Card>
              <Statistic title={title} value={value ?? 0} loading={q.isPending} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          {card('bySector', x.bySector)}
        </Col>
        <Col xs={24} xl={12}>
          {card('byRegion', x.byRegion)}
        </Col>
        <Col xs={24} xl={12}>
          {card('byMonth', x.byMonth)}
        </Col>
        <Col xs={24} xl={12}>
          {card('byBudgetBand', x.byBudget)}
        </Col>
      </Row>
    </PageContainer>
  );
}
