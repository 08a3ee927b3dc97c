import { CreateApiTokenBody } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { zodRule } from '../../lib/zod-form';

type Values = { name: string; roles: string[]; readOnly: boolean; expiresInDays: number | 0 };
const EXPIRY_CHOICES = [7, 30, 90, 365];

/** Creates a scoped API token, then shows it once in a copyable window. */
export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const { roles } = useAuth();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [token, setToken] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (v: Values) =>
      sdk.auth.createToken({
        body: {
          name: v.name.trim(),
          roles: v.roles as (typeof roles)[number][],
          readOnly: v.readOnly,
          expiresInDays: v.expiresInDays || undefined,
        },
      }),
    onSuccess: (r) => {
      setToken(r.token);
      void qc.invalidateQueries({ queryKey: ['me', 'tokens'] });
    },
    onError: (e) => void message.error(errText(e)),
  });
  const close = () => {
    setToken(null);
    create.reset();
    onClose();
  };
  if (token) {
    return (
      <Modal
        open={open}
        title={t.account.tokenCreated}
        onCancel={close}
        onOk={close}
        cancelButtonProps={{ style: { display: 'none' } }}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t.account.tokenWarn} style={{ marginBottom: 16 }} />
        <Typography.Paragraph
          copyable={{ text: token }}
          code
          style={{ wordBreak: 'break-all' }}
          data-testid="new-token"
        >
          {token}
        </Typography.Paragraph>
      </Modal>
    );
  }
  const required = { required: true, message: t.validation.required };
  return (
    <Modal
      open={open}
      title={t.account.createToken}
      okButtonProps={{ loading: create.isPending }}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t.account.tokenHelp}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ roles: [], readOnly: true, expiresInDays: 90 }}
      >
        <Form.Item
          name="name"
          label={t.account.tokenName}
          rules={[required, zodRule(CreateApiTokenBody.shape.name, t)]}
        >
          <Input maxLength={100} placeholder="etl-pipeline" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t.account.roles}
          rules={[
            zodRule(CreateApiTokenBody.shape.roles, t),
            { required: true, type: 'array', min: 1, message: t.validation.minItems(1) },
          ]}
        >
          <Checkbox.Group options={roles.map((r) => ({ value: r, label: t.role[r] }))} />
        </Form.Item>
        <Form.Item
          name="readOnly"
          label={t.account.readOnly}
          valuePropName="checked"
          extra={t.account.readOnlyHelp}
        >
          <Switch />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t.account.expiresInDays}>
          <Select
            options={[
              ...EXPIRY_CHOICES.map((d) => ({ value: d, label: t.account.days(d) })),
              { value: 0, label: t.account.never },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
