import type { Demand, DemandMatch, MatchPart } from '@shuliu/contracts';
import { Flex, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { formatYuan } from '../../lib/format';
import { regionName } from './provinces';

const STATE_COLOUR: Record<string, string> = { open: 'processing', closed: 'default', expired: 'warning' };

export function DemandStateTag({ state }: { state: Demand['state'] }) {
  const t = useT();
  return <Tag color={STATE_COLOUR[state]}>{t.demands.stateLabel[state] ?? state}</Tag>;
}

/** A budget as the buyer stated it: a range, one end, or 面议. */
export function useBudgetText() {
  const t = useT();
  return (d: Pick<Demand, 'budgetMinFen' | 'budgetMaxFen'>) => {
    const { budgetMinFen: lo, budgetMaxFen: hi } = d;
    if (lo === null && hi === null) return t.demands.budgetOpen;
    if (lo === null) return t.demands.budgetUpTo(formatYuan(hi!));
    if (hi === null) return t.demands.budgetFrom(formatYuan(lo));
    return `${formatYuan(lo)} – ${formatYuan(hi)}`;
  };
}

export function useRegionName() {
  const { lang, t } = useI18n();
  return (code: string | null) => regionName(code, lang, t.demands.anyRegion);
}

/** What a part rests on, in words: the reason, and the figures behind it. */
function PartText({ p }: { p: MatchPart }) {
  const t = useT();
  const d = p.detail;
  let extra = '';
  if (p.key === 'text') extra = t.demands.words(Number(d.matched ?? 0), Number(d.of ?? 0));
  if (p.key === 'price' && d.priceFen !== undefined && d.budgetMaxFen !== undefined)
    extra = t.demands.priceVs(formatYuan(Number(d.priceFen)), formatYuan(Number(d.budgetMaxFen)));
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t.demands.reason[p.reason] ?? p.reason}
      {extra && ` · ${extra}`}
    </Typography.Text>
  );
}

/** The score's parts, each with its points out of its weight; credit shown as not yet rated. */
export function MatchParts({ parts }: { parts: MatchPart[] }) {
  const t = useT();
  return (
    <Flex vertical gap={4} style={{ minWidth: 280 }} data-testid="match-parts">
      {parts.map((p) => (
        <Flex key={p.key} gap={8} align="center">
          <span style={{ width: 88, flex: 'none' }}>{t.demands.part[p.key] ?? p.key}</span>
          {p.value === null ? (
            <Tag>{t.demands.reason[p.reason]}</Tag>
          ) : (
            <Tooltip title={<PartText p={p} />}>
              <Progress
                percent={p.weight ? Math.round((p.points / p.weight) * 100) : 0}
                format={() => `${p.points}/${p.weight}`}
                size="small"
                style={{ width: 160, margin: 0 }}
                status={p.value === 0 ? 'exception' : 'normal'}
              />
            </Tooltip>
          )}
          {p.value !== null && <PartText p={p} />}
        </Flex>
      ))}
    </Flex>
  );
}

export function ScoreTag({ m }: { m: Pick<DemandMatch, 'score' | 'good'> }) {
  const t = useT();
  return (
    <Space size={4}>
      <Tag color={m.good ? 'success' : m.score >= 40 ? 'processing' : 'default'}>{m.score}</Tag>
      {m.good && <Tag color="green">{t.demands.good}</Tag>}
    </Space>
  );
}

/** A demand's ranking: each listed product with its score and the parts it is made of. */
export function MatchesTable({ items, loading }: { items: DemandMatch[]; loading?: boolean }) {
  const t = useT();
  return (
    <Table<DemandMatch>
      rowKey="productId"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: t.demands.noMatches }}
      columns={[
        { title: t.demands.score, width: 140, render: (_, m) => <ScoreTag m={m} /> },
        {
          title: t.demands.product,
          render: (_, m) => (
            <Flex vertical>
              <Link to={`/market/products/${m.productId}`}>{m.productTitle ?? m.productId}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.orgName ?? m.orgId}
              </Typography.Text>
            </Flex>
          ),
        },
        { title: t.demands.parts, render: (_, m) => <MatchParts parts={m.parts} /> },
      ]}
    />
  );
}
