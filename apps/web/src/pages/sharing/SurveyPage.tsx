import { CameraOutlined } from '@ant-design/icons';
import type { Survey } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Row, Segmented, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { GRADE_LOOK } from '../../components/CatalogTags';
import { ChartCard, type ChartRow } from '../../components/ChartCard';
import { PageContainer } from '../../components/PageContainer';
import { QueryErrorAlert, useErrorText } from '../../components/QueryError';
import { useSectorName, useSectors } from '../../components/SectorSelect';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import { formatBytes, formatCount } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { SharingStatsCard } from './SharingStatsCard';
import { barOption, lineOption, METRICS, pieOption, rowsOf, type Metric } from './survey-charts';

const GRADE_COLOURS = Object.fromEntries(Object.entries(GRADE_LOOK).map(([g, l]) => [g, l.hex]));

function Totals({ survey, loading }: { survey: Survey | undefined; loading: boolean }) {
  const t = useT();
  const s = t.survey;
  const x = survey?.totals;
  const items: [string, string | number][] = [
    [s.resources, x?.resources ?? 0],
    [s.published, x?.published ?? 0],
    [s.orgs, x?.orgs ?? 0],
    [s.files, x?.files ?? 0],
    [s.rows, formatCount(x?.rows ?? 0)],
    [s.bytes, formatBytes(x?.bytes ?? 0)],
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {items.map(([title, value]) => (
        <Col key={title} xs={12} md={8} xl={4}>
          <Card>
            <Statistic title={title} value={value} loading={loading} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The five breakdowns of the survey in one measure, each a chart with its table view and export. */
function useBreakdowns(survey: Survey | undefined, metric: Metric) {
  const t = useT();
  const sectors = useSectors();
  const nameOf = useSectorName();
  return useMemo(() => {
    if (!survey) return null;
    const sector = (code: string, label: string | null) => {
      const s = sectors.data?.items.find((x) => x.code === code);
      return s ? nameOf(s) : (label ?? code);
    };
    const bySector = rowsOf(survey.bySector, metric, (b) => sector(b.key, b.label), { top: 15 });
    const byRegion = rowsOf(survey.byRegion, metric, (b) => b.label ?? b.key);
    const byGrade = rowsOf(survey.byGrade, metric, (b) => enumLabel(t.grade, b.key), { keepOrder: true });
    const bySubject = rowsOf(survey.bySubjectType, metric, (b) => enumLabel(t.subjectType, b.key));
    const byOrg = rowsOf(survey.byOrg, metric, (b) => b.label ?? b.key, { top: 15 });
    return {
      bySector: { rows: bySector, option: barOption(bySector) },
      byRegion: { rows: byRegion, option: barOption(byRegion) },
      byGrade: { rows: byGrade, option: pieOption(byGrade, GRADE_COLOURS) },
      bySubject: { rows: bySubject, option: pieOption(bySubject) },
      byOrg: { rows: byOrg, option: barOption(byOrg, true) },
    };
  }, [survey, metric, t, sectors.data, nameOf]);
}

/** 资源调查: how many resources, files, rows and bytes, by sector, region, grade, subject and holder. */
export function SurveyPage() {
  const t = useT();
  const s = t.survey;
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const { hasRole } = useAuth();
  const [metric, setMetric] = useState<Metric>('resources');
  const q = useQuery({ queryKey: ['survey', 'current'], queryFn: () => sdk.survey.current() });
  const history = useQuery({ queryKey: ['survey', 'history'], queryFn: () => sdk.survey.history() });
  const snapshot = useMutation({
    mutationFn: () => sdk.survey.snapshot(),
    onSuccess: () => {
      void message.success(s.snapshotDone);
      void qc.invalidateQueries({ queryKey: ['survey'] });
    },
    onError: (e) => void message.error(errText(e)),
  });
  const charts = useBreakdowns(q.data, metric);
  const trend: ChartRow[] = useMemo(
    () =>
      (history.data?.items ?? []).map((h) => ({
        key: h.id,
        name: formatTime(h.takenAt, 'MM-DD HH:mm'),
        value: h.totals[metric],
      })),
    [history.data, metric],
  );
  const trendOption = useMemo(() => lineOption(trend), [trend]);
  const metricLabel = s[metric];
  const card = (key: keyof NonNullable<typeof charts>, title: string) => (
    <ChartCard
      title={title}
      rows={charts?.[key].rows ?? []}
      option={charts?.[key].option ?? {}}
      loading={q.isPending}
      error={q.error}
      onRetry={() => void q.refetch()}
      filename={`survey-${key}-${metric}`}
      valueTitle={metricLabel}
      nameTitle={title}
      testId={`chart-${key}`}
    />
  );
  const extra = hasRole('operator') && (
    <Button icon={<CameraOutlined />} loading={snapshot.isPending} onClick={() => snapshot.mutate()}>
      {s.snapshot}
    </Button>
  );
  return (
    <PageContainer title={s.title} subTitle={q.data && s.takenAt(formatTime(q.data.takenAt))} extra={extra}>
      {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Totals survey={q.data} loading={q.isPending} />
      <Flex align="center" gap={8} style={{ marginBottom: 16 }}>
        <Typography.Text>{s.metric}:</Typography.Text>
        <Segmented
          value={metric}
          onChange={(v) => setMetric(v as Metric)}
          options={METRICS.map((m) => ({ value: m, label: s[m] }))}
        />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          {card('bySector', s.bySector)}
        </Col>
        <Col xs={24} xl={12}>
          {card('byGrade', s.byGrade)}
        </Col>
        <Col xs={24} xl={12}>
          {card('byRegion', s.byRegion)}
        </Col>
        <Col xs={24} xl={12}>
          {card('bySubject', s.bySubject)}
        </Col>
        <Col xs={24} xl={12}>
          {card('byOrg', s.byOrg)}
        </Col>
        <Col xs={24} xl={12}>
          {trend.length ? (
            <ChartCard
              title={s.trend}
              rows={trend}
              option={trendOption}
              filename={`survey-trend-${metric}`}
              valueTitle={metricLabel}
              summable={false}
              testId="chart-trend"
            />
          ) : (
            <Card title={s.trend}>
              <Typography.Text type="secondary">{s.noHistory}</Typography.Text>
            </Card>
          )}
        </Col>
        <Col span={24}>
          <SharingStatsCard />
        </Col>
      </Row>
    </PageContainer>
  );
}
