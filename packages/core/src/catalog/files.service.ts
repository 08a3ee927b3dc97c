import type { CatalogFile, FileProfile, FileRole, ResourceColumn } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { type BlobStore } from '../blobs/index.js';
import { hasRole, requirePrincipal, systemContext, type RequestContext } from '../shared/context.js';
import { DomainError, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { FileNotReady, FileRejected, IllegalTransition, NotDownloadable } from './catalog.errors.js';
import { DEFAULT_GRADING_SETTINGS, type GradingSettings } from '../protect/index.js';
import { analyzeTable, formatOfName } from './files.analyze.js';
import { toCatalogFile } from './catalog.mappers.js';
import type { ResourcesService } from './resources.service.js';
import type { OpenDataService } from './open-data.service.js';

type Executor = Kysely<DB>;

/** How often a profiling job writes its progress (ms). */
const PROGRESS_EVERY = 1000;

/**
 * A resource's files: streamed into the encrypted blob store, then profiled in the background (row count,
 * column types, null rates, distinct estimates, PII and suggested grades, a masked sample) with progress in
 * the database, so any server process can report it.
 */
export class FilesService {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly db: Executor,
    private readonly blobs: BlobStore,
    private readonly resources: ResourcesService,
    private readonly openData: Pick<OpenDataService, 'isApproved'>,
    private readonly maxBytes: number,
    /** The operator's personal-information grades (platform settings), read when a file is profiled. */
    private readonly piiGrades: () => Promise<GradingSettings['piiGrades']> = async () =>
      DEFAULT_GRADING_SETTINGS.piiGrades,
  ) {}

  async list(ctx: RequestContext, resourceId: string): Promise<CatalogFile[]> {
    const r = await this.resources.load(ctx, resourceId);
    const rows = await this.db
      .selectFrom('catalog_files')
      .selectAll()
      .where('resource_id', '=', resourceId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((f) => this.redact(ctx, toCatalogFile(f), r.owner_org_id));
  }

  async get(ctx: RequestContext, id: string): Promise<CatalogFile> {
    const row = await this.db.selectFrom('catalog_files').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw NotFound('file', id);
    const r = await this.resources.load(ctx, row.resource_id).catch(() => {
      throw NotFound('file', id);
    });
    return this.redact(ctx, toCatalogFile(row), r.owner_org_id);
  }

  /** The masked sample is for the owner and the supervisors; others see the statistics only. */
  private redact(ctx: RequestContext, f: CatalogFile, ownerOrgId: string): CatalogFile {
    const privileged = hasRole(ctx, 'operator', 'regulator') || ctx.principal?.orgId === ownerOrgId;
    if (!f.profile || privileged) return f;
    return { ...f, profile: { ...f.profile, sample: [] } };
  }

  /**
   * Streams an upload into the blob store. A failed or oversized upload leaves no stored bytes; the file row
   * records the failure. Data files are then profiled in the background; evidence files are ready at once.
   */
  async upload(
    ctx: RequestContext,
    resourceId: string,
    input: { name: string; role: FileRole; body: Readable },
  ): Promise<CatalogFile> {
    const p = requirePrincipal(ctx);
    const id = newId('fil');
    const format = input.role === 'data' ? formatOfName(input.name) : 'other';
    if (input.role === 'data' && format === 'other')
      throw FileRejected(`${input.name}: data files must be CSV, TSV, JSON Lines, XLSX or Parquet`, {
        field: 'name',
      });
    await this.db.transaction().execute(async (tx) => {
      const r = await this.resources.lockOwned(tx, ctx, resourceId);
      if (r.status === 'retired') throw IllegalTransition('a retired resource takes no new files');
      await tx
        .insertInto('catalog_files')
        .values({
          id,
          resource_id: resourceId,
          role: input.role,
          name: input.name,
          format,
          blob_key: id,
          status: 'uploading',
          created_by: p.userId,
        })
        .execute();
    });
    let stored;
    try {
      stored = await this.blobs.write(id, input.body, { maxBytes: this.maxBytes });
    } catch (e) {
      const message = e instanceof DomainError ? e.message : 'the upload was interrupted';
      await this.markFailed(id, message, ctx, 'catalog.file.upload', resourceId);
      throw e;
    }
    const next = input.role === 'data' ? 'profiling' : 'ready';
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('catalog_files')
        .set({ status: next, size_bytes: stored.size, sm3: stored.sm3, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await recordAudit(tx, ctx, {
        action: 'catalog.file.upload',
        objectType: 'file',
        objectId: id,
        details: { resourceId, name: input.name, role: input.role, size: stored.size, sm3: stored.sm3 },
      });
    });
    if (next === 'profiling') this.startProfiling(id);
    return this.get(ctx, id);
  }

  /**
   * Ends a file's processing in failure: its stored bytes (if any) go, the row keeps the reason, the audit
   * log records the failed action. Nothing half-made stays behind.
   */
  async markFailed(id: string, message: string, ctx: RequestContext, action: string, resourceId: string) {
    await this.blobs.remove(id);
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('catalog_files')
        .set({ status: 'failed', error: message, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await recordAudit(tx, ctx, {
        action,
        objectType: 'file',
        objectId: id,
        outcome: 'failure',
        details: { resourceId, error: message },
      });
    });
  }

  /** Runs the profiling job in this process; `idle()` waits for every job started here. */
  startProfiling(id: string): void {
    const job = this.profile(id).finally(() => this.running.delete(job));
    this.running.add(job);
  }

  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  /** After a restart: profiling that a stopped process left unfinished starts again; uploads cut off fail. */
  async resumePending(): Promise<number> {
    await this.db
      .updateTable('catalog_files')
      .set({
        status: 'failed',
        error: 'the upload was interrupted by a server restart',
        updated_at: new Date(),
      })
      .where('status', '=', 'uploading')
      .where('updated_at', '<', new Date(Date.now() - 10 * 60_000))
      .execute();
    // a job in another live process writes its progress at least every second; a silent one has stopped
    const pending = await this.db
      .selectFrom('catalog_files')
      .select('id')
      .where('status', '=', 'profiling')
      .where('updated_at', '<', new Date(Date.now() - 2 * 60_000))
      .execute();
    for (const f of pending) this.startProfiling(f.id);
    return pending.length;
  }

  private async profile(id: string): Promise<void> {
    const row = await this.db.selectFrom('catalog_files').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.status !== 'profiling') return;
    let last = 0;
    const onProgress = (bytes: number) => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY) return;
      last = now;
      const progress = Math.min(0.99, bytes / Math.max(1, Number(row.size_bytes)));
      void this.db
        .updateTable('catalog_files')
        .set({ progress, updated_at: new Date() })
        .where('id', '=', id)
        .execute()
        .catch(() => {}); // progress is advisory; the final write below is the one that counts
    };
    const ctx = systemContext();
    try {
      const profile = await analyzeTable(
        () => this.blobs.read(row.blob_key),
        row.name,
        row.format,
        onProgress,
        await this.piiGrades(),
      );
      await this.db.transaction().execute(async (tx) => {
        await tx
          .updateTable('catalog_files')
          .set({
            status: 'ready',
            progress: 1,
            row_count: profile.rows,
            profile: JSON.stringify(profile),
            updated_at: new Date(),
          })
          .where('id', '=', id)
          .execute();
        const grades = await this.resources.applySchema(tx, row.resource_id, columnsOf(profile), row.format);
        await recordAudit(tx, ctx, {
          action: 'catalog.file.profile',
          objectType: 'file',
          objectId: id,
          details: { resourceId: row.resource_id, rows: profile.rows, grade: grades },
        });
      });
    } catch (e) {
      const message =
        e instanceof DomainError ? e.message : `the file could not be profiled: ${(e as Error).message}`;
      await this.markFailed(id, message, ctx, 'catalog.file.profile', row.resource_id);
    }
  }

  /**
   * The file's bytes for those who may have them: the owner, operators and regulators, an org whose
   * application (有条件开放) was approved, an org holding a live enterprise authorization for it, or anyone when the resource is open without conditions and graded
   * 一般(1级) (nothing personal or sensitive left). Every download is audited.
   */
  async download(ctx: RequestContext, id: string): Promise<{ name: string; size: number; body: Readable }> {
    const row = await this.db.selectFrom('catalog_files').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw NotFound('file', id);
    const r = await this.resources.load(ctx, row.resource_id).catch(() => {
      throw NotFound('file', id);
    });
    const own = !!ctx.principal?.orgId && ctx.principal.orgId === r.owner_org_id;
    const open = r.status === 'published' && r.open_class === 'unconditional' && r.grade === 'general_1';
    const approved =
      !own && !open && !!ctx.principal?.orgId && (await this.openData.isApproved(ctx.principal.orgId, r.id));
    const grantId = own || open || approved ? null : await this.resources.grantOf(ctx, r);
    if (!own && !open && !approved && !grantId && !hasRole(ctx, 'operator', 'regulator'))
      throw NotDownloadable();
    if (row.status !== 'ready') throw FileNotReady();
    await this.db.transaction().execute((tx) =>
      recordAudit(tx, ctx, {
        action: 'catalog.file.download',
        objectType: 'file',
        objectId: id,
        orgId: ctx.principal?.orgId ?? null,
        details: { resourceId: r.id, name: row.name, open, ...(grantId && { orgGrantId: grantId }) },
      }),
    );
    return { name: row.name, size: Number(row.size_bytes), body: await this.blobs.read(row.blob_key) };
  }
}

/** The profiled columns as schema fields, each at its suggested grade. */
function columnsOf(p: FileProfile): ResourceColumn[] {
  return p.columns.map((c) => ({
    name: c.name,
    type: c.type,
    pii: c.pii,
    computedGrade: c.suggestedGrade,
    grade: c.suggestedGrade,
  }));
}
