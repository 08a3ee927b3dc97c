import { MarketReasonBody } from '@shuliu/contracts';
import { Alert, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { zodRule } from '../../lib/zod-form';
import { ActionModal } from '../registry/ActionModal';

/** A market step that needs its reason (下架, 强制下架, 移出负面清单): what it does, then the reason. */
export function MarketReasonModal({
  open,
  title,
  warning,
  okText,
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
  pending: boolean;
  error: unknown;
  onOk: (reason: string) => void;
  onClose: () => void;
  testId: string;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <ActionModal<{ reason: string }>
      open={open}
      title={title}
      okText={okText}
      danger
      form={form}
      pending={pending}
      error={error}
      onOk={(v) => onOk(v.reason.trim())}
      onClose={onClose}
      testId={testId}
    >
      <Alert type="warning" showIcon title={warning} style={{ marginBottom: 16 }} />
      <Form.Item
        name="reason"
        label={t.market.reason}
        rules={[
          { required: true, whitespace: true, message: t.market.reasonRequired },
          zodRule(MarketReasonBody.shape.reason, t),
        ]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount data-testid={`${testId}-reason`} />
      </Form.Item>
    </ActionModal>
  );
}
