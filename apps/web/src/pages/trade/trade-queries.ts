import type { DealTerms, Negotiation } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { sdk } from '../../api/sdk';

export const negotiationKey = (id: string) => ['trade', 'negotiation', id];

/** One negotiation; while it is open the other side's moves arrive within half a minute. */
export function useNegotiation(id: string) {
  return useQuery({
    queryKey: negotiationKey(id),
    queryFn: () => sdk.trade.negotiation({ params: { id } }),
    refetchInterval: (q) => (q.state.data && !q.state.data.awaiting ? false : 30_000),
  });
}

/** A random key of the API's shape; crypto.randomUUID needs a secure context, getRandomValues does not. */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

/**
 * One idempotency key per user action: the same submit retried (after a network error, say) goes with the
 * same key, so the server answers it as the first time instead of taking the step twice; changed input or
 * a finished action gets a new one.
 */
export function useIdempotencyKey() {
  const last = useRef<{ payload: string; key: string } | null>(null);
  return {
    keyFor(payload: unknown): string {
      const s = JSON.stringify(payload);
      if (last.current?.payload !== s) last.current = { payload: s, key: newKey() };
      return last.current.key;
    },
    done() {
      last.current = null;
    },
  };
}

export type StepAction =
  | { step: 'counter'; terms: DealTerms; message: string | null }
  | { step: 'accept' | 'agree'; message: string | null }
  | { step: 'terminate'; reason: string };

function send(id: string, a: StepAction, idempotencyKey: string): Promise<Negotiation> {
  const params = { id };
  switch (a.step) {
    case 'counter':
      return sdk.trade.counter({ params, body: { terms: a.terms, message: a.message, idempotencyKey } });
    case 'accept':
      return sdk.trade.accept({ params, body: { message: a.message, idempotencyKey } });
    case 'agree':
      return sdk.trade.agree({ params, body: { message: a.message, idempotencyKey } });
    case 'terminate':
      return sdk.trade.terminate({ params, body: { reason: a.reason, idempotencyKey } });
  }
}

/** A step in the room; the answer is the negotiation as it now stands, timeline included. */
export function useNegotiationStep(id: string) {
  const qc = useQueryClient();
  const keys = useIdempotencyKey();
  return useMutation({
    mutationFn: (a: StepAction) => send(id, a, keys.keyFor(a)),
    onSuccess: (n) => {
      keys.done();
      qc.setQueryData(negotiationKey(id), n);
      void qc.invalidateQueries({ queryKey: ['trade', 'negotiations'] });
    },
  });
}

/** A buyer's request for a deal on a product. */
export function useStartNegotiation() {
  const qc = useQueryClient();
  const keys = useIdempotencyKey();
  return useMutation({
    mutationFn: (b: { productId: string; terms: DealTerms; message: string | null }) =>
      sdk.trade.start({ body: { ...b, idempotencyKey: keys.keyFor(b) } }),
    onSuccess: (n) => {
      keys.done();
      qc.setQueryData(negotiationKey(n.id), n);
      void qc.invalidateQueries({ queryKey: ['trade', 'negotiations'] });
    },
  });
}

/** The seller's automatic agreement on a product: read, and turned on or off. */
export function useAutoAccept(productId: string, enabled: boolean) {
  const qc = useQueryClient();
  const key = ['trade', 'auto-accept', productId];
  const q = useQuery({
    queryKey: key,
    queryFn: () => sdk.trade.autoAcceptOf({ params: { id: productId } }),
    enabled,
  });
  const set = useMutation({
    mutationFn: (on: boolean) => sdk.trade.autoAccept({ params: { id: productId }, body: { enabled: on } }),
    onSuccess: (r) => qc.setQueryData(key, r),
  });
  return { q, set };
}
