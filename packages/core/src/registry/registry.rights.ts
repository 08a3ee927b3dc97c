import type { DataRight, RegistryRightCheckReply } from '@shuliu/contracts';
import { certificatesRepository as certs, type CertificateRow } from './certificates.repository.js';
import { shanghaiDay } from './registry.calendar.js';
import { rightProblem } from './registry.lifecycle.js';
import { factsOf } from './registry.mappers.js';
import type { Executor } from './registry.support.js';

export interface RightQuery {
  orgId: string;
  right: DataRight;
  resourceId: string;
}

/**
 * The question other domains ask before they let data move (listing, delivery, 质押融资…): does `orgId` hold
 * `right` on the resource — as holder, or by a license within its term — on a certificate that is valid,
 * unpledged and unfrozen, now? Reads only, with `db` (pass the caller's transaction to ask inside it).
 * Disputed (an objection registration stands) is reported beside; callers decide how much it weighs.
 */
export async function checkRight(
  db: Executor,
  q: RightQuery,
  now = new Date(),
): Promise<RegistryRightCheckReply> {
  const today = shanghaiDay(now);
  const onObject = await certs.findOnObject(db, q.resourceId);
  const rows = await Promise.all(onObject.map((c) => certs.findCertificate(db, { id: c.id }, today)));
  const held = rows.filter(
    (c): c is CertificateRow => !!c && c.holder_org_id === q.orgId && c.rights.includes(q.right),
  );
  const licensed = (await certs.findLicensesOf(db, q.orgId, q.resourceId)).filter((l) =>
    l.rights.includes(q.right),
  );
  const candidates = [
    ...held.map((c) => ({ c, via: 'holder' as const, inTerm: true })),
    ...licensed.map((l) => ({
      c: rows.find((r) => r?.id === l.certificate_id)!,
      via: 'license' as const,
      inTerm: l.valid_from <= today && l.valid_until >= today,
    })),
  ].filter((x) => !!x.c);
  const problemOf = (x: (typeof candidates)[number]) => rightProblem(factsOf(x.c), x.inTerm, now);
  const good = candidates.find((x) => problemOf(x) === null);
  const best = good ?? candidates[0];
  if (!best) return { ok: false, via: null, certNo: null, problem: 'none', disputed: false };
  const problem = good ? null : problemOf(best);
  return {
    ok: !!good,
    via: best.via,
    certNo: best.c.cert_no,
    problem,
    disputed: best.c.disputed_by !== null,
  };
}
