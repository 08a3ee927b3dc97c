import type { ConsentGrant, Person } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Divider, Drawer, Flex, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { sdk } from '../../../api/sdk';
import { QueryErrorResult } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import { formatTime } from '../../../lib/time';
import { personKeys } from './consent-queries';
import {
  GrantStatusTag,
  PiFieldTags,
  grantedByText,
  subjectText,
  useDrawerSize,
  useIsPhone,
} from './consent-parts';
import { ReceiptTimeline } from './ReceiptTimeline';
import { RevokeButton } from './RevokeButton';
import { UsesList } from './UsesList';

/** Consent again to the scenario in force: its page in the hub, for the same person (or ward). */
const renewLink = (g: ConsentGrant, me: Person | undefined) =>
  `/consent/mine?tab=scenarios&scenario=${g.scenarioId}${me && g.subjectId !== me.userId ? `&for=${g.subjectId}` : ''}`;

function Section({ title }: { title: string }) {
  return (
    <Divider titlePlacement="start" style={{ marginTop: 20 }}>
      <Typography.Text strong>{title}</Typography.Text>
    </Divider>
  );
}

/** Everything the person agreed to in one grant: whose data, to whom, what for, which fields, until when. */
export function GrantTerms({ g, me }: { g: ConsentGrant; me: Person | undefined }) {
  const t = useT();
  const c = t.consentPerson.grant;
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'status', label: c.status, children: <GrantStatusTag status={g.status} /> },
        { key: 'subject', label: c.subject, children: subjectText(t, g, me) },
        { key: 'org', label: c.org, children: g.orgName ?? g.orgId },
        { key: 'recipient', label: c.recipient, children: g.recipient },
        { key: 'purpose', label: c.purpose, children: g.purpose },
        { key: 'method', label: c.method, children: g.processingMethod },
        { key: 'version', label: c.version, children: c.versionNo(g.version) },
        { key: 'until', label: c.until, children: formatTime(g.expiresAt, 'YYYY-MM-DD HH:mm') },
        { key: 'by', label: c.grantedBy, children: grantedByText(t, g, me) },
        { key: 'at', label: c.grantedAt, children: formatTime(g.grantedAt) },
        ...(g.revokedAt ? [{ key: 'revoked', label: c.revokedAt, children: formatTime(g.revokedAt) }] : []),
      ]}
    />
  );
}

/** One grant in full, with its receipts (download, verify here) and the revocation. */
export function GrantDrawer({
  id,
  me,
  onClose,
}: {
  id: string | null;
  me: Person | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const c = t.consentPerson.grant;
  const size = useDrawerSize();
  const phone = useIsPhone();
  const q = useQuery({
    queryKey: personKeys.grant(id ?? ''),
    queryFn: () => sdk.consent.grant({ params: { id: id! } }),
    enabled: !!id,
  });
  const g = q.data;
  const footer = g && !g.revokedAt && !g.replacedBy && (
    <Flex justify="end" vertical={phone}>
      <RevokeButton grant={g} />
    </Flex>
  );
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={size}
      title={g?.scenarioTitle ?? c.drawerTitle}
      footer={footer || null}
      destroyOnHidden
      data-testid="grant-drawer"
    >
      {q.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
      {q.isError && <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />}
      {g && (
        <>
          {(g.status === 'superseded' || g.status === 'expired') && !g.revokedAt && (
            <Alert
              type="warning"
              showIcon
              title={
                g.replacedBy ? c.replacedHint : g.status === 'superseded' ? c.supersededHint : c.expiredHint
              }
              action={
                g.replacedBy ? (
                  <Link
                    to={`/consent/mine?tab=history&grant=${g.replacedBy}`}
                    data-testid="grant-replacement"
                  >
                    <Button size="small">{c.openReplacement}</Button>
                  </Link>
                ) : (
                  <Link to={renewLink(g, me)} data-testid="grant-renew">
                    <Button size="small" type="primary">
                      {c.renew}
                    </Button>
                  </Link>
                )
              }
              style={{ marginBottom: 16 }}
            />
          )}
          <GrantTerms g={g} me={me} />
          <Section title={c.fields} />
          <PiFieldTags fields={g.fields} />
          <Section title={c.receipts} />
          <ReceiptTimeline receipts={g.receipts} />
          <Section title={t.consentPerson.uses.title} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t.consentPerson.uses.help}
          </Typography.Paragraph>
          <UsesList grant={g} />
        </>
      )}
    </Drawer>
  );
}
