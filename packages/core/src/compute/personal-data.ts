import { PERSONAL_IDENTIFIER_KINDS } from '@shuliu/contracts';
import { hmacSm3 } from '../crypto/index.js';
import { detectColumn } from '../protect/index.js';

/**
 * A person's ID card number as the platform hands it to an agent and the agent compares it: SM3-HMAC under a
 * salt fresh for each lease, of the number in upper case (the check letter X), in hex.
 */
export const consentDigest = (salt: string, idCard: string) =>
  hmacSm3(Buffer.from(salt, 'hex'), idCard.trim().toUpperCase()).toString('hex');

/**
 * The columns with the personal identifier kind detected in their values (a sample of each text column), as an
 * agent reports them: what the values are decides, not the column's name alone.
 */
export function withPersonalKinds<C extends { name: string; type: string; personal?: string }>(
  columns: C[],
  samples: (column: string) => string[],
): C[] {
  return columns.map(({ personal: _claimed, ...c }) => {
    if (c.type !== 'text') return c as C;
    const found = detectColumn(c.name, samples(c.name));
    return (
      found && PERSONAL_IDENTIFIER_KINDS.includes(found.kind) ? { ...c, personal: found.kind } : c
    ) as C;
  });
}
