import { Alert, Checkbox, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { useT } from '../i18n/I18nProvider';
import { zodRule } from '../lib/zod-form';
import { ActionModal } from '../pages/registry/ActionModal';

interface Values {
  reason?: string;
  ack?: boolean;
}

/**
 * A state change with its reason (撤销, 暂停, 恢复, 下架, 移出负面清单): a warning of what it does, the reason
 * beside its field, checked by the contract's schema for it, and for a final step an acknowledgement that must
 * be ticked (the strong confirmation of 撤销).
 */
export function ReasonModal({
  open,
  title,
  warning,
  okText,
  danger = false,
  reason = true,
  reasonSchema,
  reasonHelp,
  ack,
  pending,
  error,
  onOk,
  onClose,
  testId,
}: {
  open: boolean;
  title: ReactNode;
  warning: ReactNode;
  okText: ReactNode;
  danger?: boolean;
  /** Whether a reason is asked for (required when asked). */
  reason?: boolean;
  /** The contract's schema of the reason, e.g. `ConsentReasonBody.shape.reason`. */
  reasonSchema: z.ZodType;
  reasonHelp?: ReactNode;
  /** The text of an acknowledgement checkbox that must be ticked first. */
  ack?: { label: ReactNode; required: string };
  pending: boolean;
  error: unknown;
  onOk: (reason: string) => void;
  onClose: () => void;
  testId: string;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  return (
    <ActionModal<Values>
      open={open}
      title={title}
      okText={okText}
      danger={danger}
      form={form}
      pending={pending}
      error={error}
      onOk={(v) => onOk(v.reason?.trim() ?? '')}
      onClose={onClose}
      testId={testId}
    >
      <Alert type={danger ? 'warning' : 'info'} showIcon title={warning} style={{ marginBottom: 16 }} />
      {reason && (
        <Form.Item
          name="reason"
          label={t.common.reason}
          extra={reasonHelp}
          rules={[
            { required: true, whitespace: true, message: t.validation.required },
            zodRule(reasonSchema, t),
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid={`${testId}-reason`} />
        </Form.Item>
      )}
      {ack && (
        <Form.Item
          name="ack"
          valuePropName="checked"
          rules={[
            {
              validator: async (_r, v?: boolean) => {
                if (!v) throw new Error(ack.required);
              },
            },
          ]}
        >
          <Checkbox data-testid={`${testId}-ack`}>{ack.label}</Checkbox>
        </Form.Item>
      )}
    </ActionModal>
  );
}
