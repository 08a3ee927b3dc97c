import { Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { MutationErrorAlert } from '../../components/QueryError';

interface Props {
  open: boolean;
  title: ReactNode;
  label: ReactNode;
  pending: boolean;
  error: unknown;
  onOk: (note: string) => void;
  onClose: () => void;
  max?: number;
}

/** A step that records one written note (a finding, a reason, the measures taken). */
export function NoteModal({ open, title, label, pending, error, onOk, onClose, max = 2000 }: Props) {
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      destroyOnHidden
      afterClose={() => form.resetFields()}
    >
      <MutationErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => onOk(v.note.trim())}>
        <Form.Item name="note" label={label} rules={[{ required: true, whitespace: true, max }]}>
          <Input.TextArea rows={4} maxLength={max} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
