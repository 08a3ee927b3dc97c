import { Password } from '@shuliu/contracts';
import { Form, Input } from 'antd';
import { useT } from '../i18n/I18nProvider';
import { zodRule } from '../lib/zod-form';

/** A new password checked against the API's password rule, and a confirmation that must match it. */
export function NewPasswordFields({ name, label }: { name: string; label: string }) {
  const t = useT();
  const required = { required: true, message: t.validation.required };
  return (
    <>
      <Form.Item name={name} label={label} rules={[required, zodRule(Password, t, t.validation.password)]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t.account.confirmPassword}
        dependencies={[name]}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: async (_r, v) => {
              if (v && v !== getFieldValue(name)) throw new Error(t.validation.passwordMismatch);
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
