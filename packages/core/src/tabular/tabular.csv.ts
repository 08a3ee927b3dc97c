import { CsvParser } from './tabular.csv-parser.js';
import { FormatUnsupported } from './tabular.errors.js';
import { encodeText, TextChunkDecoder, TextFeed } from './tabular.text.js';
import { makeSource, uniqueColumns, type Progress } from './tabular.source.js';
import { Sink } from './tabular.sink.js';
import type {
  Cell,
  RowValues,
  TabularOutput,
  TabularSource,
  TabularWriter,
  TextDialect,
  TextEncoding,
} from './tabular.types.js';

const CANDIDATES = [',', '\t', ';', '|'];

/** Picks the delimiter that occurs most often outside quotes on the first line (ties go to `preferred`). */
export function sniffDelimiter(text: string, preferred: string): string {
  const counts = new Map(CANDIDATES.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = preferred;
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

interface DelimitedInit {
  bytes: AsyncIterator<Buffer>;
  name: string;
  tsv: boolean;
  encoding?: TextEncoding;
  delimiter?: string;
  progress: Progress;
  close: () => void;
}

/** Opens CSV or TSV text: reads until the header is parsed, then streams the records in batches. */
export async function openDelimited(init: DelimitedInit): Promise<TabularSource> {
  let parser: CsvParser | undefined;
  const feed = new TextFeed<RowValues>(
    init.bytes,
    new TextChunkDecoder(init.name, init.encoding),
    (text, final, out) => {
      parser ??= new CsvParser(init.delimiter ?? sniffDelimiter(text, init.tsv ? '\t' : ','), init.name);
      parser.push(text, final, out);
    },
  );
  await feed.first();
  if (!parser || feed.pending.length === 0) throw FormatUnsupported(`${init.name} is empty: no header line`);
  const columns = uniqueColumns(feed.pending.shift()!);
  const p = parser;
  const decoder = feed.decoder;
  return makeSource({
    format: p.delimiter === '\t' ? 'tsv' : 'csv',
    columns,
    dialect: {
      // decided on the first non-ASCII byte, which may come after the header
      get encoding() {
        return decoder.encoding ?? 'utf-8';
      },
      bom: decoder.bom,
      delimiter: p.delimiter,
      newline: p.crlf ? '\r\n' : '\n',
    },
    progress: init.progress,
    close: init.close,
    batches: () => feed.batches((b) => b),
  });
}

/** Writes CSV/TSV in the dialect of the source: RFC 4180 quoting, the same delimiter, line end and encoding. */
export class DelimitedWriter implements TabularWriter {
  private readonly sink: Sink;
  private readonly dialect: TextDialect;
  private readonly special: RegExp;
  private started = false;

  constructor(
    target: TabularOutput,
    private readonly columns: string[],
    dialect: Partial<TextDialect>,
  ) {
    this.sink = new Sink(target);
    this.dialect = { encoding: 'utf-8', bom: false, delimiter: ',', newline: '\n', ...dialect };
    this.special = new RegExp(
      `[${this.dialect.delimiter === '\t' ? '\\t' : `\\${this.dialect.delimiter}`}"\\r\\n]`,
    );
  }

  async write(rows: RowValues[]): Promise<void> {
    let text = '';
    if (!this.started) {
      this.started = true;
      text = (this.dialect.bom ? '\uFEFF' : '') + this.line(this.columns);
    }
    for (let i = 0; i < rows.length; i++) text += this.line(rows[i]!);
    if (text) await this.sink.write(encodeText(text, this.dialect.encoding));
  }

  async close(): Promise<void> {
    if (!this.started) await this.write([]);
    await this.sink.close();
  }

  private line(values: readonly Cell[]): string {
    const d = this.dialect.delimiter;
    let line = '';
    for (let i = 0; i < this.columns.length; i++) {
      if (i) line += d;
      const v = values[i];
      if (v === null || v === undefined) continue;
      const s = typeof v === 'string' ? v : String(v);
      line += s === '' ? '""' : this.special.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    }
    return line + this.dialect.newline;
  }
}
