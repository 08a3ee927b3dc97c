import type { ComplaintStatus } from '@shuliu/contracts';

export type ComplaintStep =
  'investigate' | 'note' | 'requireRectification' | 'respond' | 'confirm' | 'dismiss';

/**
 * 数据产品质量监督 (the supervision flow the platform's rules publish): a complaint is filed, the operator
 * investigates, then either requires rectification — the seller responds with its measures and the operator
 * confirms them — or dismisses it. Each step names the states it may start from and the state it leads to.
 */
export const COMPLAINT_STEPS: Record<
  ComplaintStep,
  { from: readonly ComplaintStatus[]; to: ComplaintStatus | null }
> = {
  investigate: { from: ['filed'], to: 'investigating' },
  // a finding may be recorded while the complaint is open (the state stays)
  note: { from: ['investigating', 'rectifying', 'responded'], to: null },
  requireRectification: { from: ['investigating'], to: 'rectifying' },
  // measures that were not enough send it back to the seller: the seller responds again
  respond: { from: ['rectifying'], to: 'responded' },
  confirm: { from: ['responded'], to: 'rectified' },
  dismiss: { from: ['investigating'], to: 'dismissed' },
};

/** The state a complaint in `status` moves to by `step`, or undefined when the step is out of order. */
export function nextComplaintStatus(
  step: ComplaintStep,
  status: ComplaintStatus,
): ComplaintStatus | undefined {
  const s = COMPLAINT_STEPS[step];
  if (!s.from.includes(status)) return undefined;
  return s.to ?? status;
}

/** A complaint is closed once rectified or dismissed. */
export const isClosed = (s: ComplaintStatus) => s === 'rectified' || s === 'dismissed';

/** 数据产品质量监督: only a buyer with an order of the product complains — one that was paid for at least. */
export const orderMayComplain = (state: string) =>
  ['paid', 'delivered', 'accepted', 'disputed', 'refunded'].includes(state);
