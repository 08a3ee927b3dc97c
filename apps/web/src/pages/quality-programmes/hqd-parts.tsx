import type { HqdApplication, HqdStatus } from '@shuliu/contracts';
import { Tag } from 'antd';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';

const LOOK: Record<HqdStatus, string> = {
  submitted: 'pending',
  in_review: 'under_review',
  reviewed: 'pending',
  designated: 'approved',
  rejected: 'rejected',
};

export function HqdStatusTag({ status }: { status: HqdStatus }) {
  const x = useT().hqd;
  return <StatusTag status={LOOK[status]} label={x.status[status]} />;
}

export function HqdLevelTag({ level }: { level: HqdApplication['level'] }) {
  const x = useT().hqd;
  return <Tag color={level === 'provincial' ? 'gold' : 'blue'}>{x.levels[level]}</Tag>;
}
