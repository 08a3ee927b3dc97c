import { CheckCircleOutlined, CloseCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { bundleOf, verifyInBrowser } from '../registry/cert-verify';

/**
 * One certificate the listing stands on, checked here in the browser with the registry's own verifier (SM2
 * signature, SM3 digest, the ledger's inclusion proof): the server hands over the bundle, not the verdict.
 */
function CertBadge({ certNo }: { certNo: string }) {
  const t = useT();
  const errorText = useErrorText();
  const q = useQuery({
    queryKey: ['registry', 'verify', certNo],
    queryFn: () => sdk.registry.verify({ params: { certNo } }),
    staleTime: 60_000,
  });
  const checked = useMemo(() => (q.data ? verifyInBrowser(bundleOf(q.data)) : null), [q.data]);
  const failed = checked?.rows.find((r) => r.status === 'fail');
  const ok = !!checked && checked.reply.valid && !failed;
  const state = q.isPending ? 'pending' : ok ? 'verified' : 'failed';
  const why = q.isError
    ? errorText(q.error)
    : failed
      ? `${t.registry.checks[failed.check]}: ${failed.message}`
      : '';
  return (
    <Flex gap={8} align="center" wrap data-testid={`cert-badge-${certNo}`} data-state={state}>
      <Link to={`/verify/${certNo}`}>
        <Typography.Text code>{certNo}</Typography.Text>
      </Link>
      {state === 'pending' && <Tag icon={<LoadingOutlined />}>{t.market.certVerifying}</Tag>}
      {state === 'verified' && (
        <Tag color="green" icon={<CheckCircleOutlined />}>
          {t.market.certVerified}
        </Tag>
      )}
      {state === 'failed' && (
        <Tooltip title={why}>
          <Tag color="red" icon={<CloseCircleOutlined />}>
            {t.market.certFailed}
          </Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

export function CertBadges({ certNos }: { certNos: readonly string[] }) {
  const t = useT();
  if (certNos.length === 0)
    return <Typography.Text type="secondary">{t.market.noCertificates}</Typography.Text>;
  return (
    <Flex vertical gap={8} data-testid="product-certificates">
      {certNos.map((no) => (
        <CertBadge key={no} certNo={no} />
      ))}
    </Flex>
  );
}
