import type { LedgerCheckpoint, LedgerEntryReply } from '@shuliu/contracts';
import { Card, Descriptions, Drawer, Typography } from 'antd';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { EntryTypeTag, parseEntry } from './entry-parts';
import { InclusionCheck } from './InclusionCheck';
import { CodeValue } from './VerifySteps';

function pretty(entry: string): string {
  try {
    return JSON.stringify(JSON.parse(entry), null, 2);
  } catch {
    return entry;
  }
}

/** One entry: what it attests, the exact text that was hashed, and its inclusion proof. */
export function EntryDrawer({
  entry,
  checkpoint,
  onClose,
}: {
  entry: LedgerEntryReply | null;
  checkpoint: LedgerCheckpoint | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const parsed = entry && parseEntry(entry);
  return (
    <Drawer
      open={!!entry}
      onClose={onClose}
      size={760}
      title={entry ? t.ledger.entryTitle(entry.index) : ''}
      data-testid="entry-drawer"
    >
      {entry && (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            styles={{ label: { width: 150 } }}
            items={[
              { key: 'type', label: t.ledger.type, children: <EntryTypeTag type={parsed?.type} /> },
              { key: 'at', label: t.ledger.at, children: formatTime(parsed?.at) },
              {
                key: 'object',
                label: t.ledger.object,
                children: parsed ? `${parsed.objectType} · ${parsed.objectId}` : '—',
              },
              {
                key: 'sm3',
                label: t.ledger.objectSm3,
                children: parsed ? <CodeValue value={parsed.objectSm3} /> : '—',
              },
              { key: 'leaf', label: t.ledger.leafHash, children: <CodeValue value={entry.leafHash} /> },
              {
                key: 'canonical',
                label: t.ledger.canonical,
                children: (
                  <Typography.Paragraph
                    code
                    copyable
                    style={{ wordBreak: 'break-all', marginBottom: 0, fontSize: 12 }}
                    data-testid="entry-canonical"
                  >
                    {entry.entry}
                  </Typography.Paragraph>
                ),
              },
              {
                key: 'pretty',
                label: t.ledger.pretty,
                children: <pre className="mono-block">{pretty(entry.entry)}</pre>,
              },
            ]}
          />
          <Card size="small" title={t.ledger.prove} style={{ marginTop: 16 }}>
            {checkpoint && <InclusionCheck key={entry.index} entry={entry} checkpoint={checkpoint} />}
          </Card>
        </>
      )}
    </Drawer>
  );
}
