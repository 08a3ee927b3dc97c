import { Card, Flex, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface Props {
  title: string;
  value: number | undefined;
  icon: ReactNode;
  colour: string;
  loading?: boolean;
  footer?: ReactNode;
  to?: string;
  testId?: string;
}

/** One headline number with an icon and an optional link to the list behind it. */
export function StatCard({ title, value, icon, colour, loading, footer, to, testId }: Props) {
  const body = (
    <Flex justify="space-between" align="start">
      <Statistic
        title={title}
        value={value ?? 0}
        loading={loading}
        styles={{ content: { fontSize: 28, fontWeight: 600 } }}
      />
      <Flex
        align="center"
        justify="center"
        style={{
          width: 48,
          height: 48,
          borderRadius: 12,
          background: `${colour}1a`,
          color: colour,
          fontSize: 22,
        }}
      >
        {icon}
      </Flex>
    </Flex>
  );
  return (
    <Card hoverable={!!to} data-testid={testId} styles={{ body: { paddingBottom: footer ? 12 : 24 } }}>
      {to ? (
        <Link to={to} style={{ color: 'inherit' }}>
          {body}
        </Link>
      ) : (
        body
      )}
      {footer && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {footer}
        </Typography.Text>
      )}
    </Card>
  );
}
