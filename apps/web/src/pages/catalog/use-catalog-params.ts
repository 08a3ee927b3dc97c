import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { pageOf } from '../../lib/use-list-params';

export const FACETS = ['sector', 'grade', 'openClass', 'org', 'format', 'subjectType', 'status'] as const;
export type FacetKey = (typeof FACETS)[number];
export type CatalogSort = 'relevance' | 'updated' | 'title';

export interface CatalogParams {
  q: string;
  sort: CatalogSort;
  page: number;
  pageSize: number;
  facets: Record<FacetKey, string[]>;
}

const SORTS: readonly CatalogSort[] = ['relevance', 'updated', 'title'];

/**
 * The catalog's search lives in the URL, a facet value per repetition (`?grade=general_1&grade=general_2`),
 * so a search can be bookmarked and shared. Any change but paging goes back to page 1.
 */
export function useCatalogParams() {
  const [sp, setSp] = useSearchParams();
  const raw = sp.toString();
  const params = useMemo((): CatalogParams => {
    const p = new URLSearchParams(raw);
    const sort = p.get('sort') as CatalogSort | null;
    const facets = Object.fromEntries(FACETS.map((k) => [k, p.getAll(k)])) as Record<FacetKey, string[]>;
    return {
      q: p.get('q') ?? '',
      sort: sort && SORTS.includes(sort) ? sort : 'relevance',
      ...pageOf(p, 100),
      facets,
    };
  }, [raw]);

  const update = useCallback(
    (change: (p: URLSearchParams) => void, keepPage = false) => {
      const p = new URLSearchParams(raw);
      change(p);
      if (!keepPage) p.delete('page');
      setSp(p);
    },
    [raw, setSp],
  );

  return {
    params,
    setQ: (q: string) => update((p) => (q.trim() ? p.set('q', q.trim()) : p.delete('q'))),
    setSort: (s: CatalogSort) => update((p) => p.set('sort', s)),
    setFacet: (k: FacetKey, values: string[]) =>
      update((p) => {
        p.delete(k);
        for (const v of values) p.append(k, v);
      }),
    clear: () => update((p) => [...FACETS, 'q'].forEach((k) => p.delete(k))),
    setPage: (page: number, pageSize: number) =>
      update((p) => {
        p.set('page', String(pageSize !== params.pageSize ? 1 : page));
        p.set('pageSize', String(pageSize));
      }, true),
  };
}
