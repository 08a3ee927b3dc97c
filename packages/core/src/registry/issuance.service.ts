import type { RegistrationDetail, RegistrationStatus } from '@shuliu/contracts';
import { recordAudit } from '../audit/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import type { ApplicationsService } from './applications.service.js';
import { applyRegistration } from './certificates.apply.js';
import { commitToLedger, type Applied } from './certificates.sign.js';
import { readObject, type ObjectFacts } from './registry.checks.js';
import { MoveRefused, ObjectionsOpen } from './registry.errors.js';
import { registryRepository as repo, type ApplicationRow } from './registry.repository.js';
import { nextRegistrationStatus } from './registry.rules.js';
import { tell, type Executor, type RegistryDeps } from './registry.support.js';

const needsObject = (a: ApplicationRow) =>
  a.type === 'initial' ||
  (a.type === 'change' &&
    !!(
      (typeof a.terms === 'string' ? JSON.parse(a.terms) : a.terms) as {
        changes?: { refreshObject?: boolean };
      }
    ).changes?.refreshObject);

/**
 * 存证 + 凭证核发: once review passed and the public notice ended without open objections, the registration
 * takes effect — a certificate is made or changed, signed, and entered in the ledger — all in one transaction
 * with its audit event.
 */
export class IssuanceService {
  constructor(
    private readonly deps: RegistryDeps,
    private readonly applications: ApplicationsService,
  ) {}

  async issue(ctx: RequestContext, id: string): Promise<RegistrationDetail> {
    requirePrincipal(ctx);
    const before = await this.applications.load(this.deps.db, ctx, id);
    const facts = needsObject(before) ? await readObject(this.deps, ctx, before.object_id) : null;
    await this.deps.keys.ensureSigningKey();
    await this.deps.db.transaction().execute((tx) => this.issueIn(tx, ctx, id, facts));
    return this.applications.get(ctx, id);
  }

  private async issueIn(tx: Executor, ctx: RequestContext, id: string, facts: ObjectFacts | null) {
    const a = await this.applications.load(tx, ctx, id, true);
    const now = this.deps.now();
    if (a.status === 'objected')
      throw ObjectionsOpen(undefined, { openObjections: Number(a.open_objections) });
    const noticeEndsAt = a.notice_ends_at ? new Date(a.notice_ends_at) : null;
    const noticeOver = !!noticeEndsAt && noticeEndsAt.getTime() <= now.getTime();
    const move = nextRegistrationStatus(a.status as RegistrationStatus, 'issue', { noticeOver });
    if (!move.ok) throw MoveRefused(move.refusal, move.message, { status: a.status, noticeEndsAt });
    const s = await this.deps.settings.get(tx);
    const applied = await applyRegistration(tx, { deps: this.deps, a, facts, now, s });
    await recordAudit(tx, ctx, {
      action: 'registry.application.issue',
      objectType: 'registry_application',
      objectId: id,
      orgId: a.applicant_org_id,
      details: {
        type: a.type,
        certNo: applied.certNo,
        version: applied.version,
        certificateId: applied.certificateId,
      },
    });
    const index = await commitToLedger(tx, ctx, this.deps, applied, id);
    await repo.updateApplication(tx, id, {
      status: move.to,
      issued_at: now,
      result_certificate_id: applied.certificateId,
      certificate_id: applied.certificateId,
    });
    await this.tellIssued(tx, a, applied, index);
  }

  private async tellIssued(tx: Executor, a: ApplicationRow, applied: Applied, index: number) {
    await tell(
      tx,
      {
        kind: 'registry.issued',
        title: a.type === 'initial' ? '数据产权登记证书已核发' : '数据产权登记已生效',
        body: `「${a.object_title}」登记完成，证书编号 ${applied.certNo}。`,
        params: {
          applicationId: a.id,
          certNo: applied.certNo,
          certificateId: applied.certificateId,
          ledgerIndex: index,
        },
        link: `/registry/certificates/${applied.certificateId}`,
      },
      {
        users: [a.applicant_user_id],
        adminsOf: [a.applicant_org_id],
        orgs: [a.counterparty_org_id, a.type === 'objection' ? a.holder_org_id : null],
      },
    );
  }
}
