import { ORG_TYPES, OrgStatus } from '@shuliu/contracts';
import { useQueries, useQuery } from '@tanstack/react-query';
import { sdk } from '../../api/sdk';

/** Counts come from `total` of one-row pages of the existing list endpoints; there is no stats API yet. */
function combineCounts<K extends string>(keys: readonly K[]) {
  return (
    results: { data?: { total: number }; isPending: boolean; error: unknown; refetch: () => unknown }[],
  ) => ({
    counts: keys.map((k, i) => ({ key: k, value: results[i]?.data?.total ?? 0 })),
    isPending: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
    refetch: () => results.forEach((r) => void r.refetch()),
  });
}

// Module-level so TanStack Query can memoise the combined result between renders.
const combineTypes = combineCounts(ORG_TYPES);
const combineStatuses = combineCounts(OrgStatus.options);
const combineUsers = combineCounts(['all', 'locked'] as const);

export function useOrgCounts(enabled: boolean) {
  const byType = useQueries({
    queries: ORG_TYPES.map((type) => ({
      queryKey: ['dashboard', 'orgs', 'type', type],
      queryFn: () => sdk.orgs.list({ query: { type, pageSize: 1 } }),
      enabled,
    })),
    combine: combineTypes,
  });
  const byStatus = useQueries({
    queries: OrgStatus.options.map((status) => ({
      queryKey: ['dashboard', 'orgs', 'status', status],
      queryFn: () => sdk.orgs.list({ query: { status, pageSize: 1 } }),
      enabled,
    })),
    combine: combineStatuses,
  });
  return { byType, byStatus };
}

export function usePendingApplications(enabled: boolean) {
  return useQuery({
    queryKey: ['dashboard', 'applications', 'pending'],
    queryFn: () => sdk.onboarding.list({ query: { status: 'pending', pageSize: 5 } }),
    enabled,
  });
}

export function useUserCounts(enabled: boolean) {
  return useQueries({
    queries: [undefined, 'true' as const].map((locked) => ({
      queryKey: ['dashboard', 'users', locked ?? 'all'],
      queryFn: () => sdk.users.list({ query: { locked, pageSize: 1 } }),
      enabled,
    })),
    combine: combineUsers,
  });
}

export function useRecentAudit(enabled: boolean) {
  return useQuery({
    queryKey: ['dashboard', 'audit', 'recent'],
    queryFn: () => sdk.audit.list({ query: { pageSize: 8 } }),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useUnreadCount() {
  return useQuery({ queryKey: ['notifications', 'unread'], queryFn: () => sdk.notifications.unreadCount() });
}
