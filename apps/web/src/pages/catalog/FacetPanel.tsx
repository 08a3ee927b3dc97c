import { GRADES, ResourceStatus, SubjectType, type ResourceSearchReply } from '@shuliu/contracts';
import { Button, Card, Checkbox, Flex, Typography } from 'antd';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import { useSectorName, useSectors } from '../../components/SectorSelect';
import type { FacetKey } from './use-catalog-params';

type Buckets = ResourceSearchReply['facets']['sector'];

interface Option {
  value: string;
  label: string;
  count?: number;
}

function FacetGroup({
  name,
  title,
  options,
  selected,
  onChange,
}: {
  name: FacetKey;
  title: string;
  options: Option[];
  selected: string[];
  onChange: (k: FacetKey, v: string[]) => void;
}) {
  // A value in force stays listed even when no result has it any more, so that it can be unticked.
  const shown = [
    ...options,
    ...selected
      .filter((v) => !options.some((o) => o.value === v))
      .map((v) => ({ value: v, label: v, count: 0 })),
  ];
  if (shown.length === 0) return null;
  return (
    <div style={{ marginBottom: 16 }} data-testid={`facet-${name}`}>
      <Typography.Text strong>{title}</Typography.Text>
      <Checkbox.Group
        value={selected}
        onChange={(v) => onChange(name, v)}
        style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 8 }}
      >
        {shown.map((o) => (
          <Checkbox key={o.value} value={o.value} data-value={o.value}>
            <Flex justify="space-between" gap={8} style={{ minWidth: 150 }}>
              <span>{o.label}</span>
              {o.count !== undefined && <Typography.Text type="secondary">{o.count}</Typography.Text>}
            </Flex>
          </Checkbox>
        ))}
      </Checkbox.Group>
    </div>
  );
}

/** The search facets: checkbox lists with the number of matching resources beside each value. */
export function FacetPanel({
  facets,
  selected,
  onChange,
  onClear,
  hidden = [],
}: {
  facets: ResourceSearchReply['facets'] | undefined;
  selected: Record<FacetKey, string[]>;
  onChange: (k: FacetKey, v: string[]) => void;
  onClear: () => void;
  /** Facets this list does not offer (e.g. the open-data portal shows public, published data only). */
  hidden?: FacetKey[];
}) {
  const t = useT();
  const sectors = useSectors();
  const nameOf = useSectorName();
  const sectorName = (code: string, fallback: string | null) => {
    const s = sectors.data?.items.find((x) => x.code === code);
    return s ? nameOf(s) : (fallback ?? code);
  };
  const counted = (b: Buckets | undefined, label: (x: Buckets[number]) => string): Option[] =>
    (b ?? []).map((x) => ({ value: x.value, label: label(x), count: x.count }));
  const byGrade = (b: Buckets | undefined) =>
    [...(b ?? [])].sort((x, y) => GRADES.indexOf(x.value as never) - GRADES.indexOf(y.value as never));
  const any = Object.values(selected).some((v) => v.length > 0);
  const group = (name: FacetKey, title: string, options: Option[]) =>
    !hidden.includes(name) && (
      <FacetGroup name={name} title={title} options={options} selected={selected[name]} onChange={onChange} />
    );
  return (
    <Card
      title={t.catalog.filters}
      size="small"
      extra={
        any && (
          <Button type="link" size="small" onClick={onClear} data-testid="facet-clear">
            {t.catalog.clearFilters}
          </Button>
        )
      }
    >
      {group(
        'sector',
        t.catalog.facetSector,
        counted(facets?.sector, (x) => sectorName(x.value, x.label)),
      )}
      {group(
        'grade',
        t.catalog.facetGrade,
        counted(byGrade(facets?.grade), (x) => enumLabel(t.grade, x.value)),
      )}
      {group(
        'openClass',
        t.catalog.facetOpenClass,
        counted(facets?.openClass, (x) => enumLabel(t.openClass, x.value)),
      )}
      {group(
        'org',
        t.catalog.facetOrg,
        counted(facets?.org, (x) => x.label ?? x.value),
      )}
      {group(
        'format',
        t.catalog.facetFormat,
        counted(facets?.format, (x) => (x.label ?? x.value).toUpperCase()),
      )}
      {group(
        'subjectType',
        t.catalog.subjectType,
        SubjectType.options.map((v) => ({ value: v, label: t.subjectType[v] })),
      )}
      {group(
        'status',
        t.catalog.status,
        ResourceStatus.options.map((v) => ({ value: v, label: t.status[v] })),
      )}
    </Card>
  );
}
