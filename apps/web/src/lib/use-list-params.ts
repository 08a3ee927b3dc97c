import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { TablePaginationConfig } from 'antd';
import { useT } from '../i18n/I18nProvider';

const DEFAULT_PAGE_SIZE = 20;

/**
 * The page and page size a URL asks for, within what the API serves (pages from 1, at most `maxPageSize`
 * rows — 200 for every list but the catalog search's 100).
 */
export function pageOf(sp: URLSearchParams, maxPageSize = 200): { page: number; pageSize: number } {
  return {
    page: Math.max(1, Math.floor(Number(sp.get('page'))) || 1),
    pageSize: Math.min(maxPageSize, Math.max(1, Math.floor(Number(sp.get('pageSize'))) || DEFAULT_PAGE_SIZE)),
  };
}

/**
 * A list's page and filters live in the URL, so a filtered view can be bookmarked, shared and
 * survives a reload. Changing a filter goes back to page 1.
 */
export function useListParams<K extends string>(keys: readonly K[]) {
  const [sp, setSp] = useSearchParams();
  const raw = sp.toString();
  // Joined so that callers may pass an inline array without re-running the memos below.
  const keyList = keys.join(',');
  const { page, pageSize } = pageOf(sp);
  const filters = useMemo(() => {
    const p = new URLSearchParams(raw);
    const out: Partial<Record<K, string>> = {};
    for (const k of keyList.split(',') as K[]) {
      const v = p.get(k);
      if (v) out[k] = v;
    }
    return out;
  }, [raw, keyList]);

  const setFilters = useCallback(
    (next: Partial<Record<K, string | undefined>>) => {
      const p = new URLSearchParams();
      for (const k of keyList.split(',') as K[]) {
        const v = next[k]?.trim();
        if (v) p.set(k, v);
      }
      if (pageSize !== DEFAULT_PAGE_SIZE) p.set('pageSize', String(pageSize));
      setSp(p);
    },
    [keyList, pageSize, setSp],
  );

  const setPage = useCallback(
    (nextPage: number, nextSize: number) => {
      const p = new URLSearchParams(raw);
      p.set('page', String(nextSize !== pageSize ? 1 : nextPage));
      p.set('pageSize', String(nextSize));
      setSp(p);
    },
    [raw, pageSize, setSp],
  );

  return { page, pageSize, filters, setFilters, setPage };
}

/** The Table pagination of a server-paginated list. */
export function usePagination(
  params: { page: number; pageSize: number; setPage: (p: number, s: number) => void },
  total: number | undefined,
): TablePaginationConfig {
  const t = useT();
  return {
    current: params.page,
    pageSize: params.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (n) => t.common.total(n),
    onChange: params.setPage,
  };
}
