import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  EyeOutlined,
  LockOutlined,
  MinusCircleOutlined,
  StopOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';

/** Every status the portal shows. A meaning has one colour everywhere (STYLE.md "The portal"). */
export type Status =
  | 'pending'
  | 'approved'
  | 'active'
  | 'rejected'
  | 'suspended'
  | 'disabled'
  | 'locked'
  | 'success'
  | 'failure'
  | 'denied'
  | 'revoked'
  | 'expired'
  | 'current'
  | 'readOnly';

const LOOK: Record<Status, { color: string; icon: ReactNode }> = {
  pending: { color: 'gold', icon: <ClockCircleOutlined /> },
  approved: { color: 'green', icon: <CheckCircleOutlined /> },
  active: { color: 'green', icon: <CheckCircleOutlined /> },
  success: { color: 'green', icon: <CheckCircleOutlined /> },
  rejected: { color: 'red', icon: <CloseCircleOutlined /> },
  failure: { color: 'red', icon: <CloseCircleOutlined /> },
  denied: { color: 'magenta', icon: <StopOutlined /> },
  suspended: { color: 'default', icon: <MinusCircleOutlined /> },
  disabled: { color: 'default', icon: <MinusCircleOutlined /> },
  revoked: { color: 'default', icon: <MinusCircleOutlined /> },
  expired: { color: 'default', icon: <MinusCircleOutlined /> },
  locked: { color: 'volcano', icon: <LockOutlined /> },
  current: { color: 'blue', icon: <UserOutlined /> },
  readOnly: { color: 'cyan', icon: <EyeOutlined /> },
};

export function StatusTag({ status }: { status: Status | string }) {
  const t = useT();
  const look = LOOK[status as Status] ?? { color: 'default', icon: null };
  const label = (t.status as Record<string, string>)[status] ?? status;
  return (
    <Tag color={look.color} icon={look.icon} data-status={status}>
      {label}
    </Tag>
  );
}
