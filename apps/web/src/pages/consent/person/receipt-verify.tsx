import { verifyConsentReceipt, type ReceiptVerifyReply } from '@shuliu/contracts';
import { Alert, Steps, Typography } from 'antd';
import { useT } from '../../../i18n/I18nProvider';
import { enumLabel } from '../../../i18n/labels';

/** The checks of verifyConsentReceipt, in the order it runs them (packages/contracts/src/rules/consent-receipt.ts). */
export const RECEIPT_CHECKS = ['shape', 'signerKey', 'signature', 'ledgerEntry', 'inclusion', 'checkpoint'];

export type StepStatus = 'ok' | 'fail' | 'skip';
export interface ReceiptCheckRow {
  check: string;
  status: StepStatus;
  message?: string;
}

/**
 * Runs the contracts' receipt verifier here, in the browser (SM2, SM3, RFC 9162 inclusion, checkpoint): the same
 * code as `shuliu verify-consent`. Checks after the first failure did not run and show as skipped.
 */
export function verifyReceiptInBrowser(bundle: unknown, trustedKeys?: string[]): ReceiptCheckRow[] {
  let reply: ReceiptVerifyReply;
  try {
    reply = verifyConsentReceipt(bundle, { trustedKeys });
  } catch (e) {
    const message = (e as Error).message;
    reply = {
      valid: false,
      receiptId: null,
      checks: [{ check: 'shape', ok: false, message }],
      failure: { check: 'shape', message },
    };
  }
  return RECEIPT_CHECKS.map((check): ReceiptCheckRow => {
    const c = reply.checks.find((x) => x.check === check);
    return c ? { check, status: c.ok ? 'ok' : 'fail', message: c.message } : { check, status: 'skip' };
  });
}

const STEP = { ok: 'finish', fail: 'error', skip: 'wait' } as const;

/** The verdict, green or red with the first failure, then every check as a step (as the registry shows). */
export function ReceiptVerifyReport({ rows, testId }: { rows: ReceiptCheckRow[]; testId: string }) {
  const t = useT();
  const r = t.consentPerson.receipt;
  const good = rows.every((x) => x.status === 'ok');
  const failed = rows.find((x) => x.status === 'fail');
  return (
    <div data-testid={`${testId}-result`}>
      <Alert
        type={good ? 'success' : 'error'}
        showIcon
        title={good ? r.verifyOk : r.verifyBad}
        description={
          good ? r.verifyOkDesc : failed && `${enumLabel(r.checks, failed.check)}: ${failed.message}`
        }
        data-testid={`${testId}-verdict`}
        data-ok={good}
        style={{ marginBottom: 12 }}
      />
      <Steps
        orientation="vertical"
        size="small"
        items={rows.map((x) => ({
          key: x.check,
          status: STEP[x.status],
          title: (
            <span data-testid={`${testId}-steps-${x.check}`} data-status={x.status}>
              {enumLabel(r.checks, x.check)} · {enumLabel(r.stepStatus, x.status)}
            </span>
          ),
          content: x.message && (
            <Typography.Text
              type={x.status === 'fail' ? 'danger' : 'secondary'}
              style={{ fontSize: 12, wordBreak: 'break-all' }}
            >
              {x.message}
            </Typography.Text>
          ),
        }))}
      />
    </div>
  );
}
