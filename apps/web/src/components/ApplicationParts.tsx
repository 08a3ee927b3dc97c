import {
  CheckSquareFilled,
  CloseCircleOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  EditOutlined,
} from '@ant-design/icons';
import type { Application, Org } from '@shuliu/contracts';
import { Descriptions, Flex, Timeline, Typography } from 'antd';
import { useT } from '../i18n/I18nProvider';
import { actionLabel } from '../i18n/labels';
import { formatTime } from '../lib/time';
import { KindTags, OrgTypeTags } from './EnumTags';
import { StatusTag } from './StatusTag';

/** An organization's registered particulars. */
export function OrgDescriptions({ org, column = 2 }: { org: Org; column?: number }) {
  const t = useT();
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: column }}
      items={[
        { key: 'name', label: t.org.name, children: org.name, span: 'filled' as const },
        ...(org.nameEn
          ? [{ key: 'nameEn', label: t.org.nameEn, children: org.nameEn, span: 'filled' as const }]
          : []),
        {
          key: 'uscc',
          label: t.org.uscc,
          children: (
            <Typography.Text copyable code>
              {org.uscc}
            </Typography.Text>
          ),
          span: 'filled' as const,
        },
        { key: 'types', label: t.org.types, children: <OrgTypeTags types={org.types} /> },
        { key: 'status', label: t.org.status, children: <StatusTag status={org.status} /> },
        ...(org.merchantKinds.length
          ? [
              {
                key: 'mk',
                label: t.org.merchantKinds,
                children: <KindTags kind="merchant" values={org.merchantKinds} />,
              },
            ]
          : []),
        ...(org.providerKinds.length
          ? [
              {
                key: 'pk',
                label: t.org.providerKinds,
                children: <KindTags kind="provider" values={org.providerKinds} />,
              },
            ]
          : []),
        { key: 'region', label: t.org.region, children: org.region ?? '—' },
        { key: 'contact', label: t.org.contactName, children: org.contactName },
        { key: 'phone', label: t.org.contactPhone, children: org.contactPhone },
        { key: 'email', label: t.org.contactEmail, children: org.contactEmail ?? '—' },
        { key: 'created', label: t.org.createdAt, children: formatTime(org.createdAt) },
        { key: 'updated', label: t.org.updatedAt, children: formatTime(org.updatedAt) },
      ]}
    />
  );
}

/** The declarations an applicant affirmed (声明承诺). */
export function DeclarationList({ declarations }: { declarations: readonly string[] }) {
  const t = useT();
  return (
    <Flex vertical gap={8}>
      {declarations.map((d) => {
        const text = (t.declaration as Record<string, { title: string; text: string } | undefined>)[d];
        return (
          <Flex key={d} gap={8} align="start">
            <CheckSquareFilled style={{ color: '#52c41a', marginTop: 4 }} />
            <span>
              <Typography.Text strong>{text?.title ?? d}</Typography.Text>
              {text && <Typography.Text type="secondary"> — {text.text}</Typography.Text>}
            </span>
          </Flex>
        );
      })}
    </Flex>
  );
}

function historyLook(action: string) {
  if (/approve/.test(action)) return { color: 'green', icon: <CheckCircleOutlined /> };
  if (/reject/.test(action)) return { color: 'red', icon: <CloseCircleOutlined /> };
  if (/resubmit/.test(action)) return { color: 'blue', icon: <EditOutlined /> };
  return { color: 'blue', icon: <ClockCircleOutlined /> };
}

/** Who did what when and why, oldest first (STYLE.md: workflows show a Timeline of history). */
export function HistoryTimeline({ history }: { history: Application['history'] }) {
  const t = useT();
  return (
    <Timeline
      data-testid="history-timeline"
      items={history.map((h, i) => ({
        key: i,
        ...historyLook(h.action),
        content: (
          <>
            <Typography.Text strong>{actionLabel(t, h.action)}</Typography.Text>
            {h.actor && <Typography.Text type="secondary"> · {h.actor}</Typography.Text>}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTime(h.at)}
              </Typography.Text>
            </div>
            {h.reason && (
              <Typography.Paragraph style={{ margin: '4px 0 0' }}>{h.reason}</Typography.Paragraph>
            )}
          </>
        ),
      }))}
    />
  );
}
