import {
  CheckCircleFilled,
  CloseCircleFilled,
  DownloadOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import {
  CONTRACT_TEMPLATE_DEFS,
  type Contract,
  type ContractBundle,
  type ContractSide,
} from '@shuliu/contracts';
import { Alert, Button, Card, Descriptions, Empty, Flex, Spin, Steps, Tag, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { QueryErrorAlert } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { downloadBlob } from '../../lib/csv';
import { formatTime } from '../../lib/time';
import { useContractBundle, useLedgerKeys } from './contract-queries';
import { verifyContractInBrowser, type CheckStatus, type PartyCheckName } from './contract-verify';

type Verification = ReturnType<typeof verifyContractInBrowser>;

const MARK: Record<CheckStatus, ReactNode> = {
  ok: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  fail: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  skip: <MinusCircleOutlined style={{ color: '#bfbfbf' }} />,
};
const STEP = { ok: 'finish', fail: 'error', skip: 'wait' } as const;
const PARTY_CHECKS: PartyCheckName[] = ['signature', 'ledgerEntry', 'inclusion'];

/** Runs the verifier once the bundle and the published ledger keys are in; a moment later, so the spinner paints. */
function useVerification(bundle: ContractBundle | undefined, keys: string[] | undefined, keysDone: boolean) {
  const [v, setV] = useState<Verification | null>(null);
  useEffect(() => {
    setV(null);
    if (!bundle || !keysDone) return;
    const timer = setTimeout(() => setV(verifyContractInBrowser(bundle, keys)), 30);
    return () => clearTimeout(timer);
  }, [bundle, keys, keysDone]);
  return v;
}

/**
 * 签名与核验: each party's signature — key, custody, time — with ✓ or ✗ for its SM2 signature, its ledger entry
 * and that entry's inclusion proof, all checked in this browser; then the verifier's checks in order, the
 * first failure named, and the command that checks the same bundle offline.
 */
export function ContractSignatures({ contract: c }: { contract: Contract }) {
  const { t, lang } = useI18n();
  const m = t.contract;
  const bundle = useContractBundle(c.contractNo, c.signatures.length);
  const keys = useLedgerKeys();
  const v = useVerification(bundle.data, keys.data, !keys.isPending);
  const roles = CONTRACT_TEMPLATE_DEFS[c.template].roles;
  const good = !!v && v.rows.every((r) => r.status === 'ok');
  const failed = v?.rows.find((r) => r.status === 'fail');
  const body = () => {
    if (!c.signatures.length)
      return <Empty description={m.noSignatures} data-testid="contract-no-signatures" />;
    if (bundle.isError) return <QueryErrorAlert error={bundle.error} onRetry={() => void bundle.refetch()} />;
    if (!v)
      return (
        <Flex gap={8} align="center" data-testid="contract-verifying">
          <Spin size="small" /> {m.verifying}
        </Flex>
      );
    return (
      <Alert
        type={good ? 'success' : 'error'}
        showIcon
        title={good ? m.verifyOk : m.verifyBad}
        description={good ? m.verifyOkDesc : failed && `${m.checks[failed.check]}: ${failed.message}`}
        data-testid="contract-verdict"
        data-ok={good}
      />
    );
  };
  return (
    <Card title={m.signatures} style={{ marginBottom: 16 }} data-testid="contract-signatures">
      <Typography.Paragraph type="secondary">{m.signaturesIntro}</Typography.Paragraph>
      {body()}
      {(['buyer', 'seller'] as ContractSide[]).map((side) => (
        <PartySignature key={side} side={side} role={roles[side][lang]} contract={c} verification={v} />
      ))}
      {v && (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {keys.data ? m.trustedKeys : m.ownKey}
          </Typography.Text>
          <Steps
            orientation="vertical"
            size="small"
            style={{ marginTop: 12 }}
            data-testid="contract-verify-steps"
            items={v.rows.map((r) => ({
              key: r.check,
              status: STEP[r.status],
              title: (
                <span data-testid={`contract-check-${r.check}`} data-status={r.status}>
                  {m.checks[r.check]} · {m.stepStatus[r.status]}
                </span>
              ),
              content: r.message && (
                <Typography.Text
                  type={r.status === 'fail' ? 'danger' : 'secondary'}
                  style={{ fontSize: 12, wordBreak: 'break-all' }}
                >
                  {r.message}
                </Typography.Text>
              ),
            }))}
          />
        </>
      )}
      {bundle.data && <OfflineVerify contractNo={c.contractNo} bundle={bundle.data} />}
    </Card>
  );
}

function PartySignature({
  side,
  role,
  contract: c,
  verification: v,
}: {
  side: ContractSide;
  role: string;
  contract: Contract;
  verification: Verification | null;
}) {
  const { t } = useI18n();
  const m = t.contract;
  const s = c.signatures.find((x) => x.party === side);
  const verdict = v?.parties.find((p) => p.party === side && p.keyId === s?.keyId);
  const ok = !!verdict && !verdict.failure;
  const status = !s ? 'unsigned' : !verdict ? 'pending' : ok ? 'verified' : 'failed';
  return (
    <Card
      size="small"
      type="inner"
      style={{ marginTop: 12 }}
      title={`${role}：${c.document.parties[side].name}`}
      extra={
        !s ? (
          <Tag>{m.unsigned}</Tag>
        ) : verdict ? (
          <Tag color={ok ? 'green' : 'red'} icon={MARK[ok ? 'ok' : 'fail']}>
            {ok ? m.verified : m.notVerified}
          </Tag>
        ) : null
      }
      data-testid={`contract-signature-${side}`}
      data-status={status}
    >
      {s ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'key', label: m.keyId, children: <Typography.Text code>{s.keyId}</Typography.Text> },
            { key: 'custody', label: m.custodyLabel, children: m.custody[s.custody] },
            { key: 'at', label: m.signedAt, children: formatTime(s.signedAt) },
            { key: 'index', label: m.ledgerIndex, children: s.ledgerIndex },
            {
              key: 'checks',
              label: m.checksLabel,
              span: 'filled',
              children: (
                <Flex gap={16} wrap>
                  {PARTY_CHECKS.map((k) => (
                    <span
                      key={k}
                      data-testid={`contract-signature-${side}-${k}`}
                      data-status={verdict?.checks[k] ?? 'skip'}
                    >
                      {MARK[verdict?.checks[k] ?? 'skip']} {m.partyChecks[k]}
                    </span>
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{m.unsigned}</Typography.Text>
      )}
      {verdict?.failure && (
        <Typography.Paragraph
          type="danger"
          style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}
          data-testid={`contract-signature-${side}-failure`}
        >
          {m.partyChecks[verdict.failure.check]}: {verdict.failure.message}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** The same bundle, to check again with no browser: `shuliu verify-contract`. */
function OfflineVerify({ contractNo, bundle }: { contractNo: string; bundle: ContractBundle }) {
  const { t } = useI18n();
  const m = t.contract;
  const file = `${contractNo}.verify.json`;
  return (
    <Flex gap={8} align="center" wrap style={{ marginTop: 12 }} className="no-print">
      <Typography.Text type="secondary">{m.offlineVerify}</Typography.Text>
      <Typography.Text code copyable>{`shuliu verify-contract ${file}`}</Typography.Text>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        onClick={() =>
          downloadBlob(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' }), file)
        }
      >
        {m.downloadBundle}
      </Button>
    </Flex>
  );
}
