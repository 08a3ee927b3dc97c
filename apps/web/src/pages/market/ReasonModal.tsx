import { MarketReasonBody } from '@shuliu/contracts';
import type { ComponentProps } from 'react';
import { ReasonModal } from '../../components/ReasonModal';

/** A market step that needs its reason (下架, 强制下架, 移出负面清单): what it does, then the reason. */
export function MarketReasonModal(
  props: Omit<ComponentProps<typeof ReasonModal>, 'reasonSchema' | 'danger' | 'reason'>,
) {
  return <ReasonModal {...props} danger reasonSchema={MarketReasonBody.shape.reason} />;
}
