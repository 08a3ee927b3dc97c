import type { LedgerCheckpoint } from '@shuliu/contracts';
import { Card, Typography } from 'antd';
import { useT } from '../../i18n/I18nProvider';

function Command({ label, text }: { label: string; text: string }) {
  return (
    <>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Typography.Paragraph copyable className="mono-block" style={{ marginTop: 4, marginBottom: 12 }}>
        {text}
      </Typography.Paragraph>
    </>
  );
}

/**
 * 离线验证: the `shuliu` commands (apps/cli/src/commands/ledger.ts, verify-ledger.ts) that write a proof bundle
 * from this server and check it with no server at all, filled in with this page's log, sizes and key.
 */
export function OfflineCard({ checkpoint, index }: { checkpoint: LedgerCheckpoint; index: number | null }) {
  const t = useT();
  const server = window.location.origin;
  const size = checkpoint.treeSize;
  const i = index ?? Math.max(0, size - 1);
  const from = Math.max(1, size - 1);
  return (
    <Card title={t.ledger.offline} data-testid="offline-card">
      <Typography.Paragraph type="secondary">{t.ledger.offlineHelp}</Typography.Paragraph>
      <Command
        label={t.ledger.offlineInclusion}
        text={`shuliu ledger prove inclusion --index ${i} --tree-size ${size} --server ${server} --out entry-${i}.json`}
      />
      <Command
        label={t.ledger.offlineConsistency}
        text={`shuliu ledger prove consistency --from ${from} --to ${size} --server ${server} --out consistency-${from}-${size}.json`}
      />
      <Command
        label={`${t.ledger.offlineVerify}, ${t.ledger.offlinePin}`}
        text={`shuliu verify-ledger entry-${i}.json --public-key ${checkpoint.publicKey}`}
      />
    </Card>
  );
}
