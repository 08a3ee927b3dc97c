import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  EyeOutlined,
  AuditOutlined,
  KeyOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  WarningOutlined,
  BankOutlined,
  LockOutlined,
  MinusCircleOutlined,
  StopOutlined,
  SyncOutlined,
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
  | 'readOnly'
  | 'draft'
  | 'published'
  | 'retired'
  | 'delivered'
  | 'withdrawn'
  | 'overdue'
  | 'late'
  | 'uploading'
  | 'profiling'
  | 'ready'
  | 'failed'
  // 数据产权登记: applications, certificates and objections
  | 'submitted'
  | 'under_review'
  | 'publicizing'
  | 'objected'
  | 'issued'
  | 'valid'
  | 'licensed'
  | 'pledged'
  | 'disputed'
  | 'frozen'
  | 'cancelled'
  | 'open'
  | 'upheld'
  | 'dismissed'
  // 授权中心: scenario versions and grants
  | 'in_review'
  | 'superseded'
  // 交易磋商: the Dataspace Protocol's negotiation states
  | 'requested'
  | 'offered'
  | 'accepted'
  | 'agreed'
  | 'verified'
  | 'finalized'
  | 'terminated'
  // 订单: the escrow's states (delivered, accepted, disputed and cancelled as above)
  | 'awaiting_payment'
  | 'paid'
  | 'refunded'
  // 合同: drafted, signed by the buyer, concluded
  | 'drafted'
  | 'buyer_signed'
  | 'concluded';

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
  // Catalog resources, files and sharing: the same meanings keep the same colours as above.
  draft: { color: 'blue', icon: <EditOutlined /> },
  published: { color: 'green', icon: <CheckCircleOutlined /> },
  retired: { color: 'default', icon: <MinusCircleOutlined /> },
  delivered: { color: 'green', icon: <CheckCircleOutlined /> },
  withdrawn: { color: 'default', icon: <MinusCircleOutlined /> },
  overdue: { color: 'volcano', icon: <ExclamationCircleOutlined /> },
  late: { color: 'orange', icon: <ClockCircleOutlined /> },
  uploading: { color: 'processing', icon: <SyncOutlined spin /> },
  profiling: { color: 'processing', icon: <SyncOutlined spin /> },
  ready: { color: 'green', icon: <CheckCircleOutlined /> },
  failed: { color: 'red', icon: <CloseCircleOutlined /> },
  // 数据产权登记. Waiting is gold, in progress blue, public cyan, contested orange, encumbered purple, locked
  // volcano, in force green, ended grey — the same meanings as above.
  submitted: { color: 'gold', icon: <ClockCircleOutlined /> },
  under_review: { color: 'processing', icon: <AuditOutlined /> },
  publicizing: { color: 'cyan', icon: <NotificationOutlined /> },
  objected: { color: 'orange', icon: <WarningOutlined /> },
  disputed: { color: 'orange', icon: <WarningOutlined /> },
  open: { color: 'orange', icon: <WarningOutlined /> },
  issued: { color: 'green', icon: <SafetyCertificateOutlined /> },
  valid: { color: 'green', icon: <SafetyCertificateOutlined /> },
  licensed: { color: 'geekblue', icon: <KeyOutlined /> },
  pledged: { color: 'purple', icon: <BankOutlined /> },
  frozen: { color: 'volcano', icon: <LockOutlined /> },
  cancelled: { color: 'default', icon: <StopOutlined /> },
  upheld: { color: 'red', icon: <CloseCircleOutlined /> },
  dismissed: { color: 'default', icon: <MinusCircleOutlined /> },
  // 授权中心: a version under review is in progress; one replaced by a newer version has ended.
  in_review: { color: 'processing', icon: <AuditOutlined /> },
  superseded: { color: 'default', icon: <MinusCircleOutlined /> },
  // 交易磋商: waiting on the seller gold, on the buyer blue, agreed and signed green, ended grey.
  requested: { color: 'gold', icon: <ClockCircleOutlined /> },
  offered: { color: 'processing', icon: <SyncOutlined /> },
  accepted: { color: 'cyan', icon: <CheckCircleOutlined /> },
  agreed: { color: 'green', icon: <CheckCircleOutlined /> },
  verified: { color: 'green', icon: <SafetyCertificateOutlined /> },
  finalized: { color: 'green', icon: <SafetyCertificateOutlined /> },
  terminated: { color: 'default', icon: <StopOutlined /> },
  // 订单: waiting on the buyer's payment gold, money held in escrow blue, refunded grey.
  awaiting_payment: { color: 'gold', icon: <ClockCircleOutlined /> },
  paid: { color: 'processing', icon: <BankOutlined /> },
  refunded: { color: 'default', icon: <StopOutlined /> },
  // 合同: awaiting the buyer gold, awaiting the seller blue, concluded green.
  drafted: { color: 'gold', icon: <ClockCircleOutlined /> },
  buyer_signed: { color: 'processing', icon: <SyncOutlined /> },
  concluded: { color: 'green', icon: <SafetyCertificateOutlined /> },
};

/** `label` names the status where the general word does not fit (a return flow is 待回流, not 待审). */
export function StatusTag({ status, label: named }: { status: Status | string; label?: string }) {
  const t = useT();
  const look = LOOK[status as Status] ?? { color: 'default', icon: null };
  const label = named ?? (t.status as Record<string, string>)[status] ?? status;
  return (
    <Tag color={look.color} icon={look.icon} data-status={status}>
      {label}
    </Tag>
  );
}
