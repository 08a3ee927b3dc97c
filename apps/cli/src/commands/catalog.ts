import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { Command, Option } from 'commander';
import { serverOptions, sdkFor, type Remote } from './remote.js';

/** One status line on stderr, rewritten in place, only when a person is watching. */
function statusLine() {
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    show(text: string, force = false) {
      const now = Date.now();
      if (!tty || (!force && now - last < 200)) return;
      last = now;
      process.stderr.write(`\r\x1b[K${text}`);
    },
    done: () => tty && process.stderr.write('\r\x1b[K'),
  };
}

const mb = (n: number) => `${(n / 1024 ** 2).toFixed(1)} MB`;

async function upload(
  resourceId: string,
  file: string,
  o: Remote & { role: 'data' | 'evidence'; json?: boolean },
) {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new Error(
      `cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  const sdk = await sdkFor(o);
  const line = statusLine();
  let sent = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _e, cb) {
      sent += chunk.length;
      line.show(`uploading ${mb(sent)} / ${mb(size)}  ${size ? ((100 * sent) / size).toFixed(0) : 100} %`);
      cb(null, chunk);
    },
  });
  const body = Readable.toWeb(createReadStream(file).pipe(counter)) as ReadableStream<Uint8Array>;
  let f = await sdk.client.upload(
    (await import('@shuliu/contracts')).api.catalog.upload,
    { params: { id: resourceId }, query: { name: basename(file), role: o.role } },
    body,
  );
  while (f.status === 'uploading' || f.status === 'profiling') {
    line.show(`profiling ${(f.progress * 100).toFixed(0)} %`, true);
    await new Promise((r) => setTimeout(r, 1000));
    f = await sdk.catalog.file({ params: { id: f.id } });
  }
  line.done();
  if (f.status === 'failed') throw new Error(`the server could not use ${file}: ${f.error}`);
  if (o.json) return void console.log(JSON.stringify(f, null, 2));
  console.log(`${f.id}  ${f.name}  ${mb(f.sizeBytes)}  SM3 ${f.sm3}`);
  if (!f.profile) return;
  console.log(`${f.profile.rows.toLocaleString('en-US')} rows, dataset grade ${f.profile.datasetGrade}`);
  for (const c of f.profile.columns)
    console.log(
      `  ${c.name.padEnd(16)} ${c.type.padEnd(9)} nulls ${(c.nullRate * 100).toFixed(1).padStart(5)} %  ` +
        `${c.pii ? `${c.pii.kind} (${c.pii.confidence})` : '-'}  → ${c.suggestedGrade}`,
    );
}

async function search(q: string | undefined, o: Remote & { page: number; json?: boolean }) {
  const sdk = await sdkFor(o);
  const r = await sdk.catalog.search({ query: { q, page: o.page, pageSize: 20 } });
  if (o.json) return void console.log(JSON.stringify(r, null, 2));
  console.log(`${r.total} resources${q ? ` matching "${q}"` : ''} (page ${r.page})`);
  for (const x of r.items)
    console.log(
      `${x.id}  ${x.grade.padEnd(9)} ${x.status.padEnd(9)} ${x.title}  — ${x.ownerOrgName ?? x.ownerOrgId}`,
    );
}

export function catalogCommand(): Command {
  const cmd = new Command('catalog').description('work with the data resource catalog of a running server');
  serverOptions(
    cmd
      .command('upload')
      .description('upload a file to a resource, with progress, and wait for its profile')
      .argument('<resourceId>', 'the resource (res_…)')
      .argument('<file>', 'CSV, TSV, JSON Lines, XLSX or Parquet (or any file with --role evidence)')
      .addOption(
        new Option('--role <role>', 'a data file or source evidence')
          .choices(['data', 'evidence'])
          .default('data'),
      )
      .option('--json', 'print the file and its profile as JSON'),
  ).action((resourceId: string, file: string, o) => upload(resourceId, file, o));
  serverOptions(
    cmd
      .command('search')
      .description('search the catalog (Chinese full text)')
      .argument('[query]', 'words to look for')
      .option('--page <n>', 'page number', (v) => Number(v), 1)
      .option('--json', 'print the answer as JSON'),
  ).action((q: string | undefined, o) => search(q, o));
  return cmd;
}
