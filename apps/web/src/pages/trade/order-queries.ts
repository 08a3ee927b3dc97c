import type { OrderDetail, OrderQuery } from '@shuliu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sdk } from '../../api/sdk';
import { useIdempotencyKey } from './trade-queries';

export const orderKey = (id: string) => ['trade', 'order', id];

/** One order; while it awaits someone the other party's steps arrive within half a minute. */
export function useOrder(id: string) {
  return useQuery({
    queryKey: orderKey(id),
    queryFn: () => sdk.orders.order({ params: { id } }),
    refetchInterval: (q) => (q.state.data && !q.state.data.awaiting ? false : 30_000),
  });
}

export function useOrders(query: OrderQuery) {
  return useQuery({
    queryKey: ['trade', 'orders', query],
    queryFn: () => sdk.orders.orders({ query }),
    placeholderData: keepPreviousData,
  });
}

export type OrderAction =
  | { step: 'pay'; reference: string }
  | { step: 'deliver' | 'accept'; note: string | null }
  | { step: 'dispute' | 'cancel'; reason: string }
  | { step: 'resolve'; outcome: 'accepted' | 'refunded'; reason: string };

function send(id: string, a: OrderAction): Promise<OrderDetail> {
  const params = { id };
  switch (a.step) {
    case 'pay':
      return sdk.orders.pay({ params, body: { reference: a.reference } });
    case 'deliver':
      return sdk.orders.deliver({ params, body: { note: a.note } });
    case 'accept':
      return sdk.orders.accept({ params, body: { note: a.note } });
    case 'dispute':
      return sdk.orders.dispute({ params, body: { reason: a.reason } });
    case 'cancel':
      return sdk.orders.cancel({ params, body: { reason: a.reason } });
    case 'resolve':
      return sdk.orders.resolve({ params, body: { outcome: a.outcome, reason: a.reason } });
  }
}

/** A step on the order; the answer is the order as it now stands, timeline included. */
export function useOrderStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: OrderAction) => send(id, a),
    onSuccess: (o) => {
      qc.setQueryData(orderKey(id), o);
      void qc.invalidateQueries({ queryKey: ['trade', 'orders'] });
    },
  });
}

/** The buyer orders on a concluded contract; a retried submit goes with the same key. */
export function usePlaceOrder() {
  const qc = useQueryClient();
  const keys = useIdempotencyKey();
  return useMutation({
    mutationFn: (contractNo: string) =>
      sdk.orders.place({ body: { contractNo, idempotencyKey: keys.keyFor({ contractNo }) } }),
    onSuccess: (o) => {
      keys.done();
      qc.setQueryData(orderKey(o.id), o);
      void qc.invalidateQueries({ queryKey: ['trade', 'orders'] });
    },
  });
}

/** What a product's licence has left (public). */
export function useAvailability(productId: string, enabled = true) {
  return useQuery({
    queryKey: ['trade', 'availability', productId],
    queryFn: () => sdk.orders.availability({ params: { id: productId } }),
    enabled: enabled && !!productId,
  });
}
