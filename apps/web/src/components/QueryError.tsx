import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Typography } from 'antd';
import { asApiError } from '../api/errors';
import { useT } from '../i18n/I18nProvider';

function ErrorLine({ error }: { error: unknown }) {
  const t = useT();
  const e = asApiError(error);
  const message = e.code === 'NETWORK_ERROR' ? t.errors.network : e.message;
  return (
    <span data-testid="error-message">
      {message}
      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
        {t.common.errorCode}: <Typography.Text code>{e.code}</Typography.Text>
        {e.requestId ? ` · ${t.common.requestId}: ${e.requestId}` : null}
      </Typography.Text>
    </span>
  );
}

/** A failed load inside a card or above a table: the API's message and code, with a retry. */
export function QueryErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={t.common.loadFailed}
      description={<ErrorLine error={error} />}
      action={
        onRetry && (
          <Button size="small" icon={<ReloadOutlined />} onClick={onRetry}>
            {t.common.retry}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/** A failed load of a whole page or detail. */
export function QueryErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Result
      status="error"
      title={t.common.loadFailed}
      subTitle={<ErrorLine error={error} />}
      extra={
        onRetry && (
          <Button type="primary" icon={<ReloadOutlined />} onClick={onRetry}>
            {t.common.retry}
          </Button>
        )
      }
    />
  );
}

/** The text of a failed mutation for a toast: message and code. */
export function errorText(error: unknown): string {
  const e = asApiError(error);
  return `${e.message} (${e.code})`;
}
