import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditVerifyReply } from '@shuliu/contracts';
import { Alert, Button } from 'antd';
import { useT } from '../../i18n/I18nProvider';
import { useErrorText } from '../../components/QueryError';

export function VerifyButton({ loading, onClick }: { loading: boolean; onClick: () => void }) {
  const t = useT();
  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={loading}
      onClick={onClick}
      data-testid="verify-chain"
    >
      {t.audit.verify}
    </Button>
  );
}

/** The outcome of recomputing the audit hash chain: intact, or the first bad sequence number. */
export function VerifyResult({
  result,
  error,
  onClose,
}: {
  result?: AuditVerifyReply;
  error: unknown;
  onClose: () => void;
}) {
  const t = useT();
  const errText = useErrorText();
  if (!result && !error) return null;
  const ok = result?.ok === true;
  const description = result
    ? ok
      ? t.audit.verifyOkDesc(result.checked, result.headSeq, result.hashAlg)
      : t.audit.verifyBadDesc(result.firstBadSeq, result.problem ?? '')
    : errText(error);
  return (
    <Alert
      type={ok ? 'success' : 'error'}
      showIcon
      closable={{ onClose }}
      title={ok ? t.audit.verifyOk : t.audit.verifyBad}
      description={description}
      style={{ marginBottom: 16 }}
      data-testid="verify-result"
      data-ok={ok}
    />
  );
}
