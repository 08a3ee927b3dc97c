import { createSdk } from '@shuliu/sdk';
import { tokenStore } from './token';

type UnauthorizedListener = () => void;
const listeners = new Set<UnauthorizedListener>();

/** Called when the server answers 401 to the session we hold: it ended, expired or was revoked. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function bearerOf(init: RequestInit | undefined): string | null {
  const h = init?.headers;
  if (!h) return null;
  const entries = h instanceof Headers ? [...h.entries()] : Array.isArray(h) ? h : Object.entries(h);
  const found = entries.find(([k]) => k.toLowerCase() === 'authorization');
  return found ? found[1].replace(/^Bearer /, '') : null;
}

/**
 * Only a 401 to the token we still hold ends the session: a failed login carries no token, and a request
 * still in flight when the user logged out carries a token we have already dropped.
 */
export function answeredUnauthorized(status: number, sent: string | null): void {
  if (status !== 401 || !sent || sent !== tokenStore.get()) return;
  tokenStore.clear();
  for (const l of listeners) l();
}

const authAwareFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  answeredUnauthorized(res.status, bearerOf(init));
  return res;
};

/** The one API client of the portal: same origin, bearer token from storage. */
export const sdk = createSdk({ baseUrl: '', token: () => tokenStore.get(), fetch: authAwareFetch });

/** Ends a session server-side after the portal has already forgotten its token. */
export async function revokeSession(token: string): Promise<void> {
  await createSdk({ baseUrl: '', token }).auth.logout();
}
