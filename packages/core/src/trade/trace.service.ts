import type { TraceResult, TraceStatistics } from '@shuliu/contracts';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { recordAudit } from '../audit/index.js';
import { BlobTooLarge } from '../blobs/index.js';
import type { RequestContext } from '../shared/context.js';
import { openTabular } from '../tabular/index.js';
import { readWhole } from './deliveries.copy.js';
import { deliveriesRepository as repo } from './deliveries.repository.js';
import {
  DEFAULT_ALPHA,
  detect,
  type Candidate,
  type CandidateScore,
  type Detection,
  type FingerprintPlan,
  type Table,
} from './fingerprint/index.js';
import type { TradeDeps } from './trade.support.js';

/** The copies made from one derivative file: one plan, a code each. */
interface Group {
  plan: FingerprintPlan;
  candidates: Candidate[];
}

/**
 * 泄露溯源: which order a leaked table was delivered for. The file is compared with every copy made so far,
 * grouped by the derivative they were made from (each group read through its derivative's plan); a copy is
 * named only when its p-value times the number of copies compared stays below α, so that with thousands of
 * deliveries a foreign file still traces to nothing.
 */
export class TraceService {
  constructor(private readonly deps: TradeDeps) {}

  async trace(ctx: RequestContext, body: Readable, name = 'leaked file'): Promise<TraceResult> {
    const { table, sm3 } = await this.readLeak(body, name);
    const groups = (await this.groups()).filter((g) => comparable(g.plan, table.columns));
    const total = groups.reduce((n, g) => n + g.candidates.length, 0);
    let best: { d: Detection; score: CandidateScore } | null = null;
    for (const g of groups) {
      const d = detect(table, {
        secret: this.deps.files.fingerprintKey(),
        candidates: g.candidates,
        plan: g.plan,
        // Bonferroni over every copy compared, not only this group's
        alpha: (DEFAULT_ALPHA * g.candidates.length) / total,
      });
      const score = d.match ?? d.scores[0];
      if (score && (!best || better(score, !!d.match, best.score, !!best.d.match))) best = { d, score };
    }
    const matched = !!best?.d.match;
    const match = matched ? await this.described(best!.score.id) : null;
    const statistics: TraceStatistics | null = best && {
      matches: best.score.matches,
      observed: best.score.observed,
      pValue: best.score.pValue,
      cellsRead: best.d.cellsRead,
      candidates: total,
      alpha: DEFAULT_ALPHA,
    };
    await this.deps.db.transaction().execute((tx) =>
      recordAudit(tx, ctx, {
        action: 'trade.trace',
        objectType: match ? 'order' : undefined,
        objectId: match?.orderId,
        details: {
          fileSm3: sm3,
          rows: table.rows.length,
          matched,
          deliveredFileId: match?.deliveredFileId,
          ...statistics,
        },
      }),
    );
    return { matched, fileSm3: sm3, rows: table.rows.length, columns: table.columns, match, statistics };
  }

  /** The uploaded file, bounded in size, hashed (SM3) and read whole through the tabular readers. */
  private async readLeak(body: Readable, name: string): Promise<{ table: Table; sm3: string }> {
    const max = this.deps.files.traceMaxBytes;
    const dir = await mkdtemp(join(tmpdir(), 'shuliu-trace-'));
    try {
      const path = join(dir, `leaked${extname(name).toLowerCase()}`);
      const hash = createHash('sm3');
      let size = 0;
      const bounded = new Transform({
        transform(chunk: Buffer, _e, cb) {
          size += chunk.length;
          if (size > max) return cb(BlobTooLarge(`a traced file is at most ${max} bytes`, { maxBytes: max }));
          hash.update(chunk);
          cb(null, chunk);
        },
      });
      await pipeline(body, bounded, createWriteStream(path, { mode: 0o600 }));
      // the caller's name in messages, never the private temporary path
      const source = await openTabular(path, { name, zipLimits: this.deps.files.zipLimits });
      try {
        return { table: await readWhole(source), sm3: hash.digest('hex') };
      } finally {
        await source.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async groups(): Promise<Group[]> {
    const byFile = new Map<string, Group>();
    for (const c of await repo.madeCopies(this.deps.db)) {
      let g = byFile.get(c.source_file_id);
      if (!g) byFile.set(c.source_file_id, (g = { plan: planOf(c.plan), candidates: [] }));
      g.candidates.push({ id: c.id, code: c.fingerprint_code });
    }
    return [...byFile.values()];
  }

  private async described(deliveredFileId: string): Promise<TraceResult['match']> {
    const r = (await repo.traced(this.deps.db, deliveredFileId))!;
    return {
      orderId: r.order_id,
      contractNo: r.contract_no,
      deliveredFileId,
      resourceId: r.resource_id,
      resourceTitle: r.resource_title,
      productId: r.product_id,
      productTitle: r.product_title,
      buyerOrgId: r.buyer_org_id,
      buyerName: r.buyer_name,
      sellerOrgId: r.seller_org_id,
      sellerName: r.seller_name,
      deliveredAt: (r.delivered_at ?? r.created_at).toISOString(),
      downloads: r.downloads,
    };
  }
}

const planOf = (p: unknown) => (typeof p === 'string' ? JSON.parse(p) : p) as FingerprintPlan;

/** A leak can carry a group's marks only if it kept one of its marked columns and one column anchoring them. */
const comparable = (plan: FingerprintPlan, columns: string[]) =>
  plan.marked.some((m) => columns.includes(m.name)) &&
  [...plan.anchors, ...plan.marked.map((m) => m.name)].filter((c) => columns.includes(c)).length >= 2;

/** A match beats a non-match; otherwise the lower p-value. */
const better = (a: CandidateScore, aMatch: boolean, b: CandidateScore, bMatch: boolean) =>
  aMatch !== bMatch ? aMatch : a.pValue < b.pValue;
