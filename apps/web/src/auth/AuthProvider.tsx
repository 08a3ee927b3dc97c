import type { Role } from '@shuliu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { onUnauthorized, sdk } from '../api/sdk';
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

  // On a 401 the token is already cleared by the fetch wrapper; drop cached data and go to the login page.
  const here = location.pathname + location.search;
  useEffect(
    () =>
      onUnauthorized(() => {
        setToken(null);
        queryClient.clear();
        navigate(loginPath(here, true), { replace: true });
      }),
    [here, navigate, queryClient],
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
    try {
      await sdk.auth.logout();
    } catch {
      // The session may already be gone; logging out locally is what matters.
    }
    tokenStore.clear();
    // Leave first: the next user to log in here should start from home, not from this user's page.
    void navigate('/login', { replace: true });
    setToken(null);
    queryClient.clear();
  }, [navigate, queryClient]);

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
