import { GRADES, type ProductSearchReply } from '@shuliu/contracts';
import { Button, Card, Checkbox, Flex, Typography } from 'antd';
import { useSectorName, useSectors } from '../../components/SectorSelect';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import { useBoards } from './market-queries';

export const FACETS = ['board', 'sector', 'deliveryMode', 'priceModel', 'grade'] as const;
export type FacetKey = (typeof FACETS)[number];
type Bucket = ProductSearchReply['facets']['board'][number];

/** The marketplace's facets: checkbox lists with the number of listings beside each value (from the API). */
export function MarketFacets({
  facets,
  selected,
  onChange,
  onClear,
}: {
  facets: ProductSearchReply['facets'] | undefined;
  selected: Record<FacetKey, string[]>;
  onChange: (k: FacetKey, v: string[]) => void;
  onClear: () => void;
}) {
  const t = useT();
  const { lang } = useI18n();
  const boards = useBoards();
  const sectors = useSectors();
  const sectorName = useSectorName();
  const label = (k: FacetKey, b: Bucket): string => {
    if (k === 'board') {
      const board = boards.data?.items.find((x) => x.code === b.value);
      return (lang === 'en-US' && board?.nameEn) || board?.name || b.label || b.value;
    }
    if (k === 'sector') {
      const s = sectors.data?.items.find((x) => x.code === b.value);
      return s ? sectorName(s) : (b.label ?? b.value);
    }
    if (k === 'deliveryMode') return t.market.deliveryMode[b.value] ?? b.value;
    if (k === 'priceModel') return t.market.priceKind[b.value] ?? b.value;
    return enumLabel(t.grade, b.value);
  };
  const order = (k: FacetKey, list: Bucket[]) =>
    k === 'grade'
      ? [...list].sort((a, b) => GRADES.indexOf(a.value as never) - GRADES.indexOf(b.value as never))
      : list;
  const any = FACETS.some((k) => selected[k].length > 0);
  return (
    <Card
      title={t.market.filters}
      extra={
        any && (
          <Button type="link" size="small" onClick={onClear} data-testid="market-clear">
            {t.market.clearFilters}
          </Button>
        )
      }
      data-testid="market-facets"
    >
      {FACETS.map((k) => {
        const buckets = order(k, facets?.[k] ?? []);
        const shown = [
          ...buckets,
          ...selected[k]
            .filter((v) => !buckets.some((b) => b.value === v))
            .map((v) => ({ value: v, label: null, count: 0 })),
        ];
        if (shown.length === 0) return null;
        return (
          <div key={k} style={{ marginBottom: 16 }} data-testid={`facet-${k}`}>
            <Typography.Text strong>{t.market.facet[k]}</Typography.Text>
            <Checkbox.Group
              value={selected[k]}
              onChange={(v) => onChange(k, v)}
              style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 8 }}
            >
              {shown.map((b) => (
                <Checkbox key={b.value} value={b.value} data-value={b.value}>
                  <Flex justify="space-between" gap={8} style={{ minWidth: 150 }}>
                    <span>{label(k, b)}</span>
                    <Typography.Text type="secondary">{b.count}</Typography.Text>
                  </Flex>
                </Checkbox>
              ))}
            </Checkbox.Group>
          </div>
        );
      })}
    </Card>
  );
}
