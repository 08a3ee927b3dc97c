import { Modal, Result } from 'antd';
import type { ReactNode } from 'react';

/** A finished action's outcome and its next step (STYLE.md: finished actions land on a Result). */
export function ResultModal({
  open,
  title,
  subTitle,
  extra,
  onClose,
  testId,
}: {
  open: boolean;
  title: ReactNode;
  subTitle?: ReactNode;
  extra: ReactNode;
  onClose: () => void;
  testId?: string;
}) {
  return (
    <Modal open={open} footer={null} onCancel={onClose} width={560} destroyOnHidden>
      <Result status="success" title={title} subTitle={subTitle} extra={extra} data-testid={testId} />
    </Modal>
  );
}
