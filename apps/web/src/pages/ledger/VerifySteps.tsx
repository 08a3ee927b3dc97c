import { Alert, Flex, Steps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { allOk, type Step } from './ledger-verify';

export interface StepRow {
  key: string;
  title: string;
  step: Step;
  /** What the step computed, shown under it whatever its outcome. */
  content?: ReactNode;
}

/** A key, signature or hash: monospace, wrapped anywhere, copyable. */
export function CodeValue({ value }: { value: string }) {
  return (
    <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
      {value}
    </Typography.Text>
  );
}

/** A hash or other long value on its own line, labelled, copyable. */
export function HashLine({ label, value }: { label: string; value: string }) {
  return (
    <Flex gap={6} wrap style={{ fontSize: 12 }}>
      <Typography.Text type="secondary">{label}:</Typography.Text>
      <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
        {value}
      </Typography.Text>
    </Flex>
  );
}

function StepReason({ step }: { step: Step }) {
  const t = useT();
  if (step.status !== 'fail') return null;
  return (
    <Typography.Text type="danger" data-testid="step-reason">
      {t.ledger.reason[step.reason]}
      {step.detail ? ` (${step.detail})` : ''}
    </Typography.Text>
  );
}

const STATUS = { ok: 'finish', fail: 'error', skip: 'wait' } as const;

/** Each check of a verification as a vertical step: passed, failed with its reason, or skipped. */
function VerifySteps({ rows, testId }: { rows: StepRow[]; testId: string }) {
  const t = useT();
  return (
    <Steps
      orientation="vertical"
      size="small"
      data-testid={testId}
      items={rows.map((r) => ({
        key: r.key,
        status: STATUS[r.step.status],
        title: (
          <span data-testid={`${testId}-${r.key}`} data-status={r.step.status}>
            {r.title} · {t.ledger.stepStatus[r.step.status]}
          </span>
        ),
        content: (
          <Flex vertical gap={2} style={{ paddingBottom: 8 }}>
            <StepReason step={r.step} />
            {r.content}
          </Flex>
        ),
      }))}
    />
  );
}

/** The verdict over all the steps, green or red, with the first failure's reason. */
function Verdict({ steps, ok, bad, okDescription, testId }: Omit<ReportProps, 'rows'> & { steps: Step[] }) {
  const t = useT();
  const good = allOk(steps);
  const failed = steps.find((s) => s.status === 'fail');
  return (
    <Alert
      type={good ? 'success' : 'error'}
      showIcon
      title={good ? ok : bad}
      description={
        good ? okDescription : failed?.status === 'fail' ? t.ledger.reason[failed.reason] : undefined
      }
      data-testid={testId}
      data-ok={good}
      style={{ marginBottom: 16 }}
    />
  );
}

interface ReportProps {
  rows: StepRow[];
  ok: string;
  bad: string;
  okDescription: string;
  /** Prefix of the test ids: `<id>-verdict`, `<id>-steps`, `<id>-steps-<step>`. */
  testId: string;
}

/** A finished verification: the verdict, then every step. */
export function VerifyReport({ rows, testId, ...texts }: ReportProps) {
  return (
    <div data-testid={`${testId}-result`}>
      <Verdict steps={rows.map((r) => r.step)} testId={`${testId}-verdict`} {...texts} />
      <VerifySteps rows={rows} testId={`${testId}-steps`} />
    </div>
  );
}
