import type { LedgerEntryReply } from '@shuliu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Col, Flex, Row, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { sdk } from '../../api/sdk';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n/I18nProvider';
import { CheckpointCard } from './CheckpointCard';
import { ConsistencyCard } from './ConsistencyCard';
import { EntriesCard } from './EntriesCard';
import { EntryDrawer } from './EntryDrawer';
import { checkCheckpoint } from './ledger-verify';
import { OfflineCard } from './OfflineCard';
import { loadSeen, rememberCheckpoint } from './seen-checkpoints';

const REFRESH_MS = 30_000;

/**
 * 账本浏览器: the public face of the transparency ledger. Everything the page calls verified is computed in
 * the browser from what the server sends (SM2 over the checkpoint, SM3 over entries, RFC 9162 proofs).
 */
export function LedgerPage() {
  const t = useT();
  const queryClient = useQueryClient();
  // what this browser had seen before this visit: the default start of the consistency check
  const [seen] = useState(loadSeen);
  const [open, setOpen] = useState<LedgerEntryReply | null>(null);
  const cpq = useQuery({
    queryKey: ['ledger', 'checkpoint'],
    queryFn: () => sdk.ledger.checkpoint(),
    refetchInterval: REFRESH_MS,
  });
  const cp = cpq.data;
  const check = useMemo(() => cp && checkCheckpoint(cp), [cp]);
  useEffect(() => {
    if (cp && check?.status === 'ok') rememberCheckpoint(cp);
  }, [cp, check]);
  return (
    <PageContainer title={t.ledger.title} subTitle={t.ledger.subTitle}>
      <Typography.Paragraph type="secondary">{t.ledger.intro}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <CheckpointCard
            checkpoint={cp}
            check={check}
            error={cpq.error}
            fetching={cpq.isFetching}
            updatedAt={cpq.dataUpdatedAt}
            onRefresh={() => void queryClient.invalidateQueries({ queryKey: ['ledger'] })}
          />
        </Col>
        <Col xs={24} xl={10}>
          {cp && (
            <Flex vertical gap={16}>
              <ConsistencyCard current={cp} seen={seen} />
              <OfflineCard checkpoint={cp} index={open?.index ?? null} />
            </Flex>
          )}
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <EntriesCard onOpen={setOpen} />
      </div>
      <EntryDrawer entry={open} checkpoint={cp} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}
