import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { ConsentGrant, ReceiptBundle } from '@shuliu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { sdk } from '../../../api/sdk';
import { useErrorText } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import { downloadBlob } from '../../../lib/csv';
import { formatTime } from '../../../lib/time';
import { personKeys } from './consent-queries';
import { useIsPhone } from './consent-parts';
import { ReceiptVerifyReport, verifyReceiptInBrowser, type ReceiptCheckRow } from './receipt-verify';

type Receipt = ConsentGrant['receipts'][number];

const fileName = (id: string) => `consent-receipt-${id}.json`;

/** The platform's published signing keys (public ledger API): a receipt signed by another key fails. */
function useTrustedKeys() {
  return useQuery({
    queryKey: ['ledger', 'keys'],
    queryFn: () => sdk.ledger.keys(),
    staleTime: 5 * 60_000,
    select: (r) => r.items.map((k) => k.publicKey),
  });
}

/** `shuliu verify-consent` (apps/cli/src/commands/verify-consent.ts) on the downloaded file, pinned to the key. */
function OfflineHint({ id, publicKey }: { id: string; publicKey?: string }) {
  const t = useT();
  const cmd = `shuliu verify-consent ${fileName(id)}${publicKey ? ` --public-key ${publicKey}` : ''}`;
  return (
    <>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t.consentPerson.receipt.offline}
      </Typography.Text>
      <Typography.Paragraph
        copyable
        className="mono-block"
        style={{ marginTop: 4 }}
        data-testid="receipt-offline-command"
      >
        {cmd}
      </Typography.Paragraph>
    </>
  );
}

/** One receipt: when, what, and its two actions — keep it as a file, or check it right here. */
function ReceiptItem({ receipt }: { receipt: Receipt }) {
  const t = useT();
  const r = t.consentPerson.receipt;
  const phone = useIsPhone();
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const keys = useTrustedKeys();
  const [busy, setBusy] = useState<'download' | 'verify' | null>(null);
  const [rows, setRows] = useState<ReceiptCheckRow[] | null>(null);
  const [bundle, setBundle] = useState<ReceiptBundle | null>(null);
  const load = () =>
    qc.fetchQuery({
      queryKey: personKeys.receipt(receipt.id),
      queryFn: () => sdk.consent.receipt({ params: { id: receipt.id } }),
    });
  const run = async (what: 'download' | 'verify') => {
    setBusy(what);
    try {
      const b = await load();
      setBundle(b);
      if (what === 'download') {
        const json = new Blob([JSON.stringify(b, null, 2)], { type: 'application/json' });
        downloadBlob(json, fileName(receipt.id));
      } else {
        // let the button's spinner paint before SM2 verification holds the main thread for a moment
        await new Promise((ok) => setTimeout(ok, 30));
        setRows(verifyReceiptInBrowser(b, keys.data));
      }
    } catch (e) {
      void message.error(errText(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Flex vertical gap={8} data-testid={`receipt-${receipt.id}`} data-event={receipt.event}>
      <Typography.Text strong>
        {r[receipt.event]} · {formatTime(receipt.createdAt)}
      </Typography.Text>
      <Typography.Text type="secondary" copyable style={{ fontSize: 12 }}>
        {receipt.id}
      </Typography.Text>
      <Flex gap={8} vertical={phone}>
        <Button
          icon={<DownloadOutlined />}
          loading={busy === 'download'}
          onClick={() => void run('download')}
          block={phone}
          data-testid={`receipt-download-${receipt.id}`}
        >
          {r.download}
        </Button>
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={busy === 'verify'}
          onClick={() => void run('verify')}
          block={phone}
          data-testid={`receipt-verify-${receipt.id}`}
        >
          {r.verify}
        </Button>
      </Flex>
      {rows && (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {keys.data ? r.trustedKeys : r.ownKey}
          </Typography.Text>
          <ReceiptVerifyReport rows={rows} testId="receipt-verify" />
        </>
      )}
      {bundle && <OfflineHint id={receipt.id} publicKey={keys.data ? bundle.publicKey : undefined} />}
    </Flex>
  );
}

/** The receipts of a grant, oldest first: the grant's, then the revocation's. */
export function ReceiptTimeline({ receipts }: { receipts: ConsentGrant['receipts'] }) {
  const t = useT();
  if (receipts.length === 0) return <Empty description={t.consentPerson.receipt.noReceipts} />;
  return (
    <Timeline
      data-testid="receipt-timeline"
      items={receipts.map((x) => ({
        key: x.id,
        color: x.event === 'granted' ? 'green' : 'gray',
        content: <ReceiptItem receipt={x} />,
      }))}
    />
  );
}
