import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Demand } from '@shuliu/contracts';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { QueryState } from '../../components/QueryState';
import { SectorName } from '../../components/SectorSelect';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { AnswerModal } from './AnswerModal';
import { DemandStateTag, useBudgetText, useRegionName } from './DemandParts';

/** One demand, public while open; a merchant answers it, its own org goes on to its matches. */
export function DemandDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const d = t.demands;
  const { hasRole, me, token } = useAuth();
  const budget = useBudgetText();
  const region = useRegionName();
  const [answering, setAnswering] = useState<Demand | null>(null);
  const q = useQuery({
    queryKey: ['demands', 'one', id, !!token],
    queryFn: () => sdk.demands.get({ params: { id } }),
  });
  if (q.isPending || q.isError) return <QueryState q={q} title={d.board} />;
  const x = q.data;
  const own = !!me?.org && me.org.id === x.orgId;
  const extra = (
    <Space>
      {own && (
        <Link to={`/market/my/demands?demand=${x.id}`}>
          <Button>{d.matchesTitle}</Button>
        </Link>
      )}
      {!own && x.state === 'open' && hasRole('merchant') && (
        <Button type="primary" onClick={() => setAnswering(x)} data-testid="answer-demand">
          {d.answer}
        </Button>
      )}
      {!token && x.state === 'open' && (
        <Link to={`/login?redirect=/market/demands/${x.id}`}>
          <Button>{d.loginToAnswer}</Button>
        </Link>
      )}
    </Space>
  );
  return (
    <PageContainer title={x.title} subTitle={<DemandStateTag state={x.state} />} extra={extra}>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={d.buyer}>{x.orgName ?? x.orgId}</Descriptions.Item>
          <Descriptions.Item label={d.budget}>{budget(x)}</Descriptions.Item>
          <Descriptions.Item label={d.sector}>
            <SectorName code={x.sector} fallback={x.sectorName} />
          </Descriptions.Item>
          <Descriptions.Item label={d.region}>{region(x.region)}</Descriptions.Item>
          <Descriptions.Item label={d.grades}>
            {x.grades.map((g) => (
              <Tag key={g}>{t.grade[g]}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={d.deadline}>{x.deadline}</Descriptions.Item>
          <Descriptions.Item label={d.postedAt}>{formatTime(x.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={d.answersCount}>{x.answerCount}</Descriptions.Item>
          <Descriptions.Item label={d.purpose} span={2}>
            {x.purpose}
          </Descriptions.Item>
          <Descriptions.Item label={d.description} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {x.description}
            </Typography.Paragraph>
          </Descriptions.Item>
          {x.closeReason && (
            <Descriptions.Item label={t.common.reason} span={2}>
              {x.closeReason}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <AnswerModal demand={answering} onClose={() => setAnswering(null)} />
    </PageContainer>
  );
}
