import {
  DCMM_AREAS,
  DCMM_QUESTIONNAIRE,
  type DcmmArea,
  type DcmmResult,
  type DcmmStatement,
} from '@shuliu/contracts';
import { Card, Col, List, Row, Statistic, Tag, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { ChartCard } from '../../components/ChartCard';
import { useI18n, useT } from '../../i18n/I18nProvider';

export const STATEMENTS = new Map<string, DcmmStatement>(DCMM_QUESTIONNAIRE.map((s) => [s.id, s]));

/** A statement in the reader's language, with the other language beneath (the questionnaire is bilingual). */
export function StatementText({ id }: { id: string }) {
  const { lang } = useI18n();
  const s = STATEMENTS.get(id);
  if (!s) return <>{id}</>;
  const [main, gloss] = lang === 'en-US' ? [s.en, s.zh] : [s.zh, s.en];
  return (
    <>
      <Typography.Text>{main}</Typography.Text>
      <br />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {gloss}
      </Typography.Text>
    </>
  );
}

/** Bars of a level (1–5) per area: the axis stops at 5 so two charts read alike. */
export function levelBars(names: string[], series: { name: string; values: number[] }[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisTick: { show: false }, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', min: 0, max: 5, interval: 1 },
    series: series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      barMaxWidth: 28,
      itemStyle: { color: ['#91caff', '#1677ff'][i % 2], borderRadius: [4, 4, 0, 0] },
      data: s.values,
    })),
  };
}

export function useLevelName() {
  const x = useT().dcmm;
  return (n: number) => `${x.levelN(n)} ${x.levels[n] ?? ''}`;
}

/** The result of an assessment: score, overall level, a chart of the areas and the improvement suggestions. */
export function DcmmResultView({ result, id }: { result: DcmmResult; id: string }) {
  const x = useT().dcmm;
  const levelName = useLevelName();
  const rows = result.areas.map((a) => ({ key: a.area, name: x.areas[a.area], value: a.level }));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <ChartCard
          title={x.levelByArea}
          rows={rows}
          option={levelBars(
            rows.map((r) => r.name),
            [{ name: x.level, values: rows.map((r) => r.value) }],
          )}
          filename={`dcmm-${id}`}
          nameTitle={x.area}
          valueTitle={x.level}
          summable={false}
          testId="dcmm-result-chart"
        />
      </Col>
      <Col xs={24} lg={10}>
        <Card>
          <Row gutter={16}>
            <Col span={12}>
              <Statistic title={x.score} value={result.score} precision={2} suffix="/ 5" />
            </Col>
            <Col span={12}>
              <Statistic title={x.overall} value={levelName(result.level)} />
            </Col>
          </Row>
        </Card>
        <Card
          title={x.suggestions}
          extra={<Typography.Text type="secondary">{x.suggestionsHelp}</Typography.Text>}
          style={{ marginTop: 16 }}
        >
          <List
            size="small"
            dataSource={result.areas}
            renderItem={(a) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <>
                      {x.areas[a.area]} <Tag>{levelName(a.level)}</Tag>
                    </>
                  }
                  description={
                    a.suggestions.length ? (
                      <ul style={{ paddingInlineStart: 18, margin: 0 }}>
                        {a.suggestions.map((id) => (
                          <li key={id}>
                            <StatementText id={id} />
                          </li>
                        ))}
                      </ul>
                    ) : (
                      x.noSuggestions
                    )
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}

export const statementsOf = (area: DcmmArea) => DCMM_QUESTIONNAIRE.filter((s) => s.area === area);
export { DCMM_AREAS };
