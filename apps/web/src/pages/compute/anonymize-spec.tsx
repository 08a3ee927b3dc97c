import type { AnonymizeSpec, HierarchySpec } from '@shuliu/contracts';
import { Descriptions, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { formatPercent } from '../../lib/format';
import { hierarchyHeight } from './anonymize-form';

/** A hierarchy in a few words: "Intervals 100, 200 · 4 levels" or "Table 3 value(s), 2 levels". */
function HierarchyTag({ column, h }: { column: string; h: HierarchySpec }) {
  const t = useT();
  const a = t.compute.anon;
  const detail =
    h.kind === 'intervals'
      ? `${h.bands.join(', ')} · ${a.levelCount(hierarchyHeight(h))}`
      : a.tableParsed(h.rows.length, hierarchyHeight(h));
  return (
    <Tag data-testid={`anon-spec-qi-${column}`}>
      <Typography.Text code>{column}</Typography.Text> {t.common.aside(a.kind[h.kind], detail)}
    </Tag>
  );
}

/** An anonymized export's spec as the job page and the wizard's review show it. */
export function AnonymizeSpecView({ spec, extra }: { spec: AnonymizeSpec; extra?: ReactNode }) {
  const t = useT();
  const a = t.compute.anon;
  const criteria = [
    `k = ${spec.k}`,
    spec.l != null && t.common.aside(`l = ${spec.l}`, a.lVariant[spec.lVariant ?? 'distinct']),
    spec.t != null && t.common.aside(`t = ${spec.t}`, a.tDistance[spec.tDistance ?? 'equal']),
  ].filter((c): c is string => typeof c === 'string');
  return (
    <Descriptions column={1} size="small" bordered data-testid="anon-spec">
      <Descriptions.Item label={a.title}>{spec.title}</Descriptions.Item>
      <Descriptions.Item label={a.qis}>
        <Space size={[4, 4]} wrap>
          {spec.quasiIdentifiers.map((q) => (
            <HierarchyTag key={q.column} column={q.column} h={q.hierarchy} />
          ))}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={a.criteria}>
        {t.common.list(criteria)}
        {spec.sensitive && (
          <>
            {' — '}
            {a.sensitiveIs} <Typography.Text code>{spec.sensitive}</Typography.Text>
          </>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={a.suppressionLimit}>{formatPercent(spec.suppressionLimit)}</Descriptions.Item>
      <Descriptions.Item label={a.metric}>{a.metrics[spec.metric ?? 'loss']}</Descriptions.Item>
      <Descriptions.Item label={a.keep}>
        {spec.keep.length ? (
          <Space size={[4, 4]} wrap>
            {spec.keep.map((c) => (
              <Tag key={c}>{c}</Tag>
            ))}
          </Space>
        ) : (
          a.none
        )}
      </Descriptions.Item>
      {extra}
    </Descriptions>
  );
}
