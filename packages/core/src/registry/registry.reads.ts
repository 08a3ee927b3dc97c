import type { Certificate } from '@shuliu/contracts';
import { certificatesRepository as certs } from './certificates.repository.js';
import { shanghaiDay } from './registry.calendar.js';
import { toCertificate } from './registry.mappers.js';
import type { Executor } from './registry.support.js';

/**
 * The certificates with these numbers as the registry holds them now — status, holder and pledge (质押) —
 * for a domain that stands on certificates without keeping their state (the asset ledger's 质押融资: one
 * source of truth). Unknown numbers are left out. Reads only, with `db` (the caller's transaction if any).
 */
export async function certificatesByNumbers(
  db: Executor,
  certNos: string[],
  now = new Date(),
): Promise<Certificate[]> {
  const today = shanghaiDay(now);
  const rows = await Promise.all(
    [...new Set(certNos)].map((certNo) => certs.findCertificate(db, { certNo }, today)),
  );
  return rows.filter((r) => !!r).map((r) => toCertificate(r, now));
}
