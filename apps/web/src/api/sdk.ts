import { createSdk } from '@shuliu/sdk';
import { tokenStore } from './token';

type UnauthorizedListener = () => void;
const listeners = new Set<UnauthorizedListener>();

/** Called when a request that carried our token is answered 401: the session ended or was revoked. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function carriedToken(init: RequestInit | undefined): boolean {
  const h = init?.headers;
  if (!h) return false;
  if (h instanceof Headers) return h.has('authorization');
  if (Array.isArray(h)) return h.some(([k]) => k.toLowerCase() === 'authorization');
  return Object.keys(h).some((k) => k.toLowerCase() === 'authorization');
}

const authAwareFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  // A failed login has no token on it, so its 401 is shown on the form instead of redirecting.
  if (res.status === 401 && carriedToken(init)) {
    tokenStore.clear();
    for (const l of listeners) l();
  }
  return res;
};

/** The one API client of the portal: same origin, bearer token from storage. */
export const sdk = createSdk({ baseUrl: '', token: () => tokenStore.get(), fetch: authAwareFetch });
