import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { CreatedModal } from '../../components/ResultModal';
import { useT } from '../../i18n/I18nProvider';
import { ActionModal } from '../registry/ActionModal';

/** What the create modal reads of its mutation. */
interface CreateCall<T> {
  isPending: boolean;
  isSuccess: boolean;
  error: unknown;
  data: T | undefined;
  reset: () => void;
}

/**
 * A create form in a modal, then its success with a button that opens what was made. Closing the form
 * forgets a refusal shown in it. Test ids: `{testId}-form`, `{testId}-created`.
 */
export function CreateModal<V extends object, T>({
  open,
  title,
  form,
  create,
  onOk,
  onClose,
  onView,
  created,
  testId,
  width,
  children,
}: {
  open: boolean;
  title: ReactNode;
  form: FormInstance<V>;
  create: CreateCall<T>;
  onOk: (v: V) => void;
  onClose: () => void;
  onView: (made: T) => void;
  created: { title: ReactNode; subTitle?: ReactNode; viewLabel: ReactNode };
  testId: string;
  width?: number;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <ActionModal<V>
        open={open}
        title={title}
        okText={t.common.submit}
        form={form}
        pending={create.isPending}
        error={create.error}
        onOk={onOk}
        onClose={() => {
          create.reset();
          onClose();
        }}
        testId={`${testId}-form`}
        width={width}
      >
        {children}
      </ActionModal>
      <CreatedModal
        created={create.isSuccess ? create.data : undefined}
        title={created.title}
        subTitle={created.subTitle}
        viewLabel={created.viewLabel}
        closeLabel={t.common.close}
        onView={onView}
        onClose={() => create.reset()}
        testId={`${testId}-created`}
      />
    </>
  );
}
