import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { LedgerCheckpoint, LedgerEntryReply } from '@shuliu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Typography } from 'antd';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { checkInclusion, type InclusionSteps } from './ledger-verify';
import { HashLine, VerifyReport, type StepRow } from './VerifySteps';

function rows(
  t: ReturnType<typeof useT>,
  cp: LedgerCheckpoint,
  s: InclusionSteps,
  path: string[],
): StepRow[] {
  const v = (step: { status: string; values?: Record<string, string> }, k: string) =>
    step.status !== 'skip' ? step.values?.[k] : undefined;
  const leafComputed = v(s.leaf, 'computed');
  const rootComputed = v(s.root, 'computed');
  return [
    { key: 'signature', title: t.ledger.step.signature, step: s.signature },
    { key: 'alg', title: t.ledger.step.alg, step: s.alg, content: cp.hashAlg.toUpperCase() },
    {
      key: 'leaf',
      title: t.ledger.step.leaf,
      step: s.leaf,
      content: leafComputed && (
        <>
          <HashLine label={t.ledger.computed} value={leafComputed} />
          <HashLine label={t.ledger.server} value={v(s.leaf, 'server') ?? ''} />
        </>
      ),
    },
    {
      key: 'path',
      title: `${t.ledger.step.path} (${t.ledger.pathCount(String(path.length))})`,
      step: s.path,
      content: path.map((h, i) => <HashLine key={i} label={`#${i + 1}`} value={h} />),
    },
    {
      key: 'root',
      title: t.ledger.step.root,
      step: s.root,
      content: rootComputed && (
        <>
          <HashLine label={t.ledger.computed} value={rootComputed} />
          <HashLine label={t.ledger.signedRoot} value={cp.rootHash} />
        </>
      ),
    },
  ];
}

/**
 * 证明包含: fetches the audit path for this entry at the size of the checkpoint on screen, then recomputes
 * leaf and root here. The checkpoint is the one the user saw verified, held fixed while the proof loads.
 */
export function InclusionCheck({
  entry,
  checkpoint,
}: {
  entry: LedgerEntryReply;
  checkpoint: LedgerCheckpoint;
}) {
  const t = useT();
  const prove = useMutation({
    mutationFn: async (cp: LedgerCheckpoint) => {
      const proof = await sdk.ledger.inclusion({ query: { index: entry.index, treeSize: cp.treeSize } });
      return { cp, proof, steps: checkInclusion(cp, entry, proof) };
    },
  });
  if (entry.index >= checkpoint.treeSize)
    return <Alert type="info" showIcon title={t.ledger.newerThanCheckpoint} data-testid="inclusion-newer" />;
  const r = prove.data;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text type="secondary">{t.ledger.proveHelp(checkpoint.treeSize)}</Typography.Text>
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={prove.isPending}
          onClick={() => prove.mutate(checkpoint)}
          data-testid="prove-inclusion"
        >
          {r ? t.ledger.reprove : t.ledger.prove}
        </Button>
      </Flex>
      <MutationErrorAlert error={prove.error} />
      {r && (
        <VerifyReport
          rows={rows(t, r.cp, r.steps, r.proof.auditPath)}
          ok={t.ledger.inclusionOk}
          bad={t.ledger.inclusionBad}
          okDescription={t.ledger.inclusionOkDesc(entry.index, r.cp.treeSize)}
          testId="inclusion"
        />
      )}
    </Flex>
  );
}
