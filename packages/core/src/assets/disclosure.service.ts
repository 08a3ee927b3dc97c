import { Writable } from 'node:stream';
import type { Disclosure, DisclosureRow } from '@shuliu/contracts';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { createTabularWriter } from '../tabular/index.js';
import { NotYourOrg } from './assets.errors.js';
import { assetsRepository as repo, type Executor } from './assets.repository.js';
import { disclosureTable, type DisclosureAsset } from './assets.rules.js';
import { DISCLOSURE_LABELS } from './assets.words.js';
import type { LedgerService } from './ledger.service.js';

/** 入表披露: the disclosure table of an org's data assets by source, as JSON and as an XLSX workbook. */
export class DisclosureService {
  constructor(
    private readonly db: Executor,
    private readonly ledger: LedgerService,
  ) {}

  /** 财会〔2023〕11号 §四: the disclosure table of one calendar year, by classification and source. */
  async disclosure(ctx: RequestContext, q: { year: number; orgId?: string }): Promise<Disclosure> {
    const orgId = this.ledger.readerOrg(ctx, q.orgId) ?? requirePrincipal(ctx).orgId;
    if (!orgId) throw NotYourOrg('name the org whose table to read', { field: 'orgId' });
    const rows = await repo.assetsOfOrg(this.db, orgId);
    const books = await this.ledger.books(this.db, rows);
    const items: DisclosureAsset[] = rows.map((r, i) => ({
      classification: r.classification,
      source: r.source,
      recognizedPeriod: r.recognized_period,
      costFen: books[i]!.costFen,
      schedule: books[i]!.schedule,
      impairments: books[i]!.impairments.map((x) => ({ period: x.period, amountFen: Number(x.amount_fen) })),
    }));
    const from = `${q.year}-01`;
    const to = `${q.year}-12`;
    return { orgId, year: q.year, from, to, rows: disclosureTable(items, from, to) };
  }

  /** The disclosure table as an XLSX workbook (zh-CN headings), written by the platform's tabular writer. */
  async disclosureXlsx(ctx: RequestContext, q: { year: number; orgId?: string }): Promise<Buffer> {
    const d = await this.disclosure(ctx, q);
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        chunks.push(Buffer.from(chunk));
        cb();
      },
    });
    const w = createTabularWriter(sink, { format: 'xlsx', columns: [...DISCLOSURE_LABELS.columns] });
    const yuan = (fen: number) => fen / 100;
    const line = (r: DisclosureRow) => [
      DISCLOSURE_LABELS.classification[r.classification],
      DISCLOSURE_LABELS.source[r.source],
      yuan(r.openingFen),
      yuan(r.additionsFen),
      yuan(r.amortizationFen),
      yuan(r.impairmentFen),
      yuan(r.closingFen),
    ];
    await w.write(d.rows.map(line));
    await w.close();
    await new Promise<void>((resolve, reject) => {
      if (sink.writableFinished) resolve();
      else sink.once('finish', resolve).once('error', reject);
    });
    return Buffer.concat(chunks);
  }
}
