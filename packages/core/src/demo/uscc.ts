import { orgCodeCheckChar, usccCheckChar } from '@shuliu/contracts';

/**
 * Builds a 统一社会信用代码 with correct check characters from its parts: registration authority and
 * category (e.g. `91` company, `11` government body), 6-digit area code, 8-character organization code body.
 */
export function makeUscc(authorityAndCategory: string, area: string, orgBody8: string): string {
  const orgCode = orgBody8 + orgCodeCheckChar(orgBody8);
  const first17 = authorityAndCategory + area + orgCode;
  return first17 + usccCheckChar(first17);
}
