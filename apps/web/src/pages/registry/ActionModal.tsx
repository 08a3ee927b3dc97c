import { Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { MutationErrorAlert } from '../../components/QueryError';
import { whenValid } from '../../lib/zod-form';

/**
 * A registry action in a modal: its form, then the call; a refusal (e.g. a 409 naming the rule) is shown
 * above the form with its message and code, field errors of a 400 beside their fields.
 */
export function ActionModal<V extends object>({
  open,
  title,
  okText,
  danger,
  form,
  pending,
  error,
  onOk,
  onClose,
  children,
  testId,
  width = 560,
}: {
  open: boolean;
  title: ReactNode;
  okText?: ReactNode;
  danger?: boolean;
  form: FormInstance<V>;
  pending: boolean;
  error: unknown;
  onOk: (v: V) => void;
  onClose: () => void;
  children: ReactNode;
  testId: string;
  width?: number;
}) {
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      width={width}
      okButtonProps={{ danger, loading: pending, ...({ 'data-testid': `${testId}-ok` } as object) }}
      onOk={() => whenValid(form, (v) => onOk(v))}
      onCancel={onClose}
      destroyOnHidden
    >
      <div data-testid={testId}>
        <MutationErrorAlert error={error} />
        <Form<V> form={form} layout="vertical" preserve={false}>
          {children}
        </Form>
      </div>
    </Modal>
  );
}
