import { CertificateCheckName, verifyCertificateBundle, type VerifyBundleReply } from '@shuliu/contracts';
import { Alert, Steps, Typography } from 'antd';
import { useT } from '../../i18n/I18nProvider';

export type CheckStatus = 'ok' | 'fail' | 'skip';
export interface CheckRow {
  check: CertificateCheckName;
  status: CheckStatus;
  message?: string;
}

/** Runs the bundle verifier of the contracts in the browser (SM2, SM3, RFC 9162) and lists every check. */
export function verifyInBrowser(bundle: unknown): { reply: VerifyBundleReply; rows: CheckRow[] } {
  let reply: VerifyBundleReply;
  try {
    reply = verifyCertificateBundle(bundle);
  } catch (e) {
    const message = (e as Error).message;
    reply = {
      valid: false,
      certNo: null,
      checks: [{ check: 'shape', ok: false, message }],
      failure: { check: 'shape', message },
    };
  }
  const rows = CertificateCheckName.options.map((check): CheckRow => {
    const c = reply.checks.find((x) => x.check === check);
    return c ? { check, status: c.ok ? 'ok' : 'fail', message: c.message } : { check, status: 'skip' };
  });
  return { reply, rows };
}

/** Drops what the verify answer carries beside the bundle (its history), so the bundle is what is checked. */
export function bundleOf(reply: Record<string, unknown>): Record<string, unknown> {
  const { history: _history, ...bundle } = reply;
  return bundle;
}

const STATUS = { ok: 'finish', fail: 'error', skip: 'wait' } as const;

/** The verdict, green or red with the first failure, then each check as a step (as the ledger explorer shows). */
export function CertVerifyReport({ rows, testId }: { rows: CheckRow[]; testId: string }) {
  const t = useT();
  const good = rows.every((r) => r.status === 'ok');
  const failed = rows.find((r) => r.status === 'fail');
  return (
    <div data-testid={`${testId}-result`}>
      <Alert
        type={good ? 'success' : 'error'}
        showIcon
        title={good ? t.registry.verifyOk : t.registry.verifyBad}
        description={
          good ? t.registry.verifyOkDesc : failed && `${t.registry.checks[failed.check]}: ${failed.message}`
        }
        data-testid={`${testId}-verdict`}
        data-ok={good}
        style={{ marginBottom: 16 }}
      />
      <Steps
        orientation="vertical"
        size="small"
        data-testid={`${testId}-steps`}
        items={rows.map((r) => ({
          key: r.check,
          status: STATUS[r.status],
          title: (
            <span data-testid={`${testId}-steps-${r.check}`} data-status={r.status}>
              {t.registry.checks[r.check] ?? r.check} · {t.registry.stepStatus[r.status]}
            </span>
          ),
          content: r.message && (
            <Typography.Text
              type={r.status === 'fail' ? 'danger' : 'secondary'}
              style={{ fontSize: 12, wordBreak: 'break-all' }}
            >
              {r.message}
            </Typography.Text>
          ),
        }))}
      />
    </div>
  );
}
