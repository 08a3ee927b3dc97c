import type { CertificateStatus, RegistrationType } from '@shuliu/contracts';

/** Everything that may happen to a certificate after its first issue. */
export type CertificateAction =
  Exclude<RegistrationType, 'initial'> | 'freeze' | 'unfreeze' | 'resolve_dispute';

export interface CertificateFacts {
  state: 'valid' | 'cancelled' | 'expired';
  validUntil: Date;
  pledged: boolean;
  frozen: boolean;
  disputed: boolean;
}

export type CertificateBlock =
  | 'frozen'
  | 'not_frozen'
  | 'cancelled'
  | 'expired'
  | 'pledged'
  | 'not_pledged'
  | 'disputed'
  | 'not_disputed'
  | 'renewal_too_early';

const DAY = 86_400_000;

export const isExpired = (c: Pick<CertificateFacts, 'state' | 'validUntil'>, now: Date) =>
  c.state === 'expired' || (c.state === 'valid' && c.validUntil.getTime() <= now.getTime());

/** What a pledge stops until its release (解押): the holder may neither transfer nor cancel, nor pledge again. */
const PLEDGE_BLOCKS: CertificateAction[] = ['transfer', 'cancel', 'pledge'];
/** What an objection registration (异议登记) stops while it stands: every dealing in the right. */
const DISPUTE_BLOCKS: CertificateAction[] = ['transfer', 'license', 'pledge', 'change', 'renew', 'objection'];

/**
 * The certificate lifecycle (issue 5; RULES.md, Rights registration): a freeze blocks everything but
 * unfreezing; a cancelled certificate takes nothing; an expired one only renewal; a pledge blocks transfer
 * and cancellation until released; an objection registration blocks dealings until decided; renewal opens
 * `renewWindowDays` before expiry. Returns what blocks the action, or null.
 */
export function certificateBlock(
  c: CertificateFacts,
  action: CertificateAction,
  now: Date,
  renewWindowDays: number,
): { block: CertificateBlock; message: string } | null {
  const say = (block: CertificateBlock, message: string) => ({ block, message });
  if (action === 'unfreeze') return c.frozen ? null : say('not_frozen', 'the certificate is not frozen');
  if (c.frozen)
    return say('frozen', 'the certificate is frozen (冻结): nothing changes until it is unfrozen');
  if (c.state === 'cancelled') return say('cancelled', 'the certificate was cancelled (注销)');
  if (action === 'freeze') return null;
  if (isExpired(c, now) && action !== 'renew')
    return say('expired', 'the certificate has expired; renew it (续展) first');
  if (c.pledged && PLEDGE_BLOCKS.includes(action))
    return say('pledged', `the certificate is pledged (质押): ${action} waits for the release (解押)`);
  if (action === 'release' && !c.pledged) return say('not_pledged', 'the certificate is not pledged');
  if (c.disputed && DISPUTE_BLOCKS.includes(action))
    return say('disputed', 'an objection registration (异议登记) stands against the certificate');
  if (action === 'resolve_dispute' && !c.disputed)
    return say('not_disputed', 'no objection registration stands against the certificate');
  if (action === 'renew' && c.validUntil.getTime() - now.getTime() > renewWindowDays * DAY)
    return say('renewal_too_early', `renewal (续展) opens ${renewWindowDays} days before expiry`);
  return null;
}

/** The one status a certificate shows, most telling first (one colour per meaning in the portal). */
export function certificateStatus(c: CertificateFacts, now: Date, licensed: boolean): CertificateStatus {
  if (c.state === 'cancelled') return 'cancelled';
  if (c.frozen) return 'frozen';
  if (isExpired(c, now)) return 'expired';
  if (c.pledged) return 'pledged';
  if (c.disputed) return 'disputed';
  return licensed ? 'licensed' : 'valid';
}

/**
 * 数据二十条 (certificates as the basis of 流通交易、质押融资): a right may be used now only on a certificate that
 * is valid (not cancelled, not expired), unfrozen and unpledged, and, for a licensee, within the license term.
 */
export function rightProblem(
  c: CertificateFacts,
  inTerm: boolean,
  now: Date,
): 'cancelled' | 'frozen' | 'expired' | 'pledged' | 'license_out_of_term' | null {
  if (c.state === 'cancelled') return 'cancelled';
  if (c.frozen) return 'frozen';
  if (isExpired(c, now)) return 'expired';
  if (c.pledged) return 'pledged';
  return inTerm ? null : 'license_out_of_term';
}

/** The ledger entry type of each change to a certificate. */
export const LEDGER_TYPE_OF = {
  initial: 'certificate.issued',
  change: 'certificate.changed',
  transfer: 'certificate.changed',
  renew: 'certificate.changed',
  license: 'certificate.licensed',
  pledge: 'certificate.pledged',
  release: 'certificate.released',
  cancel: 'certificate.cancelled',
  objection: 'certificate.disputed',
  freeze: 'certificate.frozen',
  unfreeze: 'certificate.unfrozen',
  resolve_dispute: 'certificate.dispute_resolved',
  expire: 'certificate.expired',
} as const;
