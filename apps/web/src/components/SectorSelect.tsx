import type { Sector } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { sdk } from '../api/sdk';
import { useI18n } from '../i18n/I18nProvider';

export interface SectorNode {
  sector: Sector;
  children: SectorNode[];
}

/** The sector tree (行业分类) is public and changes rarely: one cached query for every page. */
export function useSectors() {
  return useQuery({
    queryKey: ['catalog', 'sectors'],
    queryFn: () => sdk.catalog.sectors(),
    staleTime: 5 * 60_000,
  });
}

/** Parents before children, siblings by their sort order then code. */
export function sectorTree(items: readonly Sector[]): SectorNode[] {
  const nodes = new Map(items.map((s) => [s.code, { sector: s, children: [] as SectorNode[] }]));
  const roots: SectorNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.sector.parentCode ? nodes.get(n.sector.parentCode) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  const order = (list: SectorNode[]) => {
    list.sort((a, b) => a.sector.sort - b.sector.sort || a.sector.code.localeCompare(b.sector.code));
    for (const n of list) order(n.children);
  };
  order(roots);
  return roots;
}

/** A sector's name in the portal's language. */
export function useSectorName(): (s: Pick<Sector, 'name' | 'nameEn'>) => string {
  const { lang } = useI18n();
  return (s) => (lang === 'en-US' && s.nameEn ? s.nameEn : s.name);
}

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

/** A TreeSelect over the sector tree; `exclude` drops a sector and its subtree (a sector cannot be its own parent). */
export function SectorSelect({
  value,
  onChange,
  placeholder,
  exclude,
  id,
  testId,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  placeholder?: string;
  exclude?: string;
  id?: string;
  testId?: string;
}) {
  const q = useSectors();
  const nameOf = useSectorName();
  const toOptions = (list: SectorNode[]): TreeOption[] =>
    list
      .filter((n) => n.sector.code !== exclude)
      .map((n) => ({
        value: n.sector.code,
        title: `${nameOf(n.sector)} (${n.sector.code})`,
        children: toOptions(n.children),
      }));
  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      treeData={toOptions(sectorTree(q.data?.items ?? []))}
      loading={q.isPending}
      placeholder={placeholder}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      treeDefaultExpandAll
      style={{ width: '100%' }}
    />
  );
}

/** A sector's name in the portal's language, from the cached tree (the API gives the Chinese name). */
export function SectorName({ code, fallback }: { code: string; fallback?: string | null }) {
  const q = useSectors();
  const nameOf = useSectorName();
  const s = q.data?.items.find((x) => x.code === code);
  return <>{s ? nameOf(s) : (fallback ?? code)}</>;
}
