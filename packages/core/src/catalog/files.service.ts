import type { CatalogFile, FileProfile, FileRole, ResourceColumn } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { type BlobStore } from '../blobs/index.js';
import { hasRole, requirePrincipal, systemContext, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import type { ZipLimits } from '../tabular/index.js';
import { newId } from '../shared/ids.js';
import {
  FileNotReady,
  FileRejected,
  IllegalTransition,
  NotDownloadable,
  RawPersonalInfo,
} from './catalog.errors.js';
import { rawPersonalInfoReason } from './catalog.rules.js';
import { DEFAULT_GRADING_SETTINGS, type GradingSettings } from '../protect/index.js';
import { analyzeTable, formatOfName } from './files.analyze.js';
import { failureOf, type Failure, type FileLimits } from './files.limits.js';
import { ProfilingQueue } from './files.queue.js';
import { toCatalogFile } from './catalog.mappers.js';
import { filesRepository as files } from './files.repository.js';
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
  private readonly queue: ProfilingQueue;
  /** What each part of an uploaded workbook may inflate to; the masking of a file reads it the same way. */
  readonly zipLimits: ZipLimits;
  private readonly maxBytes: number;
  /** Told, after the commit, of each data file that became ready (the quality domain runs its checks). */
  private readonly readyHooks: ((file: { id: string; resourceId: string }) => void)[] = [];

  constructor(
    private readonly db: Executor,
    private readonly blobs: BlobStore,
    private readonly resources: ResourcesService,
    private readonly openData: Pick<OpenDataService, 'isApproved'>,
    limits: FileLimits,
    /** The operator's personal-information grades (platform settings), read when a file is profiled. */
    private readonly piiGrades: () => Promise<GradingSettings['piiGrades']> = async () =>
      DEFAULT_GRADING_SETTINGS.piiGrades,
  ) {
    this.maxBytes = limits.maxBytes;
    this.zipLimits = limits.zip;
    this.queue = new ProfilingQueue(limits.profiling, (id) => this.profile(id));
  }

  async list(ctx: RequestContext, resourceId: string): Promise<CatalogFile[]> {
    const r = await this.resources.load(ctx, resourceId);
    const rows = await files.ofResource(this.db, resourceId);
    return rows.map((f) => this.redact(ctx, toCatalogFile(f), r.owner_org_id));
  }

  async get(ctx: RequestContext, id: string): Promise<CatalogFile> {
    const row = await files.find(this.db, id);
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
    let ownerOrgId = '';
    await this.db.transaction().execute(async (tx) => {
      const r = await this.resources.lockOwned(tx, ctx, resourceId);
      ownerOrgId = r.owner_org_id;
      if (r.status === 'retired') throw IllegalTransition('a retired resource takes no new files');
      await files.insert(tx, {
        id,
        resource_id: resourceId,
        role: input.role,
        name: input.name,
        format,
        blob_key: id,
        status: 'uploading',
        created_by: p.userId,
      });
    });
    let stored;
    try {
      stored = await this.blobs.write(id, input.body, { maxBytes: this.maxBytes });
    } catch (e) {
      await this.markFailed(
        id,
        failureOf(e, 'the upload was interrupted'),
        ctx,
        'catalog.file.upload',
        resourceId,
      );
      throw e;
    }
    const next = input.role === 'data' ? 'profiling' : 'ready';
    await this.db.transaction().execute(async (tx) => {
      await files.update(tx, id, {
        status: next,
        size_bytes: stored.size,
        sm3: stored.sm3,
        updated_at: new Date(),
      });
      await recordAudit(tx, ctx, {
        action: 'catalog.file.upload',
        objectType: 'file',
        objectId: id,
        details: { resourceId, name: input.name, role: input.role, size: stored.size, sm3: stored.sm3 },
      });
    });
    if (next === 'profiling') this.startProfiling(id, ownerOrgId);
    return this.get(ctx, id);
  }

  /**
   * Ends a file's processing in failure: its stored bytes (if any) go, the row keeps the reason, the audit
   * log records the failed action. Nothing half-made stays behind.
   */
  async markFailed(id: string, failure: Failure, ctx: RequestContext, action: string, resourceId: string) {
    const { message, code } = failure;
    await this.blobs.remove(id);
    await this.db.transaction().execute(async (tx) => {
      await files.update(tx, id, {
        status: 'failed',
        error: message,
        error_code: code,
        updated_at: new Date(),
      });
      await recordAudit(tx, ctx, {
        action,
        objectType: 'file',
        objectId: id,
        outcome: 'failure',
        details: { resourceId, error: message, code },
      });
    });
  }

  /** Calls `hook` after each data file's profile is committed and the file is ready. */
  onReady(hook: (file: { id: string; resourceId: string }) => void): void {
    this.readyHooks.push(hook);
  }

  /** Puts a file in this process's profiling line (`ProfilingQueue`); `idle()` waits for the line to empty. */
  startProfiling(id: string, ownerOrgId: string): void {
    this.queue.add(id, ownerOrgId);
  }

  async idle(): Promise<void> {
    await this.queue.idle();
  }

  /** Profiling jobs running and waiting in this process. */
  profilingLoad(): { running: number; queued: number } {
    return { running: this.queue.running, queued: this.queue.queued };
  }

  /** After a restart: profiling that a stopped process left unfinished starts again; uploads cut off fail. */
  async resumePending(): Promise<number> {
    await files.failUploadsBefore(
      this.db,
      new Date(Date.now() - 10 * 60_000),
      'the upload was interrupted by a server restart',
    );
    // a job in another live process writes its progress at least every second; a silent one has stopped
    const pending = await files.profilingStalledSince(this.db, new Date(Date.now() - 2 * 60_000));
    for (const f of pending) this.startProfiling(f.id, f.owner_org_id);
    return pending.length;
  }

  private async profile(id: string): Promise<void> {
    const row = await files.find(this.db, id);
    if (!row || row.status !== 'profiling') return;
    let last = 0;
    const onProgress = (bytes: number) => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY) return;
      last = now;
      const progress = Math.min(0.99, bytes / Math.max(1, Number(row.size_bytes)));
      void files.update(this.db, id, { progress, updated_at: new Date() }).catch(() => {}); // progress is advisory; the final write below is the one that counts
    };
    const ctx = systemContext();
    try {
      const profile = await analyzeTable(
        () => this.blobs.read(row.blob_key),
        row.name,
        row.format,
        onProgress,
        this.zipLimits,
        await this.piiGrades(),
      );
      await this.db.transaction().execute(async (tx) => {
        await files.update(tx, id, {
          status: 'ready',
          progress: 1,
          row_count: profile.rows,
          profile: JSON.stringify(profile),
          updated_at: new Date(),
        });
        const grades = await this.resources.applySchema(tx, row.resource_id, columnsOf(profile), row.format);
        await recordAudit(tx, ctx, {
          action: 'catalog.file.profile',
          objectType: 'file',
          objectId: id,
          details: { resourceId: row.resource_id, rows: profile.rows, grade: grades },
        });
      });
      for (const hook of this.readyHooks) hook({ id, resourceId: row.resource_id });
    } catch (e) {
      await this.markFailed(
        id,
        failureOf(e, 'the file could not be profiled'),
        ctx,
        'catalog.file.profile',
        row.resource_id,
      );
    }
  }

  /**
   * The file's bytes for those who may have them: the owner, operators and regulators, an org whose
   * application (有条件开放) was approved, an org holding a live enterprise authorization for it, or anyone when
   * the resource is open without conditions and graded 一般(1级) — but never, to anyone outside the owner and
   * the supervisors, a file that holds personal information in the clear (PIPL Art. 23, judged on this file's
   * own profile as well as the resource's). Every download is audited.
   */
  async download(ctx: RequestContext, id: string): Promise<{ name: string; size: number; body: Readable }> {
    const row = await files.find(this.db, id);
    if (!row) throw NotFound('file', id);
    const r = await this.resources.load(ctx, row.resource_id).catch(() => {
      throw NotFound('file', id);
    });
    const own = !!ctx.principal?.orgId && ctx.principal.orgId === r.owner_org_id;
    const open = r.status === 'published' && r.open_class === 'unconditional' && r.grade === 'general_1';
    const approved =
      !own && !open && !!ctx.principal?.orgId && (await this.openData.isApproved(ctx.principal.orgId, r.id));
    const grantId = own || open || approved ? null : await this.resources.grantOf(ctx, r);
    const supervisor = hasRole(ctx, 'operator', 'regulator');
    if (!own && !open && !approved && !grantId && !supervisor) throw NotDownloadable();
    // PIPL Art. 23: whatever opened it to another org, a file holding identifiers in the clear stays home
    const personal = own || supervisor ? null : rawPersonalInfoReason(r, [row]);
    if (personal) throw RawPersonalInfo(`this file may not leave its owner: ${personal}`);
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
