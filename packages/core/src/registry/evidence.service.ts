import type { RegistryEvidenceKind, RegistryFile } from '@shuliu/contracts';
import type { Readable } from 'node:stream';
import { recordAudit } from '../audit/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { ApplicationsService } from './applications.service.js';
import { EvidenceNotAllowed } from './registry.errors.js';
import { toFile } from './registry.mappers.js';
import { registryRepository as repo, type ApplicationRow, type ObjectionRow } from './registry.repository.js';
import { viewerOf, type Executor, type RegistryDeps } from './registry.support.js';

type Owner = { applicationId: string } | { objectionId: string };

/** Evidence of applications and objections, and reviewers' 查验报告, kept encrypted in the blob store. */
export class EvidenceService {
  constructor(
    private readonly deps: RegistryDeps,
    private readonly applications: ApplicationsService,
  ) {}

  /**
   * The applicant attaches evidence until the review is done; the reviewer attaches the third-party
   * inspection report (查验报告) while reviewing.
   */
  private mayAttach(ctx: RequestContext, a: ApplicationRow, kind: RegistryEvidenceKind): string | null {
    const org = requirePrincipal(ctx).orgId;
    if (kind === 'inspection_report') {
      const reviewer = hasRole(ctx, 'operator') || (hasRole(ctx, 'provider') && org === a.reviewer_org_id);
      if (!reviewer) return 'only the reviewer attaches an inspection report (查验报告)';
      return a.status === 'under_review' ? null : 'an inspection report is attached during the review';
    }
    if (org !== a.applicant_org_id) return 'only the applicant attaches evidence to its application';
    return ['draft', 'submitted', 'under_review'].includes(a.status)
      ? null
      : `a ${a.status} application takes no more evidence`;
  }

  async attach(
    ctx: RequestContext,
    applicationId: string,
    input: { kind: RegistryEvidenceKind; name: string; body: Readable },
  ): Promise<RegistryFile> {
    const check = async (db: Executor, lock: boolean) => {
      const a = await this.applications.load(db, ctx, applicationId, lock);
      const refusal = this.mayAttach(ctx, a, input.kind);
      if (refusal) throw EvidenceNotAllowed(refusal, { field: 'kind', status: a.status });
    };
    await check(this.deps.db, false);
    return this.store(ctx, { applicationId }, input, (tx) => check(tx, true));
  }

  /** The objecting org attaches its evidence while the objection is open. */
  async attachToObjection(
    ctx: RequestContext,
    objectionId: string,
    input: { name: string; body: Readable },
  ): Promise<RegistryFile> {
    const check = async (db: Executor, lock: boolean) => {
      const o = await repo.findObjection(db, objectionId, lock);
      if (!o || o.objector_org_id !== requirePrincipal(ctx).orgId) throw NotFound('objection', objectionId);
      if (o.status !== 'open') throw EvidenceNotAllowed(`the objection was already ${o.status}`);
    };
    await check(this.deps.db, false);
    return this.store(ctx, { objectionId }, { ...input, kind: 'objection_evidence' }, (tx) =>
      check(tx, true),
    );
  }

  /** Streams the bytes in first; the row (and its audit event) follow once they are all stored. */
  private async store(
    ctx: RequestContext,
    owner: Owner,
    input: { kind: RegistryEvidenceKind; name: string; body: Readable },
    recheck: (tx: Executor) => Promise<void>,
  ): Promise<RegistryFile> {
    const p = requirePrincipal(ctx);
    const id = newId('evd');
    const stored = await this.deps.blobs.write(id, input.body, { maxBytes: this.deps.uploadMaxBytes });
    const row = {
      id,
      application_id: 'applicationId' in owner ? owner.applicationId : null,
      objection_id: 'objectionId' in owner ? owner.objectionId : null,
      kind: input.kind,
      name: input.name,
      size_bytes: stored.size,
      sm3: stored.sm3,
      blob_key: id,
      org_id: p.orgId ?? '-',
      uploaded_by: p.userId,
      created_at: this.deps.now(),
    };
    try {
      await this.deps.db.transaction().execute(async (tx) => {
        await recheck(tx);
        await repo.insertFile(tx, row);
        await recordAudit(tx, ctx, {
          action: 'registry.file.upload',
          objectType: 'registry_file',
          objectId: id,
          details: { ...owner, kind: input.kind, name: input.name, size: stored.size, sm3: stored.sm3 },
        });
      });
    } catch (e) {
      await this.deps.blobs.remove(id);
      throw e;
    }
    return toFile({ ...row, created_at: row.created_at });
  }

  /** The file's bytes for the parties of its application or objection, its reviewer, and overseers. Audited. */
  async download(ctx: RequestContext, id: string): Promise<{ name: string; size: number; body: Readable }> {
    const f = await repo.findFile(this.deps.db, id);
    if (!f) throw NotFound('file', id);
    if (f.application_id)
      await this.applications.load(this.deps.db, ctx, f.application_id).catch(() => {
        throw NotFound('file', id);
      });
    else await this.objectionParty(ctx, await repo.findObjection(this.deps.db, f.objection_id!), id);
    await this.deps.db.transaction().execute((tx) =>
      recordAudit(tx, ctx, {
        action: 'registry.file.download',
        objectType: 'registry_file',
        objectId: id,
        details: { name: f.name, kind: f.kind },
      }),
    );
    return { name: f.name, size: Number(f.size_bytes), body: await this.deps.blobs.read(f.blob_key) };
  }

  private async objectionParty(ctx: RequestContext, o: ObjectionRow | undefined, fileId: string) {
    const v = viewerOf(ctx);
    const a = o ? await repo.findApplication(this.deps.db, o.application_id) : undefined;
    if (!o || !a || !(v.all || o.objector_org_id === v.orgId || a.applicant_org_id === v.orgId))
      throw NotFound('file', fileId);
  }
}
