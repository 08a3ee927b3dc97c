import { Button, Card, Flex, Statistic, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';

interface Props {
  title: string;
  value: number | undefined;
  icon: ReactNode;
  colour: string;
  loading?: boolean;
  footer?: ReactNode;
  to?: string;
  testId?: string;
  error?: unknown;
  onRetry?: () => void;
}

function FailedLine({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const errText = useErrorText();
  return (
    <Tooltip title={errText(error)}>
      <Typography.Text type="danger">{t.common.loadFailed}</Typography.Text>
      {onRetry && (
        <Button type="link" size="small" onClick={onRetry}>
          {t.common.retry}
        </Button>
      )}
    </Tooltip>
  );
}

/** One headline number with an icon and an optional link to the list behind it. */
export function StatCard({ title, value, icon, colour, loading, footer, to, testId, error, onRetry }: Props) {
  const body = (
    <Flex justify="space-between" align="start">
      <Statistic
        title={title}
        value={error ? '—' : (value ?? 0)}
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
    <Card
      hoverable={!!to}
      data-testid={testId}
      styles={{ body: { paddingBottom: footer || error ? 12 : 24 } }}
    >
      {to ? (
        <Link to={to} style={{ color: 'inherit' }}>
          {body}
        </Link>
      ) : (
        body
      )}
      {error ? (
        <div style={{ marginTop: 8 }}>
          <FailedLine error={error} onRetry={onRetry} />
        </div>
      ) : (
        footer && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
            {footer}
          </Typography.Text>
        )
      )}
    </Card>
  );
}
