import type { DataRight, RegistryRightCheckReply } from '@shuliu/contracts';
import { sql } from 'kysely';
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

/**
 * Of these certificate numbers, those not in force at `now` and why: frozen, cancelled or expired (a valid
 * certificate past its end reads expired before the expiry job records it). One read for many numbers, so a
 * domain that stands on certificates (the market's listings) can sweep thousands at once.
 */
export async function certificatesNotInForce(
  db: Executor,
  certNos: string[],
  now = new Date(),
): Promise<Map<string, 'cancelled' | 'frozen' | 'expired'>> {
  if (!certNos.length) return new Map();
  const rows = await db
    .selectFrom('registry_certificates')
    .select([
      'cert_no',
      sql<'cancelled' | 'frozen' | 'expired' | null>`case when state = 'cancelled' then 'cancelled'
        when frozen_at is not null then 'frozen'
        when state = 'expired' or valid_until <= ${now} then 'expired' end`.as('problem'),
    ])
    .where('cert_no', 'in', [...new Set(certNos)])
    .execute();
  return new Map(rows.flatMap((r) => (r.problem ? [[r.cert_no, r.problem] as const] : [])));
}
