import type { Product } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Radio, Typography } from 'antd';
import { asApiError } from '../../api/errors';
import { sdk } from '../../api/sdk';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { showServerIssues } from '../../lib/zod-form';
import { ActionModal } from '../registry/ActionModal';

interface Values {
  custody: 'platform' | 'org';
  password?: string;
}

/**
 * 签署声明: the org signs the declaration's RFC 8785 form — with the key the platform keeps for it, on the org
 * admin's re-entered password; an org holding its own key signs offline with `shuliu market sign`.
 */
export function SignModal({
  product,
  open,
  onClose,
}: {
  product: Product;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const m = t.market;
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const custody = (Form.useWatch('custody', form) as Values['custody'] | undefined) ?? 'platform';
  const sign = useMutation({
    mutationFn: (password: string) =>
      sdk.market.signDeclaration({ params: { id: product.id }, body: { custody: 'platform', password } }),
    onSuccess: (p) => {
      qc.setQueryData(['market', 'product', p.id], p);
      void qc.invalidateQueries({ queryKey: ['market', 'check', p.id] });
      void message.success(m.signDone);
      onClose();
    },
    onError: (e) => {
      if (showServerIssues(form, e)) return;
      // domain errors name their field in details.field (a wrong password)
      const field = (asApiError(e).details as { field?: unknown } | undefined)?.field;
      if (field === 'password') form.setFields([{ name: field, errors: [errText(e)] }]);
    },
  });
  const required = { required: true, message: t.validation.required };
  return (
    <ActionModal<Values>
      open={open}
      title={m.signTitle}
      okText={m.sign}
      form={form}
      pending={sign.isPending}
      error={sign.error}
      // an org holding its own key signs with the CLI, which sends the signature itself; here we only reread
      onOk={(v) => {
        if (v.custody === 'platform') return sign.mutate(v.password ?? '');
        void qc.invalidateQueries({ queryKey: ['market', 'product', product.id] });
        onClose();
      }}
      onClose={onClose}
      testId="sign-modal"
    >
      <Alert type="info" showIcon title={m.signHelp} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>
        {m.declarationHash}：<Typography.Text code>{product.declaration.hash}</Typography.Text>
      </Typography.Paragraph>
      <Form.Item name="custody" initialValue="platform">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'platform', label: m.custodyPlatform },
            { value: 'org', label: m.custodyOrg },
          ]}
        />
      </Form.Item>
      {custody === 'platform' ? (
        <Form.Item name="password" label={m.password} rules={[required]}>
          <Input.Password autoComplete="current-password" maxLength={256} data-testid="sign-password" />
        </Form.Item>
      ) : (
        <Typography.Paragraph type="secondary" data-testid="sign-offline">
          {m.offlineHelp}{' '}
          <Typography.Text code copyable>{`shuliu market sign ${product.id} --key key.pem`}</Typography.Text>
        </Typography.Paragraph>
      )}
    </ActionModal>
  );
}
