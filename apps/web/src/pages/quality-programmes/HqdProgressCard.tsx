import { useQuery } from '@tanstack/react-query';
import { Card, Progress, Space, Statistic } from 'antd';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';

/** The operator's dashboard: this year's provincial 高质量数据集 against the yearly target (RULES.md: ≥ 10). */
export function HqdProgressCard() {
  const x = useT().hqd;
  const q = useQuery({ queryKey: ['hqd', 'progress'], queryFn: () => sdk.qualityProgrammes.progress() });
  const p = q.data;
  return (
    <Card
      title={`${x.progress}${p ? ` · ${p.year}` : ''}`}
      loading={q.isPending}
      extra={<Link to="/quality/high-quality-datasets">{x.list}</Link>}
      data-testid="hqd-progress"
    >
      <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      {p && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Progress
            percent={p.target ? Math.min(100, Math.round((p.provincial / p.target) * 100)) : 100}
            format={() => x.progressOf(p.provincial, p.target)}
            status={p.provincial >= p.target ? 'success' : 'active'}
          />
          <Space size="large">
            <Statistic title={x.municipal} value={p.municipal} />
            <Statistic title={x.inReview} value={p.inReview} />
          </Space>
        </Space>
      )}
    </Card>
  );
}
