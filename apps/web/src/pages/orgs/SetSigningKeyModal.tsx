import { SetOrgSigningKeyBody, type OrgKeyCustody } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { asApiError } from '../../api/errors';
import { sdk } from '../../api/sdk';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { showServerIssues, whenValid, zodRule } from '../../lib/zod-form';

interface Values {
  custody: OrgKeyCustody;
  publicKey?: string;
  password: string;
}

// The route's own schema for the key: PEM or hex, checked on the SM2 curve in the browser as on the server.
const publicKeySchema = SetOrgSigningKeyBody.options[1].shape.publicKey;

/**
 * Create the org's signing key or rotate to a new one — custodied by the platform, or the org's own public
 * key — confirmed with the administrator's password (counted like a login).
 */
export function SetSigningKeyModal({
  orgId,
  custody,
  rotating,
  onClose,
}: {
  orgId: string;
  /** The custody the dialog opens with; null: closed. */
  custody: OrgKeyCustody | null;
  rotating: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('custody', form) ?? custody;
  const set = useMutation({
    mutationFn: (v: Values) =>
      sdk.orgKeys.set({
        params: { id: orgId },
        body:
          v.custody === 'org'
            ? { custody: 'org', publicKey: v.publicKey ?? '', password: v.password }
            : { custody: 'platform', password: v.password },
      }),
    onSuccess: () => {
      void message.success(t.orgKeys.done);
      void qc.invalidateQueries({ queryKey: ['org-keys', orgId] });
      onClose();
    },
    onError: (e) => {
      if (showServerIssues(form, e)) return;
      // domain errors name their field in details.field (the password, the public key)
      const field = (asApiError(e).details as { field?: unknown } | undefined)?.field;
      if (field === 'password' || field === 'publicKey')
        form.setFields([{ name: field, errors: [errText(e)] }]);
      else void message.error(errText(e));
    },
  });
  const required = { required: true, message: t.validation.required };
  return (
    <Modal
      open={custody !== null}
      title={rotating ? t.orgKeys.modalRotate : t.orgKeys.modalCreate}
      okText={t.common.confirm}
      okButtonProps={{ loading: set.isPending, ...({ 'data-testid': 'signing-key-submit' } as object) }}
      onOk={() => whenValid(form, (v) => set.mutate(v))}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ custody: custody ?? 'platform' }}>
        <Form.Item name="custody" label={t.orgKeys.custody}>
          <Radio.Group
            data-testid="org-key-custody"
            optionType="button"
            options={(['platform', 'org'] as const).map((c) => ({
              value: c,
              label: t.orgKeys.custodyLabel[c],
            }))}
          />
        </Form.Item>
        <Alert
          type="info"
          showIcon
          title={chosen === 'org' ? t.orgKeys.orgHelp : t.orgKeys.platformHelp}
          description={rotating ? t.orgKeys.rotateWarn : undefined}
          style={{ marginBottom: 16 }}
        />
        {chosen === 'org' && (
          <Form.Item
            name="publicKey"
            label={t.orgKeys.publicKey}
            extra={t.orgKeys.publicKeyHelp}
            rules={[required, zodRule(publicKeySchema, t, t.orgKeys.publicKeyInvalid)]}
          >
            <Input.TextArea
              data-testid="org-key-public-key"
              rows={5}
              maxLength={1000}
              spellCheck={false}
              style={{ fontFamily: 'monospace' }}
              placeholder="-----BEGIN PUBLIC KEY-----"
            />
          </Form.Item>
        )}
        <Form.Item
          name="password"
          label={t.orgKeys.password}
          extra={t.orgKeys.passwordHelp}
          rules={[required]}
        >
          <Input.Password autoComplete="current-password" maxLength={256} data-testid="org-key-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
