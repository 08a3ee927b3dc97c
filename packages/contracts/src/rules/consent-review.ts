import { isSensitive } from '../consent.js';

/*
 * The minimal-necessity review's rules (PIPL Art. 6, 23, 28, 29, 39, 55), shared by the server, which applies
 * them, and the portal, which shows their outcome before a reviewer decides.
 */

/** The server's default shortest justification: anything shorter is struck as unjustified (最小且必要). */
export const MIN_JUSTIFICATION_CHARS = 4;

/** PIPL Art. 6: a field whose justification is missing or too short to be one. */
export const isUnjustified = (justification: string | null | undefined, minChars = MIN_JUSTIFICATION_CHARS) =>
  (justification ?? '').trim().length < minChars;

/** PIPL Art. 23: a recipient other than the registering org itself is provision to another handler. */
export const isThirdParty = (orgName: string | null | undefined, recipient: string) =>
  !!orgName && !recipient.includes(orgName);

export type PipiaReason = 'sensitive' | 'thirdParty' | 'crossBorder' | 'automated';

/** PIPL Art. 55: why a version needs a PIPIA, given the fields that stay after the review (none: it needs none). */
export function pipiaReasons(v: {
  keptCategories: readonly string[];
  thirdParty: boolean;
  crossBorder: boolean;
  automatedDecision: boolean;
}): PipiaReason[] {
  const out: PipiaReason[] = [];
  if (v.keptCategories.some(isSensitive)) out.push('sensitive');
  if (v.thirdParty) out.push('thirdParty');
  if (v.crossBorder) out.push('crossBorder');
  if (v.automatedDecision) out.push('automated');
  return out;
}

/** PIPL Art. 29, 23, 39: sensitive PI kept, a third party or provision abroad need separate consent (单独同意). */
export const needsSeparateConsent = (reasons: readonly PipiaReason[]) =>
  reasons.some((r) => r !== 'automated');
