import { Breadcrumb, Flex, Grid, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useT } from '../i18n/I18nProvider';
import { breadcrumbFor } from '../layout/nav';

interface Props {
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
  /** Shown under the title, e.g. tabs or a summary. */
  footer?: ReactNode;
  children: ReactNode;
}

/** The Ant Design Pro page frame: breadcrumb, title, actions, then the content. */
export function PageContainer({ title, subTitle, extra, footer, children }: Props) {
  const t = useT();
  const { token } = theme.useToken();
  const { pathname } = useLocation();
  const crumbs = breadcrumbFor(pathname, t);
  // a phone keeps its few pixels for the content
  const gutter = Grid.useBreakpoint().md === false ? 12 : 24;
  return (
    <>
      <div
        style={{
          background: token.colorBgContainer,
          padding: `12px ${gutter}px ${footer ? 0 : 16}px`,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Breadcrumb
          items={crumbs.map((c, i) => ({
            title: c.path && i < crumbs.length - 1 ? <Link to={c.path}>{c.title}</Link> : c.title,
          }))}
        />
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginTop: 8 }}>
          <Flex align="baseline" gap={12} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
            {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
          </Flex>
          {extra && <Flex gap={8}>{extra}</Flex>}
        </Flex>
        {footer}
      </div>
      <div style={{ padding: gutter }}>{children}</div>
    </>
  );
}
