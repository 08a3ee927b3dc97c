import type { Role } from '@shuliu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useLocation, useNavigate } from 'react-router';
import { onUnauthorized, revokeSession, sdk } from '../api/sdk';
import { tokenStore } from '../api/token';

export type MeReply = Awaited<ReturnType<typeof sdk.auth.me>>;

interface AuthValue {
  token: string | null;
  me: MeReply | undefined;
  meQuery: ReturnType<typeof useMeQuery>;
  roles: readonly Role[];
  hasRole: (...roles: Role[]) => boolean;
  signIn: (token: string) => void;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

function useMeQuery(token: string | null) {
  return useQuery({
    queryKey: ['me', token],
    queryFn: () => sdk.auth.me(),
    enabled: !!token,
    staleTime: 60_000,
  });
}

/** The path to come back to after logging in again. */
export function loginPath(from: string, expired = false): string {
  const sp = new URLSearchParams();
  if (from && from !== '/' && !from.startsWith('/login')) sp.set('redirect', from);
  if (expired) sp.set('expired', '1');
  const s = sp.toString();
  return s ? `/login?${s}` : '/login';
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(tokenStore.get);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const meQuery = useMeQuery(token);

  /**
   * Drops the session and goes to the login page in one render: the router updates the location in a
   * transition, so the token must change in the same transition or the guard would redirect first.
   */
  const leave = useCallback(
    (to: string) => {
      startTransition(() => {
        setToken(null);
        void navigate(to, { replace: true });
      });
      // Cached answers of this user must not outlive the session.
      setTimeout(() => queryClient.clear(), 0);
    },
    [navigate, queryClient],
  );

  // On a 401 the token is already cleared by the fetch wrapper; drop cached data and go to the login page.
  const here = location.pathname + location.search;
  useEffect(
    () =>
      onUnauthorized(() => {
        leave(loginPath(here, true));
      }),
    [here, leave],
  );

  const signIn = useCallback(
    (next: string) => {
      tokenStore.set(next);
      queryClient.clear();
      setToken(next);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    const held = tokenStore.get();
    // Forget the token first, so that answers still in flight for it are not taken for an expired session;
    // go to plain /login, so that the next user to log in here starts from home, not from this user's page.
    tokenStore.clear();
    leave('/login');
    if (held) await revokeSession(held).catch(() => undefined);
  }, [leave]);

  const roles = useMemo(() => meQuery.data?.user.roles ?? [], [meQuery.data]);
  const hasRole = useCallback((...r: Role[]) => r.some((x) => roles.includes(x)), [roles]);
  const value = useMemo(
    () => ({ token, me: meQuery.data, meQuery, roles, hasRole, signIn, signOut }),
    [token, meQuery, roles, hasRole, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
