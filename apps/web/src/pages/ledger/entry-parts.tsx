import { LedgerEntry, type LedgerEntryReply } from '@shuliu/contracts';
import { Tag } from 'antd';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';

/** The entry the server says was hashed, read with the contract; null when it is not a valid entry. */
export function parseEntry(reply: LedgerEntryReply): LedgerEntry | null {
  try {
    const r = LedgerEntry.safeParse(JSON.parse(reply.entry));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** One colour per kind of attested object: certificates blue, contracts purple, consent green, the log's own cyan. */
const TYPE_COLOR: Record<string, string> = {
  'certificate.issued': 'blue',
  'certificate.changed': 'geekblue',
  'contract.signed': 'purple',
  'contract.concluded': 'purple',
  'consent.granted': 'green',
  'consent.revoked': 'volcano',
  'audit.anchor': 'cyan',
  'listing.published': 'gold',
  'key.rotated': 'magenta',
};

export function EntryTypeTag({ type }: { type: string | undefined }) {
  const t = useT();
  if (!type) return <Tag>{t.ledger.unreadable}</Tag>;
  return (
    <Tag color={TYPE_COLOR[type] ?? 'default'} data-type={type}>
      {enumLabel(t.ledger.entryType, type)}
    </Tag>
  );
}
