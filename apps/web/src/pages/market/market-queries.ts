import { useQuery } from '@tanstack/react-query';
import { sdk } from '../../api/sdk';

/** The boards are public and change rarely: one cached query for every market page. */
export function useBoards() {
  return useQuery({
    queryKey: ['market', 'boards'],
    queryFn: () => sdk.market.boards(),
    staleTime: 60_000,
  });
}

export function useProduct(id: string, enabled = true) {
  return useQuery({
    queryKey: ['market', 'product', id],
    queryFn: () => sdk.market.product({ params: { id } }),
    enabled,
  });
}

/** A seller's public profile (数据商主页). */
export function useSeller(orgId: string) {
  return useQuery({
    queryKey: ['market', 'seller', orgId],
    queryFn: () => sdk.market.seller({ params: { id: orgId } }),
    staleTime: 60_000,
    retry: false,
  });
}

/** The dry run of the listing checks (挂牌条件), item by item. */
export function useListingCheck(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['market', 'check', id],
    queryFn: () => sdk.market.check({ params: { id: id! } }),
    enabled: !!id && enabled,
  });
}

export function useReviews(id: string, enabled = true) {
  return useQuery({
    queryKey: ['market', 'reviews', id],
    queryFn: () => sdk.market.reviews({ params: { id } }),
    enabled,
  });
}
