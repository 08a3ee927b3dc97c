import {
  clearIdentifierColumns,
  type DeriveBody,
  type FileProfile,
  type MaskPreview,
  type MaskPreviewBody,
  type Resource,
  type ResourceColumn,
} from '@shuliu/contracts';
import type { Kysely, Selectable } from 'kysely';
import { PassThrough } from 'node:stream';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { BlobStore } from '../blobs/index.js';
import {
  buildMaskPlan,
  maskBatch,
  maskTabular,
  parseMaskRules,
  regradeDerived,
  type MaskRules,
} from '../protect/index.js';
import { toRecord } from '../tabular/index.js';
import { requirePrincipal, systemContext, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { FileNotReady, IllegalTransition } from './catalog.errors.js';
import { toResource } from './catalog.mappers.js';
import type { CatalogFilesTable } from './catalog.tables.js';
import { formatOfName, openStoredTable } from './files.analyze.js';
import { filesRepository } from './files.repository.js';
import type { FilesService } from './files.service.js';
import { failureOf } from './files.limits.js';
import type { ResourcesService } from './resources.service.js';
import { subjectMapKey, subjectMapWriter } from './subject-map.js';

type Executor = Kysely<DB>;
type FileRow = Selectable<CatalogFilesTable>;

/**
 * Masked derivatives (GB/T 37964-2019 de-identification): a preview of the rules on the first rows, and a
 * new draft resource whose file is the masked copy, linked to its source and re-graded as derived data.
 */
export class MaskingService {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly db: Executor,
    private readonly blobs: BlobStore,
    private readonly resources: ResourcesService,
    private readonly files: FilesService,
    /** The org's pseudonymization key (HMAC-SM3), stable across its derivatives. */
    private readonly pseudonymKey: (orgId: string) => Uint8Array,
    /** How the consent hub knows a person by ID card number: a masked file's subject map holds these. */
    private readonly subjectDigest: (idCard: string) => Buffer,
  ) {}

  async preview(
    ctx: RequestContext,
    resourceId: string,
    body: z.output<typeof MaskPreviewBody>,
  ): Promise<MaskPreview> {
    const r = await this.resources.lockOwned(this.db, ctx, resourceId);
    const file = await this.sourceFile(resourceId, body.fileId);
    const rules = this.rules(body.columns, file);
    const { source, cleanup } = await openStoredTable(
      () => this.blobs.read(file.blob_key),
      file.name,
      file.format,
      this.files.zipLimits,
    );
    try {
      const head = await firstRows(source.batches(), body.rows);
      const before = head.map((row) => toRecord(source.columns, row.slice()));
      const plan = buildMaskPlan({
        columns: source.columns,
        detections: detectionsOf(file, source.columns),
        rules,
        key: this.pseudonymKey(r.owner_org_id),
      });
      const after = maskBatch(plan, head).map((row) => toRecord(source.columns, row));
      await this.db.transaction().execute((tx) =>
        recordAudit(tx, ctx, {
          action: 'catalog.resource.mask_preview',
          objectType: 'resource',
          objectId: resourceId,
          details: { fileId: file.id, rows: head.length },
        }),
      );
      const planned = Object.fromEntries(
        plan.columns.map((c) => [c.name, c.rule as Record<string, unknown>]),
      );
      return { columns: source.columns, rules: planned, before, after };
    } finally {
      await cleanup();
    }
  }

  /** Creates the derivative (a draft) at once; its masked file is written and profiled in the background. */
  async derive(
    ctx: RequestContext,
    resourceId: string,
    body: z.output<typeof DeriveBody>,
  ): Promise<Resource> {
    const p = requirePrincipal(ctx);
    const id = newId('res');
    const fileId = newId('fil');
    let job!: { file: FileRow; rules: MaskRules; ownerOrgId: string; resourceId: string };
    await this.db.transaction().execute(async (tx) => {
      const src = toResource(await this.resources.lockOwned(tx, ctx, resourceId));
      if (src.status === 'retired') throw IllegalTransition('a retired resource cannot be derived from');
      const file = await this.sourceFile(resourceId, body.fileId, tx);
      const rules = this.rules(body.columns, file);
      const schema = this.derivedSchema(file, rules, src.ownerOrgId);
      const kept = clearIdentifierColumns(schema);
      // GB/T 43697-2024 Annex I: identifiers kept in the clear leave the data as raw as its source
      const floor = regradeDerived(src.grade, kept.length ? 'raw' : 'masked');
      await this.resources.insertDerivative(tx, ctx, {
        id,
        source: src,
        title: body.title,
        processing: 'masked',
        gradeFloor: floor.grade,
        schema,
      });
      await filesRepository.insert(tx, {
        id: fileId,
        resource_id: id,
        role: 'data',
        name: maskedName(file.name),
        format: file.format,
        blob_key: fileId,
        status: 'uploading',
        created_by: p.userId,
      });
      await recordAudit(tx, ctx, {
        action: 'catalog.resource.derive',
        objectType: 'resource',
        objectId: id,
        details: { source: resourceId, fileId: file.id, rules: rules.columns, gradeFloor: floor, kept },
      });
      job = { file, rules, ownerOrgId: src.ownerOrgId, resourceId: id };
    });
    const run = this.writeMasked(fileId, job).finally(() => this.running.delete(run));
    this.running.add(run);
    return this.resources.get(ctx, id);
  }

  /**
   * Adopts a file made outside the catalog as a derivative of `d.sourceId`: an anonymized export a compute
   * domain produced and its holder released. The derivative is a draft of the source's owner, graded no lower
   * than its processing's floor until its own file is profiled (then by what the file holds: identifiers left
   * in the clear keep it as raw as its source). The file is stored already; once the caller's transaction
   * commits, `files.startProfiling(fileId, ownerOrgId)` profiles it.
   */
  async adopt(
    tx: Executor,
    ctx: RequestContext,
    d: {
      sourceId: string;
      title: string;
      file: { blobKey: string; name: string; size: number; sm3: string };
      details: Record<string, unknown>;
    },
  ): Promise<{ resourceId: string; fileId: string; ownerOrgId: string }> {
    const p = requirePrincipal(ctx);
    const src = toResource(await this.resources.lockOwned(tx, ctx, d.sourceId));
    if (src.status === 'retired') throw IllegalTransition('a retired resource cannot be derived from');
    const id = newId('res');
    const fileId = newId('fil');
    const floor = regradeDerived(src.grade, 'masked');
    await this.resources.insertDerivative(tx, ctx, {
      id,
      source: src,
      title: d.title,
      processing: 'masked',
      gradeFloor: floor.grade,
    });
    await filesRepository.insert(tx, {
      id: fileId,
      resource_id: id,
      role: 'data',
      name: d.file.name,
      format: formatOfName(d.file.name),
      blob_key: d.file.blobKey,
      status: 'profiling',
      size_bytes: d.file.size,
      sm3: d.file.sm3,
      created_by: p.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'catalog.resource.derive',
      objectType: 'resource',
      objectId: id,
      details: { source: d.sourceId, fileId, gradeFloor: floor, ...d.details },
    });
    return { resourceId: id, fileId, ownerOrgId: src.ownerOrgId };
  }

  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private async writeMasked(
    fileId: string,
    job: { file: FileRow; rules: MaskRules; ownerOrgId: string; resourceId: string },
  ) {
    const { source, cleanup } = await openStoredTable(
      () => this.blobs.read(job.file.blob_key),
      job.file.name,
      job.file.format,
      this.files.zipLimits,
    );
    // the rows' persons, where the source holds ID card numbers: masking hides them, consent needs them
    const subjectColumn = idCardColumn(job.file);
    const at = subjectColumn === null ? -1 : source.columns.indexOf(subjectColumn);
    const subjects = at < 0 ? null : subjectMapWriter(this.blobs, fileId, this.subjectDigest);
    try {
      const out = new PassThrough();
      const stored = this.blobs.write(fileId, out);
      stored.catch(() => {}); // awaited below
      try {
        await maskTabular(source, out, {
          rules: job.rules,
          key: this.pseudonymKey(job.ownerOrgId),
          onRows: subjects ? (rows) => subjects.add(rows.map((r) => r[at] ?? null)) : undefined,
        });
        out.end(); // the writer leaves a stream it was given open
      } catch (e) {
        out.destroy(e as Error);
        subjects?.abort(e as Error);
        throw e;
      }
      const blob = await stored;
      await subjects?.close();
      await filesRepository.update(this.db, fileId, {
        status: 'profiling',
        size_bytes: blob.size,
        sm3: blob.sm3,
        subject_column: subjects ? subjectColumn : null,
        updated_at: new Date(),
      });
      this.files.startProfiling(fileId, job.ownerOrgId);
    } catch (e) {
      await this.blobs.remove(subjectMapKey(fileId));
      await this.files.markFailed(
        fileId,
        failureOf(e, 'masking failed'),
        systemContext(),
        'catalog.resource.derive',
        job.resourceId,
      );
    } finally {
      await cleanup();
    }
  }

  /**
   * The derivative's schema until its own file is profiled: the source's profiled columns, each keeping its
   * detection only where the rules keep the column as it is, so it counts as holding what it will hold.
   */
  private derivedSchema(file: FileRow, rules: MaskRules, ownerOrgId: string): ResourceColumn[] {
    const profiled = profileOf(file).columns;
    const plan = buildMaskPlan({
      columns: profiled.map((c) => c.name),
      detections: detectionsOf(
        file,
        profiled.map((c) => c.name),
      ),
      rules,
      key: this.pseudonymKey(ownerOrgId),
    });
    return profiled.map((c, i) => {
      const kept = plan.columns[i]!.rule.strategy === 'keep';
      const grade = kept ? c.suggestedGrade : 'general_1';
      return { name: c.name, type: c.type, pii: kept ? c.pii : null, computedGrade: grade, grade };
    });
  }

  /** The named file, or the newest ready data file of the resource. */
  private async sourceFile(resourceId: string, fileId?: string, db: Executor = this.db): Promise<FileRow> {
    const file = await filesRepository.dataFile(db, resourceId, fileId);
    if (!file)
      throw fileId ? NotFound('file', fileId) : FileNotReady('the resource has no profiled data file yet');
    if (file.status !== 'ready') throw FileNotReady();
    return file;
  }

  /** The rules document, validated against the protect schema and the file's columns. */
  private rules(columns: Record<string, unknown>, file: FileRow): MaskRules {
    const rules = parseMaskRules({ columns });
    const known = new Set(profileOf(file).columns.map((c) => c.name));
    const unknown = Object.keys(rules.columns ?? {}).find((c) => !known.has(c));
    if (unknown) throw NotFound('column', unknown);
    return rules;
  }
}

/** The source column profiling found ID card numbers in; null when none. */
function idCardColumn(file: FileRow): string | null {
  const found = profileOf(file).columns.find((c) => c.pii?.kind === 'idCard');
  return found?.name ?? null;
}

const profileOf = (f: FileRow) =>
  (typeof f.profile === 'string' ? JSON.parse(f.profile) : f.profile) as FileProfile;

/** The detections profiling stored, aligned with the columns as read now. */
function detectionsOf(file: FileRow, columns: string[]) {
  const byName = new Map(profileOf(file).columns.map((c) => [c.name, c.pii]));
  return columns.map((c) => (byName.get(c) ?? null) as never);
}

const maskedName = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}.masked${name.slice(dot)}` : `${name}.masked`;
};

async function firstRows<T>(batches: AsyncIterable<T[]>, n: number): Promise<T[]> {
  const out: T[] = [];
  for await (const b of batches) {
    for (const row of b) {
      out.push(row);
      if (out.length >= n) return out;
    }
  }
  return out;
}
