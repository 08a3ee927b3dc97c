import { Button, Modal, Result } from 'antd';
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

/** The success of a create: open what was made, or close. `testId`-view is the open button's test id. */
export function CreatedModal<T>({
  created,
  title,
  subTitle,
  viewLabel,
  closeLabel,
  onView,
  onClose,
  testId,
}: {
  /** what the mutation returned, while its success shows */
  created: T | undefined;
  title: ReactNode;
  subTitle?: ReactNode;
  viewLabel: ReactNode;
  closeLabel: ReactNode;
  onView: (created: T) => void;
  onClose: () => void;
  testId: string;
}) {
  return (
    <ResultModal
      open={created !== undefined}
      title={title}
      subTitle={subTitle}
      onClose={onClose}
      testId={testId}
      extra={[
        <Button
          key="view"
          type="primary"
          onClick={() => {
            if (created !== undefined) onView(created);
            onClose();
          }}
          data-testid={`${testId}-view`}
        >
          {viewLabel}
        </Button>,
        <Button key="close" onClick={onClose}>
          {closeLabel}
        </Button>,
      ]}
    />
  );
}
