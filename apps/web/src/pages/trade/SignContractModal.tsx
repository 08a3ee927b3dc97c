import {
  CONTRACT_TEMPLATE_DEFS,
  SignAsOrgBody,
  jcs,
  yuan,
  type Contract,
  type ContractSide,
} from '@shuliu/contracts';
import { Alert, App, Descriptions, Form, Input, Modal, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { asApiError } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { MutationErrorAlert, useErrorText } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { showServerIssues, whenValid, zodRule } from '../../lib/zod-form';
import { useSignContract } from './contract-queries';

type Custody = 'platform' | 'org';
interface Values {
  password?: string;
  keyId?: string;
  signature?: string;
}

const OFFLINE = SignAsOrgBody.options[1].shape;
/** The field a refusal belongs beside: the one it names, or the signature for a signature that does not check. */
const FIELDS: (keyof Values)[] = ['password', 'keyId', 'signature'];

/** Whether the caller's org signs next, and may: the buyer's while drafted, the seller's once the buyer signed. */
export function useMaySign(c: Contract | undefined): ContractSide | null {
  const { me, hasRole } = useAuth();
  const org = me?.org?.id;
  const side = !c || !org ? null : org === c.buyerOrgId ? 'buyer' : org === c.sellerOrgId ? 'seller' : null;
  if (!side || c?.awaiting !== side) return null;
  return hasRole('org_admin', side === 'buyer' ? 'buyer' : 'merchant') ? side : null;
}

/**
 * 签署合同: the party whose turn it is signs the contract's RFC 8785 form — with the key the platform keeps for
 * the org, on the org administrator's re-entered password, or offline with the org's own key, pasting the
 * key id and signature (or letting `shuliu trade sign-contract` send them). Refusals go beside their field.
 */
export function SignContractModal({
  contract: c,
  side,
  open,
  onClose,
}: {
  contract: Contract;
  side: ContractSide;
  open: boolean;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const m = t.contract;
  const { message } = App.useApp();
  const errText = useErrorText();
  const { hasRole } = useAuth();
  const admin = hasRole('org_admin');
  const [tab, setTab] = useState<Custody>(admin ? 'platform' : 'org');
  const [form] = Form.useForm<Values>();
  const sign = useSignContract(c.contractNo);
  const d = c.document;
  const roles = CONTRACT_TEMPLATE_DEFS[d.template].roles;
  const submit = (v: Values) => {
    const body: SignAsOrgBody =
      tab === 'platform'
        ? { custody: 'platform', password: v.password ?? '' }
        : {
            custody: 'org',
            keyId: v.keyId?.trim() ?? '',
            signature: v.signature?.trim().toLowerCase() ?? '',
          };
    sign.mutate(body, {
      onSuccess: (after) => {
        void message.success(after.state === 'concluded' ? m.signedConcluded : m.signedBuyer);
        onClose();
      },
      onError: (e) => {
        if (showServerIssues(form, e)) return;
        const err = asApiError(e);
        const named = (err.details as { field?: unknown } | undefined)?.field;
        const field = FIELDS.includes(named as keyof Values)
          ? (named as keyof Values)
          : err.code === 'TRADE_CONTRACT_SIGNATURE_INVALID'
            ? 'signature'
            : null;
        if (field) form.setFields([{ name: field, errors: [errText(e)] }]);
      },
    });
  };
  const placed = (() => {
    const err = sign.error ? asApiError(sign.error) : null;
    const field = (err?.details as { field?: unknown } | undefined)?.field;
    return (
      !!err && (FIELDS.includes(field as keyof Values) || err.code === 'TRADE_CONTRACT_SIGNATURE_INVALID')
    );
  })();
  const required = { required: true, message: t.validation.required };
  const command = `shuliu trade sign-contract ${c.contractNo} --key key.pem --server ${window.location.origin}`;
  return (
    <Modal
      open={open}
      title={m.signTitle}
      width={720}
      okText={m.sign}
      okButtonProps={{ loading: sign.isPending, ...({ 'data-testid': 'sign-contract-ok' } as object) }}
      onOk={() => whenValid(form, submit)}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => (o ? undefined : sign.reset())}
    >
      <div data-testid="sign-contract">
        <Alert
          type="info"
          showIcon
          title={m.signAs(roles[side][lang], d.parties[side].name)}
          style={{ marginBottom: 12 }}
        />
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 12 }}
          items={[
            { key: 'no', label: m.no, children: c.contractNo },
            { key: 'product', label: m.summaryProduct, children: d.object.productTitle },
            {
              key: 'counterpart',
              label: m.summaryCounterpart,
              children: d.parties[side === 'buyer' ? 'seller' : 'buyer'].name,
            },
            { key: 'price', label: m.summaryPrice, children: `¥${yuan(d.price.amountFen)}` },
            { key: 'term', label: m.summaryTerm, children: `${d.term.startsOn} ~ ${d.term.endsOn}` },
            {
              key: 'hash',
              label: m.hash,
              children: (
                <Typography.Text
                  code
                  copyable
                  style={{ wordBreak: 'break-all' }}
                  data-testid="sign-contract-hash"
                >
                  {c.contractHash}
                </Typography.Text>
              ),
            },
          ]}
        />
        {!placed && <MutationErrorAlert error={sign.error} />}
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setTab(k as Custody);
            sign.reset();
          }}
          items={[
            { key: 'platform', label: <span data-testid="sign-tab-platform">{m.tabPlatform}</span> },
            { key: 'org', label: <span data-testid="sign-tab-org">{m.tabOffline}</span> },
          ]}
        />
        <Form form={form} layout="vertical" preserve={false}>
          {tab === 'platform' ? (
            admin ? (
              <>
                <Typography.Paragraph type="secondary">{m.platformHelp}</Typography.Paragraph>
                <Form.Item name="password" label={m.password} rules={[required]}>
                  <Input.Password
                    autoComplete="current-password"
                    maxLength={256}
                    data-testid="sign-contract-password"
                  />
                </Form.Item>
              </>
            ) : (
              <Alert type="warning" showIcon title={m.adminOnly} data-testid="sign-admin-only" />
            )
          ) : (
            <>
              <Typography.Paragraph type="secondary">{m.offlineHelp}</Typography.Paragraph>
              <Typography.Paragraph>
                <Typography.Text code copyable data-testid="sign-contract-command">
                  {command}
                </Typography.Text>
              </Typography.Paragraph>
              <Form.Item label={m.canonicalText}>
                <Input.TextArea
                  readOnly
                  value={jcs(d)}
                  autoSize={{ minRows: 3, maxRows: 6 }}
                  style={{ fontFamily: 'monospace', fontSize: 12 }}
                  data-testid="sign-contract-canonical"
                />
              </Form.Item>
              <Form.Item
                name="keyId"
                label={m.keyIdLabel}
                extra={m.keyIdHelp}
                rules={[required, zodRule(OFFLINE.keyId, t)]}
              >
                <Input maxLength={40} data-testid="sign-contract-key-id" />
              </Form.Item>
              <Form.Item
                name="signature"
                label={m.signatureLabel}
                extra={m.signatureHelp}
                rules={[required, zodRule(OFFLINE.signature, t)]}
              >
                <Input.TextArea rows={2} maxLength={200} data-testid="sign-contract-signature" />
              </Form.Item>
            </>
          )}
        </Form>
      </div>
    </Modal>
  );
}
