import type { Contract, SignAsOrgBody } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sdk } from '../../api/sdk';
import { negotiationKey } from './trade-queries';

export const contractKey = (no: string) => ['trade', 'contract', no];
const bundleKey = (no: string) => ['trade', 'contract', no, 'bundle'];

/** One contract; while a signature is awaited the other party's arrives within half a minute. */
export function useContract(no: string) {
  return useQuery({
    queryKey: contractKey(no),
    queryFn: () => sdk.trade.contract({ params: { contractNo: no } }),
    refetchInterval: (q) => (q.state.data && !q.state.data.awaiting ? false : 30_000),
  });
}

/** The verification bundle of the contract as it stands: refetched whenever a signature is added. */
export function useContractBundle(no: string, signatures: number | undefined) {
  return useQuery({
    queryKey: [...bundleKey(no), signatures],
    queryFn: () => sdk.trade.verifyContract({ params: { contractNo: no } }),
    enabled: signatures !== undefined && signatures > 0,
  });
}

/** The ledger keys the platform publishes: the checkpoint key a bundle is checked against. */
export function useLedgerKeys() {
  return useQuery({
    queryKey: ['ledger', 'keys'],
    queryFn: () => sdk.ledger.keys(),
    staleTime: 5 * 60_000,
    select: (r) => r.items.map((k) => k.publicKey),
  });
}

/** A party signs; the contract as it now stands replaces the cached one, the negotiation moves on too. */
export function useSignContract(no: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SignAsOrgBody) => sdk.trade.signContract({ params: { contractNo: no }, body }),
    onSuccess: (c: Contract) => {
      qc.setQueryData(contractKey(no), c);
      void qc.invalidateQueries({ queryKey: negotiationKey(c.negotiationId) });
      void qc.invalidateQueries({ queryKey: ['trade', 'negotiations'] });
    },
  });
}
