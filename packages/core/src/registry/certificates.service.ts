import type {
  Certificate,
  CertificateDetail,
  CertificateLicense,
  CertificateQuery,
  Paged,
  RegistryRightCheckReply,
} from '@shuliu/contracts';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import { requirePrincipal, systemContext, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { stateEntry } from './certificates.apply.js';
import { certificatesRepository as certs, type CertificateRow } from './certificates.repository.js';
import { commitToLedger, issuerOf } from './certificates.sign.js';
import { shanghaiDay } from './registry.calendar.js';
import { checkCertificate } from './registry.checks.js';
import { proofOf } from './registry.credential.js';
import { isExpired, LEDGER_TYPE_OF, type CertificateAction } from './registry.lifecycle.js';
import { factsOf, toCertificate, toEvent, toLicense } from './registry.mappers.js';
import { registryRepository as repo } from './registry.repository.js';
import { checkRight, type RightQuery } from './registry.rights.js';
import { tell, viewerOf, type Executor, type RegistryDeps } from './registry.support.js';

type Direct = Extract<CertificateAction, 'freeze' | 'unfreeze' | 'resolve_dispute'> | 'expire';

const SWEEP_BATCH = 100;
const WORDS = { freeze: 'frozen', unfreeze: 'unfrozen', expire: 'expired' } as const;

/** What a direct change sets on the certificate row. */
function directSet(action: Direct, now: Date, reason: string, upheld: boolean) {
  if (action === 'freeze') return { frozen_at: now, freeze_reason: reason };
  if (action === 'unfreeze') return { frozen_at: null, freeze_reason: null };
  if (action === 'expire') return { state: 'expired' as const, expired_at: now };
  if (!upheld) return { disputed_by: null };
  return {
    disputed_by: null,
    state: 'cancelled' as const,
    cancelled_at: now,
    cancel_reason: `异议成立：${reason}`,
  };
}

/**
 * Told, inside the transaction of the change, that a certificate was frozen, expired or cancelled (an upheld
 * objection): a domain that stands on certificates acts on it in the same commit.
 */
export type CertificateListener = (
  tx: Executor,
  change: { certNo: string; action: 'freeze' | 'expire' | 'cancel'; reason: string },
) => Promise<void>;

/** Certificates: reading, the regulator's freeze, dispute decisions, expiry, and the cross-domain right check. */
export class CertificatesService {
  constructor(
    private readonly deps: RegistryDeps,
    /** Other domains told of certificates leaving force; shared by the registry on every clock. */
    private readonly listeners: CertificateListener[] = [],
  ) {}

  /** Lets another domain hear of certificates leaving force (wired once, at start-up). */
  onLeavingForce(listener: CertificateListener): void {
    this.listeners.push(listener);
  }

  private today = () => shanghaiDay(this.deps.now());

  /** The certificate if the caller holds it, is licensed or pledged it, or oversees; otherwise a 404. */
  private async load(db: Executor, ctx: RequestContext, id: string, lock = false): Promise<CertificateRow> {
    const c = lock
      ? await certs.lockCertificate(db, id, this.today())
      : await certs.findCertificate(db, { id }, this.today());
    const v = viewerOf(ctx);
    const licensee =
      !!c &&
      !v.all &&
      !!v.orgId &&
      (await certs.findLicenses(db, c.id)).some((l) => l.licensee_org_id === v.orgId);
    if (!c || !(v.all || c.holder_org_id === v.orgId || c.pledgee_org_id === v.orgId || licensee))
      throw NotFound('certificate', id);
    return c;
  }

  async list(ctx: RequestContext, q: z.output<typeof CertificateQuery>): Promise<Paged<Certificate>> {
    requirePrincipal(ctx);
    const now = this.deps.now();
    const { rows, total } = await certs.searchCertificates(
      this.deps.db,
      q,
      viewerOf(ctx),
      now,
      this.today(),
      q.page,
      q.pageSize,
    );
    return { items: rows.map((r) => toCertificate(r, now)), total, page: q.page, pageSize: q.pageSize };
  }

  async get(ctx: RequestContext, id: string): Promise<CertificateDetail> {
    return this.detail(await this.load(this.deps.db, ctx, id));
  }

  private async detail(c: CertificateRow): Promise<CertificateDetail> {
    const db = this.deps.db;
    const now = this.deps.now();
    const [version, licenses, events, s] = await Promise.all([
      certs.findVersion(db, c.id, c.version),
      certs.findLicenses(db, c.id),
      repo.findEvents(db, { certificateId: c.id }),
      this.deps.settings.get(),
    ]);
    const vc = JSON.parse(version!.credential) as Record<string, unknown>;
    const issuer = (vc.issuer as { id?: string })?.id ?? issuerOf(this.deps, s).id;
    return {
      ...toCertificate(c, now),
      credential: {
        ...vc,
        proof: proofOf(issuer, version!.key_id, version!.signature, new Date(version!.created_at)),
      },
      licenses: licenses.map((l) => toLicense(l, now)),
      history: events.map(toEvent),
    };
  }

  freeze = (ctx: RequestContext, id: string, reason: string) => this.direct(ctx, id, 'freeze', reason);
  unfreeze = (ctx: RequestContext, id: string, reason: string) => this.direct(ctx, id, 'unfreeze', reason);

  /** 异议登记 decided: upheld cancels the certificate; dismissed clears the dispute. */
  resolveDispute = (ctx: RequestContext, id: string, body: { upheld: boolean; reason: string }) =>
    this.direct(ctx, id, 'resolve_dispute', body.reason, body.upheld);

  /** A change the registry makes itself (no application): checked by the lifecycle rules, audited, in the ledger. */
  private async direct(ctx: RequestContext, id: string, action: Direct, reason: string, upheld = false) {
    requirePrincipal(ctx);
    await this.deps.keys.ensureSigningKey();
    await this.deps.db.transaction().execute(async (tx) => {
      const c = await this.load(tx, ctx, id, true);
      await this.change(tx, ctx, c, action, reason, upheld);
      await tell(
        tx,
        {
          kind: `registry.certificate_${action}`,
          title: '数据产权证书状态变更',
          body: `证书 ${c.cert_no}（${c.object_title}）：${action}${reason ? `，${reason}` : ''}`,
          params: { certNo: c.cert_no, certificateId: id, action, reason },
          link: `/registry/certificates/${id}`,
        },
        { orgs: [c.holder_org_id, c.pledgee_org_id] },
      );
    });
    return this.get(ctx, id);
  }

  private async change(
    tx: Executor,
    ctx: RequestContext,
    c: CertificateRow,
    action: Direct,
    reason: string,
    upheld: boolean,
  ) {
    const now = this.deps.now();
    if (action !== 'expire')
      checkCertificate(c, action, now, (await this.deps.settings.get(tx)).renewWindowDays);
    await certs.updateCertificate(tx, c.id, directSet(action, now, reason, upheld));
    const type = action === 'resolve_dispute' && upheld ? LEDGER_TYPE_OF.cancel : LEDGER_TYPE_OF[action];
    const word =
      action === 'resolve_dispute' ? (upheld ? 'dispute_upheld' : 'dispute_dismissed') : WORDS[action];
    await recordAudit(tx, ctx, {
      action: `registry.certificate.${action}`,
      objectType: 'certificate',
      objectId: c.id,
      orgId: c.holder_org_id,
      details: { certNo: c.cert_no, reason, ...(action === 'resolve_dispute' && { upheld }) },
    });
    const entry = stateEntry(c, type, { action: word, reason }, { action: word });
    await commitToLedger(
      tx,
      ctx,
      this.deps,
      { certificateId: c.id, certNo: c.cert_no, version: null, entry, action: word, reason },
      c.disputed_by,
    );
    const leaving =
      action === 'freeze' || action === 'expire'
        ? action
        : action === 'resolve_dispute' && upheld
          ? 'cancel'
          : null;
    if (leaving)
      for (const listener of this.listeners)
        await listener(tx, { certNo: c.cert_no, action: leaving, reason });
  }

  /**
   * Automatic expiry: valid certificates past their end become expired, each in the ledger (frozen ones wait
   * for their unfreezing). Read-time status already shows them expired; this makes it a recorded fact.
   */
  async expireDue(ctx: RequestContext = systemContext('registry-expiry')): Promise<string[]> {
    const done: string[] = [];
    await this.deps.keys.ensureSigningKey();
    for (;;) {
      const due = await certs.findDue(this.deps.db, this.deps.now(), SWEEP_BATCH);
      for (const { id } of due) {
        const certNo = await this.deps.db.transaction().execute(async (tx) => {
          const c = (await certs.lockCertificate(tx, id, this.today()))!;
          if (c.state !== 'valid' || c.frozen_at || !isExpired(factsOf(c), this.deps.now())) return null;
          await this.change(tx, ctx, c, 'expire', '有效期届满', false);
          return c.cert_no;
        });
        if (certNo) done.push(certNo);
      }
      if (due.length < SWEEP_BATCH) return done;
    }
  }

  async licenses(
    ctx: RequestContext,
    q: { page: number; pageSize: number; box: 'granted' | 'received' },
  ): Promise<Paged<CertificateLicense>> {
    const org = requirePrincipal(ctx).orgId ?? '-';
    const now = this.deps.now();
    const { rows, total } = await certs.searchLicenses(this.deps.db, org, q.box, q.page, q.pageSize);
    return { items: rows.map((l) => toLicense(l, now)), total, page: q.page, pageSize: q.pageSize };
  }

  /** The cross-domain right check (see checkRight in registry.rights), on this service's clock. */
  checkRight(q: RightQuery): Promise<RegistryRightCheckReply> {
    return checkRight(this.deps.db, q, this.deps.now());
  }
}
