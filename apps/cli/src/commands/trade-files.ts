import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { Command, Option } from 'commander';
import type { DeliveredFile, TraceResult } from '@shuliu/contracts';
import { saveDownload, serverOptions, sdkFor, type Remote } from './remote.js';

type Json = { json?: boolean };

const left = (f: DeliveredFile) => (f.downloadsLeft === null ? 'unlimited' : String(f.downloadsLeft));

/** Which of the order's files: the one named, or the only one. */
function chosen(files: DeliveredFile[], id: string | undefined, orderId: string): DeliveredFile {
  if (id) {
    const f = files.find((x) => x.id === id);
    if (!f)
      throw new Error(`order ${orderId} has no file ${id}; its files: ${files.map((x) => x.id).join(', ')}`);
    return f;
  }
  if (files.length === 1) return files[0]!;
  if (!files.length)
    throw new Error(`order ${orderId} has no delivered files (is it a delivered file order?)`);
  throw new Error(
    `order ${orderId} has ${files.length} files: choose one with --file\n${files.map((f) => `  ${f.id}  ${f.name}  (${left(f)} downloads left)`).join('\n')}`,
  );
}

/** The buyer's fingerprinted copy, saved where asked (or under the server's file name here). */
async function download(
  orderId: string,
  o: Remote & { file?: string; format: 'csv' | 'xlsx'; output?: string },
) {
  const sdk = await sdkFor(o);
  const { items } = await sdk.deliveries.files({ params: { id: orderId } });
  const f = chosen(items, o.file, orderId);
  const { api } = await import('@shuliu/contracts');
  const res = await sdk.client.download(api.deliveries.download, {
    params: { id: orderId, fileId: f.id },
    query: { format: o.format },
  });
  const { path, size } = await saveDownload(res, o.output, `${f.id}.${o.format}`);
  const remaining = f.downloadsLeft === null ? 'unlimited' : String(Math.max(0, f.downloadsLeft - 1));
  console.log(`saved ${path} (${size} bytes) from order ${orderId}, file ${f.id}`);
  console.log(`  this copy is fingerprinted for your organization; downloads left: ${remaining}`);
}

export function tradeDownloadCommand(): Command {
  return serverOptions(
    new Command('download')
      .description(
        'download your fingerprinted copy of a delivered file order (counted against the contract’s limit)',
      )
      .argument('<orderId>', 'the order, ord_…')
      .option('--file <id>', 'the delivered file (dlf_…), when the order has several')
      .addOption(new Option('--format <format>', 'CSV or a workbook').choices(['csv', 'xlsx']).default('csv'))
      .option('-o, --output <path>', 'where to save it (default: the file’s name, here)'),
  ).action((orderId: string, o) => download(orderId, o));
}

function printTrace(file: string, r: TraceResult) {
  console.log(`${file}: ${r.rows} rows, columns ${r.columns.join(', ')} (SM3 ${r.fileSm3})`);
  const s = r.statistics;
  const stats = s
    ? `${s.matches}/${s.observed} marks matched, p = ${s.pValue.toExponential(2)} (α = ${s.alpha} over ${s.candidates} delivered copies, ${s.cellsRead} cells read)`
    : 'no delivered copy shares its columns';
  if (!r.match) {
    console.log(`NO MATCH: it traces to no delivered copy — ${stats}`);
    return;
  }
  const m = r.match;
  console.log(`MATCH: order ${m.orderId} (contract ${m.contractNo})`);
  console.log(`  buyer   ${m.buyerName ?? ''} (${m.buyerOrgId})`);
  console.log(`  seller  ${m.sellerName ?? ''} (${m.sellerOrgId})`);
  console.log(
    `  product ${m.productTitle ?? ''} (${m.productId}); resource ${m.resourceTitle ?? m.resourceId}`,
  );
  console.log(`  copy    ${m.deliveredFileId}, delivered ${m.deliveredAt}, downloaded ${m.downloads} times`);
  console.log(`  ${stats}`);
}

/** Sends a leaked file to the server's trace route; exit code 1 when it traces to nothing. */
async function trace(file: string, o: Remote & Json) {
  try {
    statSync(file);
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code}`);
  }
  const sdk = await sdkFor(o);
  const { api } = await import('@shuliu/contracts');
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  const r = await sdk.client.upload(api.deliveries.trace, { query: { name: basename(file) } }, body);
  if (o.json) console.log(JSON.stringify(r, null, 2));
  else printTrace(file, r);
  if (!r.matched) process.exitCode = 1;
}

export function traceCommand(): Command {
  return serverOptions(
    new Command('trace')
      .description(
        '泄露溯源: trace a leaked CSV/XLSX to the order whose fingerprinted copy it is (operator or regulator token). Exits 1 when nothing matches',
      )
      .argument('<file>', 'the leaked file')
      .option('--json', 'print the result as JSON'),
  ).action((file: string, o) => trace(file, o));
}
