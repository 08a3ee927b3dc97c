import type { AssetDetail } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sdk } from '../../api/sdk';

export const assetKey = (id: string) => ['assets', 'detail', id];

export function useAsset(id: string) {
  return useQuery({ queryKey: assetKey(id), queryFn: () => sdk.assets.get({ params: { id } }) });
}

/** A change to an asset: the detail the server answers with replaces the cached one, lists refetch. */
export function useAssetChange<V>(id: string, run: (v: V) => Promise<AssetDetail>, done?: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (a) => {
      qc.setQueryData(assetKey(id), a);
      void qc.invalidateQueries({ queryKey: ['assets', 'list'] });
      done?.();
    },
  });
}

export function useValuers() {
  return useQuery({
    queryKey: ['assets', 'valuers'],
    queryFn: () => sdk.assets.valuers(),
    staleTime: 60_000,
  });
}

export function useValuation(id: string) {
  return useQuery({
    queryKey: ['assets', 'valuation', id],
    queryFn: () => sdk.assets.valuation({ params: { id } }),
  });
}
