import type {
  PeriodSummary,
  Statement,
  StatementLine,
  StatementParty,
  StatementRole,
} from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { QueryErrorAlert } from '../../components/QueryError';
import { useI18n, useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import { formatYuan } from '../../lib/format';
import { formatTime } from '../../lib/time';
const ROLES: StatementRole[] = ['seller', 'operator', 'authority', 'contributor', 'processor', 'platform'];
const ROLE_COLOR: Record<StatementRole, string> = {
  seller: 'blue',
  operator: 'geekblue',
  authority: 'gold',
  contributor: 'green',
  processor: 'cyan',
  platform: 'purple',
};

export function RoleTag({ role }: { role: StatementRole }) {
  const t = useT();
  return <Tag color={ROLE_COLOR[role]}>{t.settlement.roles[role]}</Tag>;
}

/** The parties' sums, a column per role that occurs, and a total row that must equal the gross. */
export function PartiesTable({ s, all }: { s: Statement; all: boolean }) {
  const t = useT();
  const m = t.settlement;
  const roles = ROLES.filter((r) => s.parties.some((p) => p.byRole[r] !== undefined));
  const columns: ColumnsType<StatementParty> = [
    { key: 'party', title: m.party, render: (_, p) => p.orgName ?? p.orgId },
    ...roles.map((r) => ({
      key: r,
      title: m.roles[r],
      align: 'right' as const,
      render: (_: unknown, p: StatementParty) => (p.byRole[r] === undefined ? '—' : formatYuan(p.byRole[r])),
    })),
    { key: 'fen', title: m.total, align: 'right', render: (_, p) => <b>{formatYuan(p.fen)}</b> },
    { key: 'orders', title: m.orders, align: 'right', render: (_, p) => p.orders },
  ];
  const ok = s.fen === s.grossFen;
  return (
    <Card title={m.parties} size="small" data-testid="settlement-parties">
      <Table<StatementParty>
        rowKey="orgId"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={s.parties}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{m.total}</Table.Summary.Cell>
            {roles.map((r, i) => (
              <Table.Summary.Cell key={r} index={i + 1} align="right">
                {formatYuan(s.parties.reduce((n, p) => n + (p.byRole[r] ?? 0), 0))}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={roles.length + 1} align="right">
              <b data-testid="settlement-sum">{formatYuan(s.fen)}</b>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={roles.length + 2} align="right">
              {s.orders}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {m.sumCheck(formatYuan(s.fen), formatYuan(s.grossFen))}{' '}
        {all ? (
          <Tag color={ok ? 'success' : 'error'} data-testid="settlement-sum-check">
            {ok ? m.sumOk : m.sumMismatch}
          </Tag>
        ) : (
          m.partySum
        )}
      </Typography.Paragraph>
    </Card>
  );
}

export function lineColumns(t: Messages, explain: (l: StatementLine) => void): ColumnsType<StatementLine> {
  const m = t.settlement;
  return [
    { key: 'order', title: m.order, render: (_, l) => <Typography.Text code>{l.orderId}</Typography.Text> },
    { key: 'product', title: m.product, render: (_, l) => l.productTitle ?? l.productId },
    { key: 'billing', title: m.billingTitle, render: (_, l) => m.billing[l.billing] },
    { key: 'calls', title: m.calls, align: 'right', render: (_, l) => l.calls ?? '—' },
    { key: 'gross', title: m.orderGross, align: 'right', render: (_, l) => formatYuan(l.orderGrossFen) },
    { key: 'party', title: m.party, render: (_, l) => l.orgName ?? l.orgId },
    { key: 'role', title: m.role, render: (_, l) => <RoleTag role={l.role} /> },
    { key: 'fen', title: m.fen, align: 'right', render: (_, l) => formatYuan(l.fen) },
    {
      key: 'actions',
      title: t.common.actions,
      render: (_, l) => (
        <Space size={4}>
          <Button size="small" onClick={() => explain(l)}>
            {m.explain}
          </Button>
          {l.role === 'contributor' && (
            <Link to={`/trade/revenue-share/${l.productId}`}>
              <Button size="small">{m.viewShare}</Button>
            </Link>
          )}
        </Space>
      ),
    },
  ];
}

/** One order's split in the rules module's words, in the reader's language. */
export function ExplainModal({
  period,
  line,
  onClose,
}: {
  period: string;
  line: StatementLine | null;
  onClose: () => void;
}) {
  const t = useT();
  const { lang } = useI18n();
  const q = useQuery({
    queryKey: ['settlement', 'explain', period, line?.orderId],
    queryFn: () => sdk.settlement.explain({ params: { period, id: line!.orderId } }),
    enabled: !!line,
  });
  return (
    <Modal
      open={!!line}
      onCancel={onClose}
      footer={null}
      width={760}
      title={line ? t.settlement.explainTitle(line.orderId) : ''}
    >
      {q.error ? <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      <ol data-testid="settlement-explain">
        {(q.data?.explain ?? []).map((w, i) => (
          <li key={i}>{w[lang]}</li>
        ))}
      </ol>
      {q.data?.remainderRule && (
        <Typography.Paragraph type="secondary">
          {t.settlement.remainderRule}: {q.data.remainderRule}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}

export function PeriodFacts({ p, overseer }: { p: PeriodSummary; overseer: boolean }) {
  const t = useT();
  const m = t.settlement;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered data-testid="settlement-period">
      <Descriptions.Item label={m.period}>
        {p.period} <Tag color={p.state === 'closed' ? 'success' : 'processing'}>{m.state[p.state]}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={m.startsAt}>{formatTime(p.startsAt, 'YYYY-MM-DD HH:mm')}</Descriptions.Item>
      <Descriptions.Item label={m.endsAt}>{formatTime(p.endsAt, 'YYYY-MM-DD HH:mm')}</Descriptions.Item>
      <Descriptions.Item label={m.closedAt}>{formatTime(p.closedAt)}</Descriptions.Item>
      <Descriptions.Item label={m.closedBy}>{p.closedByName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={m.fee}>
        {p.platformFeeBp === null ? '—' : m.bp(p.platformFeeBp)}
      </Descriptions.Item>
      {overseer && (
        <Descriptions.Item label={m.gross}>
          {p.grossFen === null ? '—' : formatYuan(p.grossFen)}
        </Descriptions.Item>
      )}
      {overseer && <Descriptions.Item label={m.orders}>{p.orders ?? '—'}</Descriptions.Item>}
      {!overseer && (
        <Descriptions.Item label={m.ownFen}>
          {p.ownFen === null ? '—' : formatYuan(p.ownFen)}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
