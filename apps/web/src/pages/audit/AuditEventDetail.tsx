import type { AuditEvent } from '@shuliu/contracts';
import { Descriptions, Typography } from 'antd';
import { useT } from '../../i18n/I18nProvider';

/** The expanded row of an audit event: its details JSON and the hash-chain links. */
export function AuditEventDetail({ e }: { e: AuditEvent }) {
  const t = useT();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      data-testid={`audit-detail-${e.seq}`}
      items={[
        { key: 'id', label: 'ID', children: <Typography.Text copyable>{e.id}</Typography.Text> },
        {
          key: 'details',
          label: t.audit.details,
          children: e.details ? <pre className="mono-block">{JSON.stringify(e.details, null, 2)}</pre> : '—',
        },
        {
          key: 'prev',
          label: t.audit.prevHash,
          children: (
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {e.prevHash}
            </Typography.Text>
          ),
        },
        {
          key: 'hash',
          label: t.audit.hash,
          children: (
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {e.hash}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
