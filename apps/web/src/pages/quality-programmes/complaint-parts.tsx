import type { Complaint } from '@shuliu/contracts';
import { Timeline, Typography } from 'antd';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';

const LOOK: Record<Complaint['status'], string> = {
  filed: 'pending',
  investigating: 'under_review',
  rectifying: 'in_review',
  responded: 'pending',
  rectified: 'approved',
  dismissed: 'dismissed',
};

export function ComplaintStatusTag({ status }: { status: Complaint['status'] }) {
  const x = useT().complaints;
  return <StatusTag status={LOOK[status]} label={x.status[status]} />;
}

/** Who did what and when, with the note where the reader may see it. */
export function ComplaintTimeline({ complaint }: { complaint: Complaint }) {
  const x = useT().complaints;
  return (
    <Timeline
      items={complaint.history.map((h) => ({
        children: (
          <>
            <Typography.Text strong>
              {x.actions[h.action as keyof typeof x.actions] ?? h.action}
            </Typography.Text>{' '}
            <Typography.Text type="secondary">
              {formatTime(h.at)}
              {h.actorName ? ` · ${h.actorName}` : ''}
            </Typography.Text>
            {h.note && <div>{h.note}</div>}
          </>
        ),
      }))}
    />
  );
}
