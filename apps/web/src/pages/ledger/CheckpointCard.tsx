import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { LedgerCheckpoint } from '@shuliu/contracts';
import { Alert, Button, Card, Descriptions, Skeleton, Tooltip } from 'antd';
import { QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { rootHex, type Step } from './ledger-verify';
import { CodeValue, HashLine } from './VerifySteps';

function SignatureVerdict({ cp, check }: { cp: LedgerCheckpoint; check: Step }) {
  const t = useT();
  const ok = check.status === 'ok';
  const reason =
    check.status === 'fail'
      ? `${t.ledger.reason[check.reason]}${check.detail ? ` (${check.detail})` : ''}`
      : undefined;
  return (
    <Alert
      type={ok ? 'success' : 'error'}
      showIcon
      icon={<SafetyCertificateOutlined />}
      title={ok ? t.ledger.sigOk : t.ledger.sigBad}
      description={ok ? t.ledger.sigOkDesc(cp.keyId) : reason}
      data-testid="checkpoint-verdict"
      data-ok={ok}
      style={{ marginBottom: 16 }}
    />
  );
}

interface Props {
  checkpoint: LedgerCheckpoint | undefined;
  check: Step | undefined;
  error: unknown;
  fetching: boolean;
  updatedAt: number;
  onRefresh: () => void;
}

/** The latest signed checkpoint, its fields, and the SM2 verdict computed in this browser. */
export function CheckpointCard({ checkpoint: cp, check, error, fetching, updatedAt, onRefresh }: Props) {
  const t = useT();
  const extra = (
    <Tooltip title={updatedAt ? t.ledger.updatedAt(formatTime(new Date(updatedAt).toISOString())) : null}>
      <Button
        type="text"
        icon={<ReloadOutlined spin={fetching} />}
        onClick={onRefresh}
        aria-label={t.common.refresh}
        data-testid="checkpoint-refresh"
      />
    </Tooltip>
  );
  return (
    <Card title={t.ledger.checkpoint} extra={extra} data-testid="checkpoint-card">
      {error ? <QueryErrorAlert error={error} onRetry={onRefresh} /> : null}
      {!cp && !error && <Skeleton active paragraph={{ rows: 8 }} />}
      {cp && check && <SignatureVerdict cp={cp} check={check} />}
      {cp && (
        <Descriptions
          size="small"
          column={1}
          bordered
          styles={{ label: { width: 132 } }}
          items={[
            { key: 'origin', label: t.ledger.origin, children: cp.origin },
            {
              key: 'size',
              label: t.ledger.treeSize,
              children: <span data-testid="checkpoint-size">{t.ledger.entriesCount(cp.treeSize)}</span>,
            },
            {
              key: 'root',
              label: t.ledger.root,
              children: (
                <>
                  <HashLine label="base64" value={cp.rootHash} />
                  <HashLine label="hex" value={rootHex(cp)} />
                </>
              ),
            },
            { key: 'alg', label: t.ledger.hashAlg, children: cp.hashAlg.toUpperCase() },
            { key: 'key', label: t.ledger.keyId, children: <CodeValue value={cp.keyId} /> },
            { key: 'pub', label: t.ledger.publicKey, children: <CodeValue value={cp.publicKey} /> },
            { key: 'sig', label: t.ledger.signature, children: <CodeValue value={cp.signature} /> },
            { key: 'body', label: t.ledger.body, children: <pre className="mono-block">{cp.body}</pre> },
            { key: 'at', label: t.ledger.createdAt, children: formatTime(cp.createdAt) },
          ]}
        />
      )}
    </Card>
  );
}
