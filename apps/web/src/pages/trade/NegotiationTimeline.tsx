import type { DealTerms, NegotiationEvent } from '@shuliu/contracts';
import { Descriptions, Space, Tag, Timeline, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useI18n, useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import { formatYuan } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { divisionName } from '../market/market-parts';
import { NegotiationStateTag } from './trade-parts';

type Terms = NegotiationEvent['terms'] & object;

/** The rows of a set of terms: each with the API fields it shows, so a changed field marks its row. */
function termRows(t: Messages, lang: 'zh-CN' | 'en-US') {
  const m = t.trade;
  const rows: { key: string; label: string; fields: (keyof DealTerms)[]; show: (x: Terms) => ReactNode }[] = [
    { key: 'price', label: m.price, fields: ['priceFen'], show: (x) => formatYuan(x.priceFen) },
    {
      key: 'term',
      label: m.term,
      fields: ['startsOn', 'endsOn'],
      show: (x) => `${x.startsOn} ~ ${x.endsOn}`,
    },
    { key: 'purpose', label: m.purpose, fields: ['purpose'], show: (x) => x.purpose },
    { key: 'region', label: m.region, fields: ['region'], show: (x) => divisionName(x.region, lang) },
    {
      key: 'delivery',
      label: m.deliveryMode,
      fields: ['deliveryMode'],
      show: (x) => t.market.deliveryMode[x.deliveryMode] ?? x.deliveryMode,
    },
    { key: 'template', label: m.template, fields: ['template'], show: (x) => m.templates[x.template] },
    {
      key: 'maxUses',
      label: m.maxUses,
      fields: ['maxUses'],
      show: (x) => (x.maxUses == null ? m.unlimited : x.maxUses),
    },
    { key: 'scope', label: m.scope, fields: ['scope'], show: (x) => x.scope },
    {
      key: 'scenario',
      label: m.scenario,
      fields: ['scenarioVersionId'],
      show: (x) => x.scenarioVersionId ?? '—',
    },
  ];
  return rows;
}

/**
 * Terms as a table; with `previous` and `changed`, the rows that changed from the round before are
 * highlighted with the old value struck through beside the new one.
 */
export function TermsTable({
  terms,
  previous,
  changed = [],
  testId,
}: {
  terms: Terms;
  previous?: Terms | null;
  changed?: readonly string[];
  testId?: string;
}) {
  const t = useT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const items = termRows(t, lang).map((r) => {
    const hit = r.fields.some((f) => changed.includes(f));
    return {
      key: r.key,
      label: r.label,
      span: r.key === 'scope' ? 2 : 1,
      styles: hit ? { content: { background: token.colorWarningBg } } : undefined,
      children: (
        <span data-field={r.key} data-changed={hit || undefined}>
          {hit && previous && (
            <Typography.Text delete type="secondary" style={{ marginRight: 8 }} data-testid="diff-old">
              {r.show(previous)}
            </Typography.Text>
          )}
          <Typography.Text strong={hit}>{r.show(terms)}</Typography.Text>
        </span>
      ),
    };
  });
  return <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={items} data-testid={testId} />;
}

/** 磋商记录: every round with who, when and why, and the terms' changes from the round before. */
export function NegotiationTimeline({ events }: { events: NegotiationEvent[] }) {
  const t = useT();
  const { lang } = useI18n();
  const m = t.trade;
  const rows = termRows(t, lang);
  const labelsOf = (changed: string[]) =>
    rows.filter((r) => r.fields.some((f) => changed.includes(f))).map((r) => r.label);
  const colors = { buyer: 'blue', seller: 'green', platform: 'purple' } as const;
  return (
    <Timeline
      data-testid="negotiation-timeline"
      items={events.map((e, i) => {
        const previous = events
          .slice(0, i)
          .reverse()
          .find((x) => x.terms)?.terms;
        return {
          key: e.seq,
          color: e.kind === 'terminate' ? 'gray' : colors[e.side],
          content: (
            <div data-testid={`timeline-${e.seq}`} data-kind={e.kind} data-side={e.side}>
              <Space wrap size={6}>
                <Tag color={colors[e.side]}>{m.side[e.side]}</Tag>
                <Typography.Text strong>{m.kind[e.kind]}</Typography.Text>
                {e.actorName && <Typography.Text>{e.actorName}</Typography.Text>}
                <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>
                <NegotiationStateTag state={e.state} />
              </Space>
              <Typography.Paragraph
                type={e.message ? undefined : 'secondary'}
                style={{ margin: '6px 0', whiteSpace: 'pre-wrap' }}
              >
                {e.message ?? m.noMessage}
              </Typography.Paragraph>
              {e.terms && (
                <>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {previous ? `${m.changed}：${labelsOf(e.changed).join('、') || '—'}` : m.firstRound}
                  </Typography.Text>
                  <TermsTable
                    terms={e.terms}
                    previous={previous}
                    changed={previous ? e.changed : []}
                    testId={`timeline-terms-${e.seq}`}
                  />
                </>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
