import {
  categoriesHeld,
  type ContractDoc,
  type DeliveredFile,
  type DownloadFormat,
  type OrgType,
  type UsagePolicy,
} from '@shuliu/contracts';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { recordAudit } from '../audit/index.js';
import {
  deidentifiedFileById,
  deidentifiedFileOf,
  identifierKindsOf,
  readSubjectMap,
  resourcesAboutPersons,
  type DeidentifiedFile,
} from '../catalog/index.js';
import { consentingSubjects } from '../consent/index.js';
import { orgById } from '../identity/index.js';
import { productForDeal } from '../market/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { contractsRepository as contracts } from './contracts.repository.js';
import { copyAsXlsx, makeCopy, readStored, type MadeFile } from './deliveries.copy.js';
import { deliveriesRepository as repo, type DeliveredFileRow } from './deliveries.repository.js';
import { downloadLimitRefused, downloadRefused, policyUseLimit, useLimit } from './deliveries.rules.js';
import { fingerprintCode } from './fingerprint/index.js';
import { ordersRepository as orders, type OrderRow } from './orders.repository.js';
import { ConsentScenarioRequired, ConsentUnmatched, DeidentifiedFileMissing } from './trade.errors.js';
import type { Executor, TradeDeps } from './trade.support.js';

const CONTENT_TYPE: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A download as the route sends it. */
export interface Download {
  name: string;
  contentType: string;
  size: number;
  body: Readable;
}

/**
 * 文件交付: a file order delivers, for each resource the contract names, a copy of its de-identified (masked)
 * derivative made for the buyer alone — fingerprinted with a code of the copy's own (HMAC-SM3 of its id under
 * the platform's fingerprint key), so that a leaked copy is traced to its order. The raw file is never read.
 *
 * When the seller delivers, the delivering transaction fixes which derivative file each copy is made from and
 * its code, and refuses (409) a resource with no de-identified file. The copy itself is made on its first
 * download rather than in that transaction: the fingerprint reads the whole table into memory, which for a
 * large derivative takes seconds, during which the order's row lock (and, on PGlite, the one connection)
 * would be held. Making it is deterministic (the same derivative, plan and code give the same bytes), so two
 * processes that make it at once make the same copy.
 *
 * Data about persons (一场景一授权): a copy holds only the persons whose consent to the buyer's scenario (the
 * contract's) is live when it is downloaded. The derivative's subject map says which person each row is about;
 * each download compares it with the live consents and, when they have changed since the copy was made, makes
 * the copy again without the others and removes the one before. The fingerprint's plan is the whole
 * derivative's, so every copy of an order carries the same marks and a leak of an earlier one still traces.
 */
export class DeliveriesService {
  private readonly making = new Map<string, Promise<void>>();

  constructor(private readonly deps: TradeDeps) {}

  /** In the delivering transaction of a file order: one copy per resource, each from a de-identified file. */
  async delivered(tx: Executor, order: { id: string; contract_no: string }): Promise<void> {
    const doc = await this.contractDoc(tx, order.contract_no);
    const secret = this.deps.files.fingerprintKey();
    const persons = new Set(
      await resourcesAboutPersons(
        tx,
        doc.object.resources.map((r) => r.id),
      ),
    );
    const rows = [];
    for (const r of doc.object.resources) {
      const d = await deidentifiedFileOf(tx, r.id);
      if (!d)
        throw DeidentifiedFileMissing(
          `${r.title ?? r.id} has no masked derivative with a ready data file: derive one (脱敏) before delivering, since a file leaves its owner only de-identified`,
          { resourceId: r.id },
        );
      const id = newId('dlf');
      rows.push({
        id,
        order_id: order.id,
        resource_id: r.id,
        source_resource_id: d.resourceId,
        source_file_id: d.fileId,
        name: copyName(d.name),
        fingerprint_code: fingerprintCode(secret, id),
        consent_version_id: persons.has(r.id) ? consentBasis(doc, r, d) : null,
      });
    }
    await repo.insert(tx, rows);
  }

  /** The order's delivered files with the downloads left: to its parties, the operator and the regulator. */
  async list(ctx: RequestContext, orderId: string): Promise<DeliveredFile[]> {
    const order = await this.readable(ctx, orderId);
    const limit = await this.limitOf(order);
    return (await repo.ofOrder(this.deps.db, orderId)).map((r) => toDeliveredFile(r, limit));
  }

  /**
   * The buyer's copy as CSV or XLSX, to the buyer org's members while the order is delivered or accepted;
   * each download is counted against the use limit (under the file's row lock), logged and audited.
   */
  async download(
    ctx: RequestContext,
    orderId: string,
    fileId: string,
    format: DownloadFormat,
  ): Promise<Download> {
    const p = requirePrincipal(ctx);
    const order = await this.readable(ctx, orderId);
    if (p.orgId !== order.buyer_org_id)
      throw Forbidden('a delivered copy is downloaded by the buyer’s members: it is fingerprinted for them');
    const refused = downloadRefused(order.state);
    if (refused) throw refused;
    const file = await repo.find(this.deps.db, orderId, fileId);
    if (!file) throw NotFound('file', fileId);
    const limit = await this.limitOf(order);
    const early = downloadLimitRefused(file.downloads, limit);
    if (early) throw early;
    const { made, copy } = await this.bytesOf(file, format);
    try {
      await this.counted(ctx, file, limit, {
        format,
        bytes: made.size,
        sm3: made.sm3,
        ...(copy.consent_version_id && {
          consentVersionId: copy.consent_version_id,
          rows: copy.row_count,
          rowsWithheld: copy.rows_withheld,
        }),
      });
    } catch (e) {
      made.body.destroy();
      throw e;
    }
    const stem = file.name.replace(/\.csv$/i, '');
    return { name: `${stem}.${format}`, contentType: CONTENT_TYPE[format], size: made.size, body: made.body };
  }

  /** One more download of the file, counted under its row lock against the limit, logged and audited. */
  private async counted(
    ctx: RequestContext,
    file: DeliveredFileRow,
    limit: number | null,
    sent: { format: DownloadFormat; bytes: number; sm3: string } & Record<string, unknown>,
  ) {
    await this.deps.db.transaction().execute(async (tx) => {
      await repo.lock(tx, file.id);
      const used = await repo.downloads(tx, file.id);
      const over = downloadLimitRefused(used, limit);
      if (over) throw over;
      await repo.logDownload(tx, {
        order_id: file.order_id,
        file_id: file.id,
        user_id: requirePrincipal(ctx).userId,
        format: sent.format,
        bytes: sent.bytes,
        sm3: sent.sm3,
        ip: ctx.ip,
        request_id: ctx.requestId,
      });
      await recordAudit(tx, ctx, {
        action: 'trade.file.download',
        objectType: 'order',
        objectId: file.order_id,
        details: { fileId: file.id, ...sent, download: used + 1, limit },
      });
    });
  }

  /** The order, to its parties, the operator and the regulator; a 404 to anyone else. */
  private async readable(ctx: RequestContext, orderId: string): Promise<OrderRow> {
    const order = await orders.find(this.deps.db, orderId);
    const org = ctx.principal?.orgId;
    const party = !!org && (org === order?.buyer_org_id || org === order?.seller_org_id);
    if (!order || !(party || hasRole(ctx, 'operator', 'regulator'))) throw NotFound('order', orderId);
    return order;
  }

  /**
   * The copy's bytes in the format asked, from its current copy (made first when there is none, or when the
   * live consents differ from those it was made under). A copy replaced by another download between the two
   * steps is gone: the current one is read instead.
   */
  private async bytesOf(
    file: DeliveredFileRow,
    format: DownloadFormat,
  ): Promise<{ made: MadeFile; copy: DeliveredFileRow }> {
    for (let attempt = 0; ; attempt++) {
      const copy = await this.currentCopy(file);
      const key = copy.copy_key ?? copy.id;
      try {
        if (format === 'xlsx')
          return { made: await copyAsXlsx(this.deps.files.blobs, { blobKey: key, name: copy.name }), copy };
        const body = await this.deps.files.blobs.read(key);
        return { made: { body, sm3: copy.sm3!, size: Number(copy.size_bytes) }, copy };
      } catch (e) {
        if (attempt > 0 || !(e instanceof Error && 'code' in e && e.code === 'BLOB_MISSING')) throw e;
      }
    }
  }

  /** The file's row once its copy is current: made on the first download, and again when consents changed. */
  private async currentCopy(f: DeliveredFileRow): Promise<DeliveredFileRow> {
    const keep = f.consent_version_id ? await this.consentedRows(f, f.consent_version_id) : null;
    if (f.prepared_at && (!keep || keep.digest === f.consent_digest)) return f;
    const task = `${f.id}:${keep?.digest ?? ''}`;
    let making = this.making.get(task);
    if (!making) {
      making = this.make(f, keep).finally(() => this.making.delete(task));
      this.making.set(task, making);
    }
    await making;
    return (await repo.find(this.deps.db, f.order_id, f.id))!;
  }

  /**
   * Which of the derivative's rows a copy keeps now: those whose person's consent to the version is live, by the
   * derivative's subject map; and an SM3 of the version and that choice, to tell whether a copy is current.
   */
  private async consentedRows(f: DeliveredFileRow, versionId: string): Promise<ConsentedRows> {
    const source = await this.sourceOf(f);
    if (!source.subjectColumn)
      throw ConsentUnmatched(`the de-identified file ${f.source_file_id} has no subject map`, {
        resourceId: f.resource_id,
      });
    const held = categoriesHeld(await identifierKindsOf(this.deps.db, f.resource_id));
    const [subjects, live] = await Promise.all([
      readSubjectMap(this.deps.files.blobs, source.blobKey),
      consentingSubjects(this.deps.db, versionId, this.deps.now(), held),
    ]);
    const rows = subjects.map((s) => s !== '' && live.has(s));
    const digest = createHash('sm3')
      .update(`${versionId}\n`)
      .update(Buffer.from(rows.map((k) => (k ? 49 : 48))))
      .digest('hex');
    return { rows, digest };
  }

  private async make(f: DeliveredFileRow, keep: ConsentedRows | null): Promise<void> {
    const { blobs, zipLimits, fingerprintKey } = this.deps.files;
    const source = await this.sourceOf(f);
    const table = await readStored(blobs, source, zipLimits);
    if (keep && keep.rows.length !== table.rows.length)
      throw ConsentUnmatched(
        `the subject map of ${f.source_file_id} has ${keep.rows.length} rows, its file ${table.rows.length}`,
        { resourceId: f.resource_id },
      );
    // a copy under another set of consents is another copy: stored beside the one it replaces
    const key = keep ? `${f.id}_${keep.digest.slice(0, 16)}` : f.id;
    const { plan, stats, blob } = await makeCopy(
      blobs,
      key,
      table,
      { secret: fingerprintKey(), code: f.fingerprint_code },
      keep?.rows,
    );
    const made = {
      plan: JSON.stringify(plan),
      sm3: blob.sm3,
      size_bytes: blob.size,
      row_count: stats.rows,
      cells_changed: stats.cellsChanged,
      bits_covered: stats.bitsCovered,
      prepared_at: this.deps.now(),
    };
    if (!keep) return void (await repo.prepared(this.deps.db, f.id, made));
    const replaced = await repo.remade(this.deps.db, f.id, {
      ...made,
      copy_key: key,
      consent_digest: keep.digest,
      rows_withheld: table.rows.length - stats.rows,
    });
    // the copy before held persons who have withdrawn since (or not yet consented): it goes
    if (replaced && replaced !== key) await blobs.remove(replaced);
  }

  private async sourceOf(f: DeliveredFileRow): Promise<DeidentifiedFile> {
    const source = await deidentifiedFileById(this.deps.db, f.source_file_id);
    if (!source)
      throw DeidentifiedFileMissing(
        `the de-identified file ${f.source_file_id} the copy is made from is gone`,
        {
          resourceId: f.resource_id,
        },
      );
    return source;
  }

  /** The use limit of each of the order's files: the contract's maxUses, or the policy's count if lower. */
  private async limitOf(order: OrderRow): Promise<number | null> {
    const db = this.deps.db;
    const doc = await this.contractDoc(db, order.contract_no);
    const [product, buyer] = await Promise.all([
      productForDeal(db, order.product_id),
      orgById(db, order.buyer_org_id),
    ]);
    // asked on the term's first day, so that only the count (not the clock) decides
    const start = `${doc.term.startsOn}T00:00:00+08:00`;
    const policyLimit = policyUseLimit((product?.policy ?? null) as UsagePolicy | null, {
      party: { orgId: order.buyer_org_id, orgType: (buyer?.types ?? []) as OrgType[] },
      action: 'use',
      context: {
        purpose: doc.use.purpose,
        region: doc.use.region,
        now: start,
        since: start,
        deliveryChannel: 'file',
      },
    });
    return useLimit(doc.use.maxUses, policyLimit);
  }

  private async contractDoc(db: Executor, contractNo: string): Promise<ContractDoc> {
    const c = (await contracts.find(db, contractNo))!;
    return JSON.parse(c.canonical) as ContractDoc;
  }
}

/** Which rows of a derivative a copy keeps under the live consents, and a digest of that choice. */
interface ConsentedRows {
  rows: boolean[];
  digest: string;
}

/**
 * The buyer's consent scenario version a copy of data about persons is filtered by (一场景一授权): the
 * contract's, over a derivative whose rows can be matched to persons (it has a subject map).
 */
function consentBasis(
  doc: ContractDoc,
  r: { id: string; title?: string | null },
  d: DeidentifiedFile,
): string {
  const name = r.title ?? r.id;
  if (!doc.use.scenarioVersionId)
    throw ConsentScenarioRequired(
      `${name} is data about persons (it holds ID card numbers): its contract names no consent scenario of the buyer's to deliver it under`,
      { resourceId: r.id },
    );
  if (!d.subjectColumn)
    throw ConsentUnmatched(
      `${name}: its de-identified file's rows cannot be matched to persons — derive it again (脱敏) from a source whose ID card column names them`,
      { resourceId: r.id },
    );
  return doc.use.scenarioVersionId;
}

/** The copy's file name: the derivative's, as CSV (the stored copy's format). */
const copyName = (name: string) => `${name.replace(/\.[^./\\]+$/, '')}.csv`;

function toDeliveredFile(r: DeliveredFileRow, limit: number | null): DeliveredFile {
  return {
    id: r.id,
    orderId: r.order_id,
    resourceId: r.resource_id,
    resourceTitle: r.resource_title,
    name: r.name,
    prepared: r.prepared_at !== null,
    sm3: r.sm3,
    sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
    rows: r.row_count,
    downloads: r.downloads,
    maxDownloads: limit,
    downloadsLeft: limit === null ? null : Math.max(0, limit - r.downloads),
    lastDownloadAt: r.last_download_at ? new Date(r.last_download_at).toISOString() : null,
    consent: r.consent_version_id
      ? { scenarioVersionId: r.consent_version_id, rowsWithheld: r.rows_withheld }
      : null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
