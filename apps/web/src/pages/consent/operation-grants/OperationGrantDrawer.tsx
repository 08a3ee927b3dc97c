import { SafetyOutlined } from '@ant-design/icons';
import type { OperationGrant } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Empty, Skeleton, Space, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { sdk } from '../../../api/sdk';
import { useAuth } from '../../../auth/AuthProvider';
import { GradeTag } from '../../../components/CatalogTags';
import { QueryErrorResult } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import { formatTime } from '../../../lib/time';
import { GrantStatusTag } from '../org-grants/org-grant-parts';
import { useOperationActions, type OperationAction } from './OperationActionModals';
import { formatYuan } from '../../../lib/format';
import { ScopeTags, ScoreTag } from './operation-parts';
import { OperationResources } from './OperationResources';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {title}
      </Typography.Title>
      {children}
    </>
  );
}

function Detail({ g }: { g: OperationGrant }) {
  const t = useT();
  const p = t.consentOrgs.op;
  const { me, hasRole } = useAuth();
  // the operator reads what it covers while the grant is in force; the authority and overseers always
  const seesCovered =
    hasRole('operator', 'regulator') ||
    me?.org?.id === g.authorityOrgId ||
    (g.status === 'active' && new Date(g.startsAt) <= new Date());
  const term = `${formatTime(g.startsAt, 'YYYY-MM-DD')} ~ ${formatTime(g.endsAt, 'YYYY-MM-DD')}`;
  return (
    <>
      <Descriptions
        bordered
        column={1}
        size="small"
        items={[
          {
            key: 'status',
            label: p.status,
            children: (
              <span data-testid="op-grant-status" data-status={g.status}>
                <GrantStatusTag status={g.status} />
              </span>
            ),
          },
          ...(g.statusReason
            ? [
                {
                  key: 'reason',
                  label: p.statusReason,
                  children: <span data-testid="op-grant-status-reason">{g.statusReason}</span>,
                },
              ]
            : []),
          { key: 'authority', label: p.authority, children: g.authorityOrgName ?? g.authorityOrgId },
          { key: 'operator', label: p.operator, children: g.operatorOrgName ?? g.operatorOrgId },
          { key: 'scope', label: p.scope, children: <ScopeTags scope={g.scope} sectors={g.sectors} /> },
          { key: 'createdAt', label: p.createdAt, children: formatTime(g.createdAt, 'YYYY-MM-DD HH:mm') },
        ]}
      />
      <Section title={p.conditions}>
        <Descriptions
          bordered
          column={1}
          size="small"
          data-testid="op-grant-conditions"
          items={[
            {
              key: 'delivery',
              label: p.delivery,
              children: (
                <Space align="start" data-delivery={g.delivery}>
                  <SafetyOutlined style={{ color: '#389e0d', marginTop: 4 }} />
                  {p.computeToData}
                </Space>
              ),
            },
            { key: 'maxGrade', label: p.maxGrade, children: <GradeTag grade={g.maxGrade} /> },
            { key: 'term', label: p.term, children: term },
            {
              key: 'price',
              label: p.price,
              children: <span data-testid="op-grant-price-shown">{formatYuan(g.priceGuidanceFen)}</span>,
            },
            { key: 'priceNote', label: p.priceNote, children: g.priceNote ?? '—' },
            {
              key: 'authorityShare',
              label: p.authorityShare,
              children: (
                <span data-testid="op-grant-share-shown">{(g.authorityShareBp / 100).toFixed(2)}%</span>
              ),
            },
          ]}
        />
      </Section>
      <Section title={p.covered}>
        <Typography.Paragraph type="secondary">{p.coveredHelp}</Typography.Paragraph>
        {seesCovered ? (
          <OperationResources grantId={g.id} />
        ) : (
          <Typography.Text type="secondary" data-testid="op-grant-covered-closed">
            {p.coveredClosed}
          </Typography.Text>
        )}
      </Section>
      <Section title={p.history}>
        <Timeline
          data-testid="op-grant-history"
          items={g.history.map((h, i) => ({
            key: `${h.at}-${i}`,
            color: h.action === 'revoke' ? 'red' : h.action === 'suspend' ? 'orange' : 'green',
            content: (
              <div data-testid={`op-history-${h.action}`}>
                <Space wrap>
                  <Typography.Text strong>{p.historyAction[h.action]}</Typography.Text>
                  <Typography.Text type="secondary">
                    {h.actorName ?? '—'} · {formatTime(h.at, 'YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </Space>
                {h.reason && (
                  <Typography.Paragraph style={{ margin: '4px 0 0' }}>{h.reason}</Typography.Paragraph>
                )}
              </div>
            ),
          }))}
        />
      </Section>
      <Section title={p.evaluations}>
        {g.evaluations.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={p.noEvaluations} />
        ) : (
          <Timeline
            data-testid="op-grant-evaluations"
            items={[...g.evaluations]
              .sort((a, b) => b.year - a.year)
              .map((e) => ({
                key: e.id,
                content: (
                  <div data-testid={`op-evaluation-${e.year}`}>
                    <Space>
                      <Typography.Text strong>{e.year}</Typography.Text>
                      <ScoreTag score={e.score} />
                      <Typography.Text type="secondary">
                        {formatTime(e.createdAt, 'YYYY-MM-DD')}
                      </Typography.Text>
                    </Space>
                    <Typography.Paragraph style={{ margin: '4px 0 0' }}>{e.conclusion}</Typography.Paragraph>
                  </div>
                ),
              }))}
          />
        )}
      </Section>
    </>
  );
}

/** One authorized operation: its conditions, status and reason, annual evaluations; the authority's actions. */
export function OperationGrantDrawer({
  id,
  onClose,
  onAct,
}: {
  id?: string;
  onClose: () => void;
  onAct: (g: OperationGrant, action: OperationAction) => void;
}) {
  const t = useT();
  const p = t.consentOrgs.op;
  const actionsOf = useOperationActions();
  const q = useQuery({
    queryKey: ['consent', 'operation-grants', 'detail', id],
    queryFn: () => sdk.consent.operationGrant({ params: { id: id! } }),
    enabled: !!id,
  });
  const g = q.data;
  const label = { suspend: p.suspend, reinstate: p.reinstate, revoke: p.revoke, evaluate: p.evaluate };
  const extra = g && (
    <Space size={4}>
      {actionsOf(g).map((a) => (
        <Button
          key={a}
          danger={a === 'revoke' || a === 'suspend'}
          type={a === 'evaluate' ? 'primary' : 'default'}
          onClick={() => onAct(g, a)}
          data-testid={`op-grant-${a}`}
        >
          {label[a]}
        </Button>
      ))}
    </Space>
  );
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={720}
      title={g ? `${p.detail} · ${g.operatorOrgName ?? g.operatorOrgId}` : p.detail}
      extra={extra}
      data-testid="op-grant-drawer"
    >
      {q.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
      {q.isError && <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />}
      {g && <Detail g={g} />}
    </Drawer>
  );
}
