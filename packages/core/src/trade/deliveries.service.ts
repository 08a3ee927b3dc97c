import type { ContractDoc, DeliveredFile, DownloadFormat, OrgType, UsagePolicy } from '@shuliu/contracts';
import type { Readable } from 'node:stream';
import { recordAudit } from '../audit/index.js';
import { deidentifiedFileById, deidentifiedFileOf } from '../catalog/index.js';
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
import { DeidentifiedFileMissing } from './trade.errors.js';
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
 */
export class DeliveriesService {
  private readonly making = new Map<string, Promise<void>>();

  constructor(private readonly deps: TradeDeps) {}

  /** In the delivering transaction of a file order: one copy per resource, each from a de-identified file. */
  async delivered(tx: Executor, order: { id: string; contract_no: string }): Promise<void> {
    const doc = await this.contractDoc(tx, order.contract_no);
    const secret = this.deps.files.fingerprintKey();
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
    const made = await this.bytesOf(file, format);
    try {
      await this.counted(ctx, file, limit, { format, bytes: made.size, sm3: made.sm3 });
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
    sent: { format: DownloadFormat; bytes: number; sm3: string },
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
        ...sent,
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

  private async bytesOf(file: DeliveredFileRow, format: DownloadFormat): Promise<MadeFile> {
    const made = await this.ensureCopy(file);
    if (format === 'xlsx') return copyAsXlsx(this.deps.files.blobs, { blobKey: file.id, name: file.name });
    return { body: await this.deps.files.blobs.read(file.id), ...made };
  }

  /** The copy's SM3 and size, making it first when this is its first download (once per process at a time). */
  private async ensureCopy(f: DeliveredFileRow): Promise<{ sm3: string; size: number }> {
    if (!f.prepared_at) {
      let making = this.making.get(f.id);
      if (!making) {
        making = this.make(f).finally(() => this.making.delete(f.id));
        this.making.set(f.id, making);
      }
      await making;
      f = (await repo.find(this.deps.db, f.order_id, f.id))!;
    }
    return { sm3: f.sm3!, size: Number(f.size_bytes) };
  }

  private async make(f: DeliveredFileRow): Promise<void> {
    const { blobs, zipLimits, fingerprintKey } = this.deps.files;
    const source = await deidentifiedFileById(this.deps.db, f.source_file_id);
    if (!source)
      throw DeidentifiedFileMissing(
        `the de-identified file ${f.source_file_id} the copy is made from is gone`,
        {
          resourceId: f.resource_id,
        },
      );
    const table = await readStored(blobs, source, zipLimits);
    const { plan, stats, blob } = await makeCopy(blobs, f.id, table, {
      secret: fingerprintKey(),
      code: f.fingerprint_code,
    });
    await repo.prepared(this.deps.db, f.id, {
      plan: JSON.stringify(plan),
      sm3: blob.sm3,
      size_bytes: blob.size,
      row_count: stats.rows,
      cells_changed: stats.cellsChanged,
      bits_covered: stats.bitsCovered,
      prepared_at: this.deps.now(),
    });
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
    createdAt: new Date(r.created_at).toISOString(),
  };
}
