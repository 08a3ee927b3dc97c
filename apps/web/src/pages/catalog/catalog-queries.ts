import type { CatalogFile, Resource } from '@shuliu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';

/** Query keys of the catalog: everything under ['catalog'] is refreshed after a change to a resource. */
export const catalogKeys = {
  all: ['catalog'] as const,
  resource: (id: string) => ['catalog', 'resource', id] as const,
  files: (id: string) => ['catalog', 'files', id] as const,
  versions: (id: string) => ['catalog', 'versions', id] as const,
  lineage: (id: string) => ['catalog', 'lineage', id] as const,
};

export function useResource(id: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.resource(id ?? ''),
    queryFn: () => sdk.catalog.get({ params: { id: id! } }),
    enabled: !!id,
  });
}

export const isBusy = (f: Pick<CatalogFile, 'status'>) =>
  f.status === 'uploading' || f.status === 'profiling';

/** A resource's files; polled every second while one is still uploading or being profiled. */
export function useFiles(resourceId: string) {
  return useQuery({
    queryKey: catalogKeys.files(resourceId),
    queryFn: () => sdk.catalog.files({ params: { id: resourceId } }),
    refetchInterval: (q) => (q.state.data?.items.some(isBusy) ? 1000 : false),
  });
}

/** The newest profiled data file: what masking and the schema are based on. */
export function newestReadyDataFile(files: readonly CatalogFile[] | undefined): CatalogFile | undefined {
  return files?.find((f) => f.role === 'data' && f.status === 'ready' && f.profile);
}

/** What the caller may do with a resource: its owning org's catalogue roles manage it; operators supervise. */
export function useResourceRights(r: Resource | undefined) {
  const { me, hasRole, token } = useAuth();
  const owner =
    !!r && !!me?.org && me.org.id === r.ownerOrgId && hasRole('merchant', 'authority', 'org_admin');
  const operator = hasRole('operator');
  return {
    loggedIn: !!token,
    owner,
    canEdit: owner && r?.status !== 'retired',
    canPublish: owner && r?.status === 'draft',
    canRetire: (owner || operator) && r?.status === 'published',
    canGrade: (owner || operator) && r?.status !== 'retired',
    canApplyOpen:
      !!r &&
      !owner &&
      r.status === 'published' &&
      r.subjectType === 'public' &&
      r.openClass === 'conditional',
    // 政务共享 and 省级数据回流 are between departments; the server checks levels and the rest.
    canRequestSharing: !!r && !owner && r.status === 'published' && hasRole('authority'),
    canOweReturn: owner && r?.status === 'published' && hasRole('authority'),
    // 影响评估: the owner's admin or an operator records one; members and overseers read them
    canAssessImpact: r?.status !== 'retired' && ((owner && hasRole('org_admin')) || operator),
    canSeeImpact: hasRole('org_admin', 'operator', 'regulator', 'merchant', 'authority'),
  };
}

/**
 * Watches a resource's files: when one finishes profiling, the resource is reloaded (its schema and
 * computed grade come from the profile) and `onDone` is told.
 */
export function useProfilingWatch(resourceId: string, enabled: boolean, onDone: (f: CatalogFile) => void) {
  const qc = useQueryClient();
  const files = useQuery({
    queryKey: catalogKeys.files(resourceId),
    queryFn: () => sdk.catalog.files({ params: { id: resourceId } }),
    refetchInterval: (q) => (q.state.data?.items.some(isBusy) ? 1000 : false),
    enabled,
  });
  const busy = useRef(new Set<string>());
  const known = useRef<Set<string> | null>(null);
  useEffect(() => {
    const items = files.data?.items;
    if (!items) return;
    // A file first seen after the page loaded may have finished profiling between two polls.
    const first = known.current === null;
    known.current ??= new Set();
    for (const f of items) {
      const fresh = !first && !known.current.has(f.id);
      known.current.add(f.id);
      if (isBusy(f)) busy.current.add(f.id);
      else if (busy.current.delete(f.id) || (fresh && f.role === 'data')) {
        void qc.invalidateQueries({ queryKey: catalogKeys.resource(resourceId) });
        void qc.invalidateQueries({ queryKey: catalogKeys.versions(resourceId) });
        onDone(f);
      }
    }
  }, [files.data, qc, resourceId, onDone]);
  return files;
}
