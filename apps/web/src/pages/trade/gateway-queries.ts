import type { UpstreamBody } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sdk } from '../../api/sdk';

const keysKey = (orderId: string) => ['trade', 'api-keys', orderId];
const usageKey = (orderId: string) => ['trade', 'usage', orderId];
const upstreamKey = (productId: string) => ['trade', 'upstream', productId];

/** The order's keys (prefixes only), for its buyer. */
export const useApiKeys = (orderId: string, enabled: boolean) =>
  useQuery({
    queryKey: keysKey(orderId),
    queryFn: () => sdk.gateway.apiKeys({ params: { id: orderId } }),
    enabled,
  });

/** Issues (or rotates) the order's key: the answer carries the secret, shown once. */
export function useIssueApiKey(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => sdk.gateway.issueApiKey({ params: { id: orderId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keysKey(orderId) }),
  });
}

export function useRevokeApiKey(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => sdk.gateway.revokeApiKey({ params: { id: orderId, keyId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keysKey(orderId) }),
  });
}

/** The last 30 Beijing days of the order's usage, refreshed every minute while shown. */
export const useUsage = (orderId: string) =>
  useQuery({
    queryKey: usageKey(orderId),
    queryFn: () => sdk.gateway.usage({ params: { id: orderId }, query: { granularity: 'day' } }),
    refetchInterval: 60_000,
  });

/** The product's upstream; absent (404) until its seller sets one. */
export const useUpstream = (productId: string) =>
  useQuery({
    queryKey: upstreamKey(productId),
    queryFn: () => sdk.gateway.upstream({ params: { id: productId } }).catch(() => null),
  });

export function useSaveUpstream(productId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpstreamBody) => sdk.gateway.setUpstream({ params: { id: productId }, body }),
    onSuccess: (u) => qc.setQueryData(upstreamKey(productId), u),
  });
}
