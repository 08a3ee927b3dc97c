import { PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { CertificateFreezeBody, type CertificateDetail } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Space,
  Table,
  Typography,
} from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import { formatYuan } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { zodRule } from '../../lib/zod-form';
import { CodeValue } from '../ledger/VerifySteps';
import { ActionModal } from './ActionModal';
import { LifecycleModal, type DirectAction, type LifecycleType } from './LifecycleModal';
import { CertStatusTag, RegTimeline, RightsTags, registryKeys } from './registry-parts';
import { QueryState } from '../../components/QueryState';

/** The QR code of the public verification URL, drawn in the browser. */
function VerifyQr({ url }: { url: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { margin: 1, width: 148, errorCorrectionLevel: 'M' })
      .then((s) => live && setSrc(s))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [url]);
  return src ? <img src={src} alt={url} width={148} height={148} data-testid="cert-qr" /> : null;
}

/** What the caller may do now: illegal moves are not offered (the server still refuses them with a 409). */
function allowed(
  c: CertificateDetail,
  who: { holder: boolean; pledgee: boolean; applicant: boolean; regulator: boolean; operator: boolean },
) {
  const ended = c.status === 'cancelled' || c.status === 'expired';
  const frozen = c.flags.frozen;
  const { pledged, disputed } = c.flags;
  const lifecycle: LifecycleType[] = [];
  const direct: DirectAction[] = [];
  if (!ended && !frozen && who.holder) {
    lifecycle.push('change', 'license', 'renew');
    if (!pledged && !disputed) lifecycle.push('transfer', 'pledge', 'cancel');
  }
  if (!ended && !frozen && pledged && (who.holder || who.pledgee)) lifecycle.push('release');
  if (!ended && !frozen && !disputed && !who.holder && who.applicant) lifecycle.push('objection');
  if (!ended && who.regulator) direct.push(frozen ? 'unfreeze' : 'freeze');
  if (!ended && !frozen && disputed && who.operator) direct.push('resolveDispute');
  return { lifecycle, direct };
}

/** 证书: the printable certificate with its QR code, the credential, licenses, history and actions by role. */
export function CertificatePage() {
  const { id = '' } = useParams();
  const t = useT();
  const { me, hasRole } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [life, setLife] = useState<LifecycleType | null>(null);
  const [direct, setDirect] = useState<DirectAction | null>(null);
  const [form] = Form.useForm<{ reason: string; upheld?: boolean }>();
  const q = useQuery({
    queryKey: registryKeys.certificate(id),
    queryFn: () => sdk.registry.certificate({ params: { id } }),
  });
  const m = useMutation({
    mutationFn: (v: { reason: string; upheld?: boolean }) => {
      const reason = v.reason.trim();
      if (direct === 'freeze') return sdk.registry.freeze({ params: { id }, body: { reason } });
      if (direct === 'unfreeze') return sdk.registry.unfreeze({ params: { id }, body: { reason } });
      return sdk.registry.resolveDispute({ params: { id }, body: { reason, upheld: v.upheld === true } });
    },
    onSuccess: () => {
      void message.success(t.registry.done);
      setDirect(null);
      void qc.invalidateQueries({ queryKey: registryKeys.all });
    },
  });
  if (q.isPending || q.isError) return <QueryState q={q} />;
  const c = q.data;
  const myOrg = me?.org?.id;
  const applicantRole = hasRole('merchant', 'authority', 'buyer', 'org_admin');
  const can = allowed(c, {
    holder: applicantRole && myOrg === c.holderOrgId,
    pledgee: applicantRole && !!c.pledge && myOrg === c.pledge.pledgeeOrgId,
    applicant: applicantRole,
    regulator: hasRole('regulator'),
    operator: hasRole('operator'),
  });
  // The portal's public verify page (the contract's verifyPath is the API's JSON bundle).
  const verifyPage = `/verify/${encodeURIComponent(c.certNo)}`;
  const verifyUrl = `${window.location.origin}${verifyPage}`;
  const proof = (c.credential as { proof?: { proofValue?: string; verificationMethod?: string } }).proof;
  const issuer = (c.credential as { issuer?: { name?: string } }).issuer?.name;

  return (
    <PageContainer
      title={c.certNo}
      subTitle={<CertStatusTag status={c.status} />}
      extra={
        <Space className="no-print">
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="cert-print">
            {t.registry.print}
          </Button>
          <Link to={verifyPage} data-testid="cert-verify-link">
            <Button icon={<SafetyCertificateOutlined />}>{t.registry.verifyLink}</Button>
          </Link>
        </Space>
      }
    >
      <Card className="cert-print" style={{ marginBottom: 16 }} data-testid="cert-sheet">
        <Flex vertical align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={3} style={{ margin: 0, letterSpacing: 4 }}>
            {t.registry.certTitle}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t.registry.certNo}:{' '}
            <Typography.Text strong data-testid="cert-no">
              {c.certNo}
            </Typography.Text>
          </Typography.Text>
        </Flex>
        <Flex gap={24} align="start" wrap>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            style={{ flex: 1, minWidth: 320 }}
            items={[
              { key: 'holder', label: t.registry.holder, children: c.holderOrgName ?? c.holderOrgId },
              { key: 'status', label: t.registry.status, children: <CertStatusTag status={c.status} /> },
              { key: 'object', label: t.registry.object, children: c.objectTitle, span: 2 },
              { key: 'cat', label: t.registry.category, children: enumLabel(t.regCategory, c.category) },
              { key: 'rights', label: t.registry.rights, children: <RightsTags rights={c.rights} /> },
              { key: 'scope', label: t.registry.scope, children: c.scope, span: 2 },
              { key: 'issued', label: t.registry.issuedAt, children: formatTime(c.issuedAt, 'YYYY-MM-DD') },
              {
                key: 'valid',
                label: t.registry.validUntil,
                children: `${formatTime(c.validFrom, 'YYYY-MM-DD')} — ${formatTime(c.validUntil, 'YYYY-MM-DD')}`,
              },
              ...(c.pledge
                ? [
                    {
                      key: 'pledge',
                      label: t.registry.pledgee,
                      children: `${c.pledge.pledgeeOrgName ?? c.pledge.pledgeeOrgId}${c.pledge.securedAmountFen ? ` · ${formatYuan(c.pledge.securedAmountFen)}` : ''}`,
                    },
                  ]
                : []),
              ...(c.freeze
                ? [
                    {
                      key: 'freeze',
                      label: t.registry.frozenSince,
                      children: `${formatTime(c.freeze.since)} · ${c.freeze.reason}`,
                    },
                  ]
                : []),
              ...(c.cancelReason
                ? [{ key: 'cancel', label: t.registry.cancelReason, children: c.cancelReason }]
                : []),
              { key: 'issuer', label: t.registry.issuer, children: issuer ?? '—' },
              { key: 'version', label: t.registry.version, children: c.version },
              {
                key: 'ledger',
                label: t.registry.ledgerIndex,
                children: c.ledgerIndex === null ? '—' : `#${c.ledgerIndex}`,
              },
              {
                key: 'hash',
                label: t.registry.certHash,
                children: <CodeValue value={c.certHash} />,
                span: 2,
              },
            ]}
          />
          <Flex vertical align="center" gap={4}>
            <VerifyQr url={verifyUrl} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t.registry.qrHint}
            </Typography.Text>
            <Typography.Text style={{ fontSize: 11, maxWidth: 180, wordBreak: 'break-all' }}>
              {verifyUrl}
            </Typography.Text>
          </Flex>
        </Flex>
      </Card>
      {(can.lifecycle.length > 0 || can.direct.length > 0) && (
        <Card title={t.registry.actionsTitle} className="no-print" style={{ marginBottom: 16 }}>
          <Space wrap data-testid="cert-actions">
            {can.lifecycle.map((k) => (
              <Button
                key={k}
                danger={k === 'cancel' || k === 'objection'}
                onClick={() => setLife(k)}
                data-testid={`cert-action-${k}`}
              >
                {t.registry[k === 'objection' ? 'objectCert' : k]}
              </Button>
            ))}
            {can.direct.map((k) => (
              <Button
                key={k}
                type="primary"
                danger={k === 'freeze'}
                onClick={() => {
                  m.reset();
                  setDirect(k);
                }}
                data-testid={`cert-action-${k}`}
              >
                {t.registry[k]}
              </Button>
            ))}
          </Space>
        </Card>
      )}
      <Row gutter={16} className="no-print">
        <Col xs={24} xl={14}>
          <Card title={t.registry.licenses} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={c.licenses}
              locale={{ emptyText: t.common.none }}
              columns={[
                {
                  key: 'licensee',
                  title: t.registry.licensee,
                  render: (_, l) => l.licenseeOrgName ?? l.licenseeOrgId,
                },
                {
                  key: 'rights',
                  title: t.registry.rights,
                  render: (_, l) => <RightsTags rights={l.rights} />,
                },
                { key: 'scope', title: t.registry.scope, dataIndex: 'scope' },
                { key: 'term', title: t.registry.term, render: (_, l) => `${l.validFrom} — ${l.validUntil}` },
                {
                  key: 'excl',
                  title: t.registry.exclusive,
                  render: (_, l) => (l.exclusive ? t.common.yes : t.common.no),
                },
                {
                  key: 'active',
                  title: t.registry.status,
                  render: (_, l) => (l.active ? t.registry.active : t.registry.inactive),
                },
              ]}
            />
          </Card>
          <Card title={t.registry.credential}>
            <pre
              style={{ maxHeight: 420, overflow: 'auto', fontSize: 12, margin: 0 }}
              data-testid="cert-credential"
            >
              {JSON.stringify(c.credential, null, 2)}
            </pre>
            {proof?.verificationMethod && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {proof.verificationMethod}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t.registry.history}>
            <RegTimeline events={c.history} testId="cert-history" />
          </Card>
        </Col>
      </Row>
      {life && <LifecycleModal type={life} cert={c} onClose={() => setLife(null)} />}
      <ActionModal
        open={!!direct}
        title={direct ? t.registry[direct] : ''}
        danger={direct === 'freeze'}
        form={form}
        pending={m.isPending}
        error={m.error}
        onOk={(v) => m.mutate(v)}
        onClose={() => setDirect(null)}
        testId="direct-modal"
      >
        {direct === 'resolveDispute' && (
          <Form.Item name="upheld" initialValue={false} label={t.registry.decide}>
            <Radio.Group
              options={[
                { value: true, label: t.registry.upheld },
                { value: false, label: t.registry.dismissed },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={
            direct === 'unfreeze'
              ? t.registry.unfreezeReason
              : direct === 'freeze'
                ? t.registry.freezeReason
                : t.registry.decideReason
          }
          rules={[
            { required: true, whitespace: true, message: t.validation.required },
            zodRule(CertificateFreezeBody.shape.reason, t),
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="direct-reason" />
        </Form.Item>
      </ActionModal>
    </PageContainer>
  );
}
