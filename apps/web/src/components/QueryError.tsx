import { ReloadOutlined } from '@ant-design/icons';
import { isKnownErrorCode, type ErrorCode } from '@shuliu/contracts';
import { Alert, Button, Result, Typography } from 'antd';
import { useCallback } from 'react';
import { asApiError } from '../api/errors';
import { useT } from '../i18n/I18nProvider';
import type { Messages } from '../i18n/zh-CN';
import { formatTime } from '../lib/time';

/** Codes whose server message says exactly what was wrong (which field, which check): shown after ours. */
const SPECIFIC: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'IDENTITY_USCC_INVALID',
  // compute: the server names the allow-list rule, the missing basis or the budget that ran out
  'COMPUTE_QUERY_REFUSED',
  'COMPUTE_BASIS_MISSING',
  'COMPUTE_BUDGET_EXHAUSTED',
  'COMPUTE_POLICY_MISSING',
]);

/** The portal's message for a code, or undefined for a code this build does not know (a newer server's). */
export function errorText(t: Messages, code: string): string | undefined {
  return isKnownErrorCode(code) ? t.apiError[code] : undefined;
}

/**
 * What to tell the user about a failed call: the message in the portal's language when the error code is
 * known (the server speaks English), else the server's own message; always with the code to quote.
 */
export function describeError(
  t: Messages,
  error: unknown,
): { message: string; code: string; requestId?: string } {
  const e = asApiError(error);
  const known = errorText(t, e.code);
  let message = known ?? e.message;
  if (known && e.message && SPECIFIC.has(e.code as ErrorCode)) message = t.common.aside(known, e.message);
  const until = (e.details as { lockedUntil?: unknown } | undefined)?.lockedUntil;
  if (e.code === 'IDENTITY_ACCOUNT_LOCKED' && typeof until === 'string')
    message += t.login.lockedUntil(formatTime(until));
  return { message, code: e.code, requestId: e.requestId };
}

/** `(error) => "message (CODE)"` for toasts. */
export function useErrorText(): (error: unknown) => string {
  const t = useT();
  return useCallback(
    (error: unknown) => {
      const d = describeError(t, error);
      return `${d.message} (${d.code})`;
    },
    [t],
  );
}

function CodeLine({ code, requestId }: { code: string; requestId?: string }) {
  const t = useT();
  return (
    <Typography.Text type="secondary">
      {t.common.errorCode}: <Typography.Text code>{code}</Typography.Text>
      {requestId ? ` · ${t.common.requestId}: ${requestId}` : null}
    </Typography.Text>
  );
}

/** A failed load inside a card or above a table: the message and code, with a retry. */
export function QueryErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const d = describeError(t, error);
  return (
    <Alert
      type="error"
      showIcon
      title={<span data-testid="error-message">{d.message}</span>}
      description={<CodeLine code={d.code} requestId={d.requestId} />}
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

/** A failed submit shown above its form. */
export function MutationErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const t = useT();
  if (!error) return null;
  const d = describeError(t, error);
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? d.message}
      description={
        <>
          {title && <div>{d.message}</div>}
          <CodeLine code={d.code} requestId={d.requestId} />
        </>
      }
      style={{ marginBottom: 16 }}
      data-testid="form-error"
    />
  );
}

/** A failed load of a whole page or detail. */
export function QueryErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const d = describeError(t, error);
  return (
    <Result
      status="error"
      title={t.common.loadFailed}
      subTitle={
        <>
          <div data-testid="error-message">{d.message}</div>
          <CodeLine code={d.code} requestId={d.requestId} />
        </>
      }
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
