import type { Role } from '@shuliu/contracts';
import { Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { QueryErrorResult } from '../components/QueryError';
import { useT } from '../i18n/I18nProvider';
import { GATED_PATHS, orgGated } from '../layout/nav';
import { ForbiddenPage } from '../pages/errors/ErrorPages';
import { loginPath, useAuth } from './AuthProvider';

export function FullPageSpin() {
  const t = useT();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" description={t.common.loading} />
    </Flex>
  );
}

/** Logged-in area: no token → login (keeping the target); an org under review → its application page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { token, meQuery } = useAuth();
  const { pathname, search } = useLocation();
  if (!token) return <Navigate to={loginPath(pathname + search)} replace />;
  if (meQuery.isPending) return <FullPageSpin />;
  if (meQuery.isError)
    return <QueryErrorResult error={meQuery.error} onRetry={() => void meQuery.refetch()} />;
  // after an administrator's reset the server refuses everything but choosing a new password
  if (meQuery.data.user.mustChangePassword && pathname !== '/account')
    return <Navigate to="/account?tab=password" replace />;
  const orgStatus = meQuery.data.org?.status ?? null;
  if (orgGated(orgStatus) && !GATED_PATHS.some((p) => pathname.startsWith(p))) {
    return <Navigate to="/my-application" replace />;
  }
  return <>{children}</>;
}

/** A page for some roles only; others see the 403 page. */
export function RequireRoles({ roles }: { roles: readonly Role[] }) {
  const { hasRole } = useAuth();
  return hasRole(...roles) ? <Outlet /> : <ForbiddenPage />;
}
