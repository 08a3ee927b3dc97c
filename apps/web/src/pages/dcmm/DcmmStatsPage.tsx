import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { sdk } from '../../api/sdk';
import { ChartCard } from '../../components/ChartCard';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n/I18nProvider';
import { barOption } from '../sharing/survey-charts';
import { levelBars, useLevelName } from './dcmm-parts';

/** The operator's view of DCMM across the province: orgs per overall level and the mean level per area. */
export function DcmmStatsPage() {
  const x = useT().dcmm;
  const levelName = useLevelName();
  const q = useQuery({ queryKey: ['dcmm', 'stats'], queryFn: () => sdk.dcmm.stats() });
  const s = q.data;
  const byLevel = (s?.byLevel ?? []).map((l) => ({
    key: String(l.level),
    name: levelName(l.level),
    value: l.orgs,
  }));
  const areas = (s?.areaMeans ?? []).map((a) => ({ key: a.area, name: x.areas[a.area], value: a.mean ?? 0 }));
  return (
    <PageContainer title={x.stats} subTitle={x.intro}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card loading={q.isPending}>
            <Statistic title={x.orgs} value={s?.orgs ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card loading={q.isPending}>
            <Statistic
              title={x.scoreMean}
              value={s?.scoreMean ?? '—'}
              precision={s?.scoreMean == null ? undefined : 2}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={x.byLevel}
            rows={byLevel}
            option={barOption(byLevel)}
            loading={q.isPending}
            error={q.error}
            onRetry={() => void q.refetch()}
            filename="dcmm-orgs-by-level"
            nameTitle={x.overall}
            valueTitle={x.orgCount}
            testId="dcmm-by-level"
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={x.areaMeans}
            rows={areas}
            option={levelBars(
              areas.map((a) => a.name),
              [{ name: x.mean, values: areas.map((a) => a.value) }],
            )}
            loading={q.isPending}
            error={q.error}
            onRetry={() => void q.refetch()}
            filename="dcmm-area-means"
            nameTitle={x.area}
            valueTitle={x.mean}
            summable={false}
            testId="dcmm-area-means"
          />
        </Col>
      </Row>
    </PageContainer>
  );
}
