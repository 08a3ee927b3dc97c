import { Flex, Spin } from 'antd';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { Outlet } from 'react-router';

const spinner = (
  <Flex justify="center" style={{ padding: 96 }}>
    <Spin size="large" />
  </Flex>
);

/** Where a layout shows its page: a page loaded on demand spins here while the frame around it stays. */
export function PageOutlet() {
  return (
    <Suspense fallback={spinner}>
      <Outlet />
    </Suspense>
  );
}

/** A page without a layout (sign-up, apply) loading on demand. */
export function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={spinner}>{children}</Suspense>;
}

/** A page component loaded on demand by its export name: `page(() => import('./pages/x/XPage'), 'XPage')`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a page's props are its own; lazy() takes any
export function page<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
