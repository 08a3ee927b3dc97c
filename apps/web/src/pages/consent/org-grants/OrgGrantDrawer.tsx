import { StopOutlined } from '@ant-design/icons';
import type { OrgGrant } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Skeleton, Tag, Typography } from 'antd';
import { sdk } from '../../../api/sdk';
import { useAuth } from '../../../auth/AuthProvider';
import { GradeTag } from '../../../components/CatalogTags';
import { QueryErrorResult } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import { formatTime } from '../../../lib/time';
import { GrantStatusTag, ResourceLinks } from './org-grant-parts';

/** Who may revoke: an org admin of the granting organization, while the grant is in force. */
export function useCanRevoke(): (g: OrgGrant) => boolean {
  const { me, hasRole } = useAuth();
  return (g) => hasRole('org_admin') && me?.org?.id === g.grantorOrgId && g.status === 'active';
}

function Terms({ g }: { g: OrgGrant }) {
  const t = useT();
  const o = t.consentOrgs.org;
  const { me } = useAuth();
  const side =
    me?.org?.id === g.grantorOrgId
      ? o.sideGrantor
      : me?.org?.id === g.granteeOrgId
        ? o.sideGrantee
        : o.sideOversight;
  return (
    <>
      <Alert
        type="info"
        showIcon
        title={o.fair}
        description={o.fairText}
        style={{ marginBottom: 16 }}
        data-testid="org-grant-fair"
      />
      <Descriptions
        bordered
        column={1}
        size="small"
        data-testid="org-grant-terms"
        items={[
          { key: 'side', label: o.side, children: <Tag color="blue">{side}</Tag> },
          {
            key: 'status',
            label: o.status,
            children: (
              <span data-testid="org-grant-status" data-status={g.status}>
                <GrantStatusTag status={g.status} />
              </span>
            ),
          },
          { key: 'grantor', label: o.grantor, children: g.grantorOrgName ?? g.grantorOrgId },
          { key: 'grantee', label: o.grantee, children: g.granteeOrgName ?? g.granteeOrgId },
          {
            key: 'resources',
            label: o.resources,
            children: <ResourceLinks grant={g} grades />,
          },
          { key: 'maxGrade', label: o.maxGrade, children: <GradeTag grade={g.maxGrade} /> },
          {
            key: 'purpose',
            label: o.purpose,
            children: <Typography.Paragraph style={{ margin: 0 }}>{g.purpose}</Typography.Paragraph>,
          },
          { key: 'expiresAt', label: o.expiresAt, children: formatTime(g.expiresAt, 'YYYY-MM-DD HH:mm') },
          { key: 'createdAt', label: o.createdAt, children: formatTime(g.createdAt, 'YYYY-MM-DD HH:mm') },
          ...(g.revokedAt
            ? [
                { key: 'revokedAt', label: o.revokedAt, children: formatTime(g.revokedAt) },
                {
                  key: 'revokeReason',
                  label: o.revokeReason,
                  children: <span data-testid="org-grant-revoke-reason-shown">{g.revokeReason ?? '—'}</span>,
                },
              ]
            : []),
          { key: 'id', label: 'ID', children: <Typography.Text copyable>{g.id}</Typography.Text> },
        ]}
      />
    </>
  );
}

/** One enterprise authorization: the same terms whichever side (or the regulator) looks. */
export function OrgGrantDrawer({
  id,
  onClose,
  onRevoke,
}: {
  id?: string;
  onClose: () => void;
  onRevoke: (g: OrgGrant) => void;
}) {
  const t = useT();
  const canRevoke = useCanRevoke();
  const q = useQuery({
    queryKey: ['consent', 'org-grants', 'detail', id],
    queryFn: () => sdk.consent.orgGrant({ params: { id: id! } }),
    enabled: !!id,
  });
  const g = q.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={640}
      title={t.consentOrgs.org.detail}
      extra={
        g &&
        canRevoke(g) && (
          <Button danger icon={<StopOutlined />} onClick={() => onRevoke(g)} data-testid="org-grant-revoke">
            {t.consentOrgs.org.revoke}
          </Button>
        )
      }
      data-testid="org-grant-drawer"
    >
      {q.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {q.isError && <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />}
      {g && <Terms g={g} />}
    </Drawer>
  );
}
