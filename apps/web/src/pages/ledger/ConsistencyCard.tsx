import { BranchesOutlined } from '@ant-design/icons';
import type { LedgerCheckpoint } from '@shuliu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { checkConsistency, type ConsistencySteps } from './ledger-verify';
import { lastSeenBelow, seenAt, type SeenCheckpoint } from './seen-checkpoints';
import { HashLine, VerifyReport, type StepRow } from './VerifySteps';

interface Checked {
  older: LedgerCheckpoint;
  newer: LedgerCheckpoint;
  proof: string[];
  steps: ConsistencySteps;
}

function rows(t: ReturnType<typeof useT>, r: Checked): StepRow[] {
  const { steps } = r;
  return [
    { key: 'older', title: t.ledger.step.older(r.older.treeSize), step: steps.older },
    { key: 'newer', title: t.ledger.step.newer(r.newer.treeSize), step: steps.newer },
    {
      key: 'seen',
      title: t.ledger.step.seen,
      step: steps.seen,
      content:
        steps.seen.status === 'skip' ? (
          <Typography.Text type="secondary">{t.ledger.notRemembered}</Typography.Text>
        ) : (
          <>
            <HashLine label={t.ledger.rememberedRoot} value={steps.seen.values?.root ?? ''} />
            <HashLine label={t.ledger.signedRoot} value={r.older.rootHash} />
          </>
        ),
    },
    {
      key: 'proof',
      title: `${t.ledger.step.proof} (${t.ledger.pathCount(String(r.proof.length))})`,
      step: steps.proof,
      content: r.proof.map((h, i) => <HashLine key={i} label={`#${i + 1}`} value={h} />),
    },
  ];
}

/**
 * 一致性校验 between two signed sizes, by default the largest this browser saw before and the current one:
 * both checkpoints' signatures, the remembered root, and the RFC 9162 consistency proof, all checked here.
 */
export function ConsistencyCard({ current, seen }: { current: LedgerCheckpoint; seen: SeenCheckpoint[] }) {
  const t = useT();
  const last = lastSeenBelow(seen, current.origin, current.treeSize);
  const [from, setFrom] = useState<number | null>(last?.treeSize ?? null);
  // null follows the current checkpoint as it refreshes, until the user picks a size
  const [to, setTo] = useState<number | null>(null);
  const toSize = to ?? current.treeSize;
  const check = useMutation({
    mutationFn: async ({ a, b }: { a: number; b: number }): Promise<Checked> => {
      const newer =
        b === current.treeSize ? current : await sdk.ledger.checkpoint({ query: { treeSize: b } });
      const older = await sdk.ledger.checkpoint({ query: { treeSize: a } });
      const proof = await sdk.ledger.consistency({ query: { from: a, to: b } });
      const remembered = seenAt(seen, older.origin, a)?.rootHash;
      return { older, newer, proof: proof.proof, steps: checkConsistency(older, newer, proof, remembered) };
    },
  });
  const tooLarge = from !== null && from > toSize;
  const r = check.data;
  return (
    <Card title={t.ledger.consistency} data-testid="consistency-card">
      <Typography.Paragraph type="secondary">{t.ledger.consistencyHelp}</Typography.Paragraph>
      <Typography.Paragraph data-testid="consistency-last-seen">
        {last ? t.ledger.lastSeen(last.treeSize, formatTime(last.seenAt)) : t.ledger.nothingSeen}
      </Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item
          label={t.ledger.from}
          validateStatus={tooLarge ? 'error' : undefined}
          help={tooLarge ? t.ledger.fromTooLarge : undefined}
        >
          <InputNumber min={1} precision={0} value={from} onChange={setFrom} data-testid="consistency-from" />
        </Form.Item>
        <Form.Item label={t.ledger.to}>
          <InputNumber
            min={1}
            precision={0}
            value={toSize}
            onChange={(v) => setTo(v)}
            data-testid="consistency-to"
          />
        </Form.Item>
        <Button
          icon={<BranchesOutlined />}
          disabled={from === null || tooLarge || toSize < 1}
          loading={check.isPending}
          onClick={() => from !== null && check.mutate({ a: from, b: toSize })}
          data-testid="consistency-check"
        >
          {t.ledger.check}
        </Button>
      </Form>
      <Flex vertical style={{ marginTop: 16 }}>
        <MutationErrorAlert error={check.error} />
        {r && (
          <VerifyReport
            rows={rows(t, r)}
            ok={t.ledger.consistencyOk}
            bad={t.ledger.consistencyBad}
            okDescription={t.ledger.consistencyOkDesc(r.older.treeSize, r.newer.treeSize)}
            testId="consistency"
          />
        )}
      </Flex>
    </Card>
  );
}
