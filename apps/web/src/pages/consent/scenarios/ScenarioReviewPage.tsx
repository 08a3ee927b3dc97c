import type { Scenario } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Result, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams } from 'react-router';
import { sdk } from '../../../api/sdk';
import { ListCard } from '../../../components/ListCard';
import { PageContainer } from '../../../components/PageContainer';
import { useT } from '../../../i18n/I18nProvider';
import type { Messages } from '../../../i18n/zh-CN';
import { formatTime } from '../../../lib/time';
import { useListParams, usePagination } from '../../../lib/use-list-params';
import { ScenarioReviewForm } from './ScenarioReviewForm';
import { CategoryTag, scenarioKeys, useScenario } from './scenario-parts';
import { isSensitive } from './scenario-rules';
import { QueryState } from '../../../components/QueryState';

const inReview = (s: Scenario) => s.versions.find((v) => v.status === 'in_review');

function columns(t: Messages): ColumnsType<Scenario> {
  const c = t.consentScenarios;
  return [
    { key: 'title', title: c.scenario, render: (_, s) => s.title },
    { key: 'org', title: c.org, render: (_, s) => s.orgName ?? s.orgId },
    {
      key: 'version',
      title: c.reviewVersion,
      render: (_, s) => {
        const v = inReview(s);
        return v ? c.version(v.version) : '—';
      },
    },
    {
      key: 'sensitive',
      title: c.sensitive,
      render: (_, s) => {
        const cats = [
          ...new Set(
            inReview(s)
              ?.fields.map((f) => f.category)
              .filter(isSensitive),
          ),
        ];
        return cats.length ? (
          <Space size={[0, 4]} wrap>
            {cats.map((k) => (
              <CategoryTag key={k} category={k} />
            ))}
          </Space>
        ) : (
          '—'
        );
      },
    },
    { key: 'submittedAt', title: c.submittedAt, render: (_, s) => formatTime(inReview(s)?.createdAt) },
    {
      key: 'actions',
      title: t.common.actions,
      render: (_, s) => (
        <Link to={`/consent/review/${s.id}`} data-testid={`review-open-${s.id}`}>
          {c.doReview}
        </Link>
      ),
    },
  ];
}

/** 待审查场景: scenarios with a version in review, paged on the server. */
function ReviewQueue() {
  const t = useT();
  const c = t.consentScenarios;
  const lp = useListParams([] as const);
  const query = useQuery({
    queryKey: [...scenarioKeys.queue, lp.page, lp.pageSize],
    queryFn: () =>
      sdk.consent.scenarios({ query: { status: 'in_review', page: lp.page, pageSize: lp.pageSize } }),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={t.consent.review}>
      <ListCard<Scenario>
        id="consent-review"
        title={c.queue}
        columns={columns(t)}
        testId="review-queue"
        error={query.error}
        onRefresh={() => void query.refetch()}
        refreshing={query.isFetching}
        table={{
          rowKey: 'id',
          loading: query.isPending,
          dataSource: query.data?.items,
          pagination: usePagination(lp, query.data?.total),
          locale: { emptyText: <Typography.Text type="secondary">{c.queueEmpty}</Typography.Text> },
        }}
      />
    </PageContainer>
  );
}

/** One scenario's version in review, or word that there is none (reviewed meanwhile). */
function ReviewOne({ id }: { id: string }) {
  const t = useT();
  const c = t.consentScenarios;
  const q = useScenario(id);
  const back = (
    <Link to="/consent/review">
      <Button>{c.backToQueue}</Button>
    </Link>
  );
  if (q.isPending || q.isError) return <QueryState q={q} />;
  const s = q.data;
  const v = inReview(s);
  return (
    <PageContainer title={s.title} subTitle={s.orgName ?? s.orgId} extra={back}>
      {v ? (
        <ScenarioReviewForm key={v.id} s={s} v={v} />
      ) : (
        <Result status="info" title={c.nothingToReview} extra={back} data-testid="review-nothing" />
      )}
    </PageContainer>
  );
}

/** 场景审查 (operators): the queue, and `/:id` the minimal-necessity review of one scenario's new version. */
export function ScenarioReviewPage() {
  const { id } = useParams();
  return id ? <ReviewOne id={id} /> : <ReviewQueue />;
}
