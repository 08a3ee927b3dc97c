import { BadRecord, FormatUnsupported } from './tabular.errors.js';
import { encodeText, TextChunkDecoder, TextFeed } from './tabular.text.js';
import { makeSource, type Progress } from './tabular.source.js';
import { Sink } from './tabular.sink.js';
import type {
  Cell,
  RowValues,
  TabularOutput,
  TabularSource,
  TabularWriter,
  TextEncoding,
} from './tabular.types.js';

interface JsonlInit {
  bytes: AsyncIterator<Buffer>;
  name: string;
  encoding?: TextEncoding;
  progress: Progress;
  close: () => void;
}

/** A JSON value as a cell: nested arrays and objects are kept as their JSON text. */
const toCell = (v: unknown): Cell =>
  v === null || v === undefined
    ? null
    : typeof v === 'object'
      ? JSON.stringify(v)
      : (v as string | number | boolean);

/** Splits decoded text into JSON Lines records, numbering lines for errors. */
class JsonlParser {
  line = 0;
  private rest = '';
  constructor(private readonly name: string) {}

  push(text: string, final: boolean, out: Record<string, unknown>[]) {
    const s = this.rest + text;
    let start = 0;
    for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', start)) {
      this.parse(s.slice(start, nl), out);
      start = nl + 1;
    }
    this.rest = s.slice(start);
    if (final && this.rest) this.parse(this.rest, out);
  }

  private parse(line: string, out: Record<string, unknown>[]) {
    this.line++;
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw BadRecord(`${this.name}: line ${this.line} is not valid JSON (${(e as Error).message})`, {
        line: this.line,
      });
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      throw BadRecord(`${this.name}: line ${this.line} is not a JSON object`, { line: this.line });
    out.push(v as Record<string, unknown>);
  }
}

/**
 * Opens JSON Lines. The columns are the keys of the first chunk's records in order of appearance; a key
 * first seen later is appended to `columns` (rows read before it have no value for it).
 */
export async function openJsonl(init: JsonlInit): Promise<TabularSource> {
  const parser = new JsonlParser(init.name);
  const columns: string[] = [];
  const index = new Map<string, number>();
  const feed = new TextFeed<Record<string, unknown>>(
    init.bytes,
    new TextChunkDecoder(init.name, init.encoding),
    (text, final, out) => {
      const from = out.length;
      parser.push(text, final, out);
      for (let i = from; i < out.length; i++)
        for (const k in out[i]) if (!index.has(k)) index.set(k, columns.push(k) - 1);
    },
  );
  await feed.first();
  if (feed.pending.length === 0) throw FormatUnsupported(`${init.name} is empty: no JSON Lines record`);
  const toValues = (r: Record<string, unknown>): RowValues => {
    const values: RowValues = new Array<Cell>(columns.length).fill(null);
    for (const k in r) values[index.get(k)!] = toCell(r[k]);
    return values;
  };
  const decoder = feed.decoder;
  return makeSource({
    format: 'jsonl',
    columns,
    dialect: {
      get encoding() {
        return decoder.encoding ?? 'utf-8';
      },
      bom: decoder.bom,
      delimiter: '',
      newline: '\n',
    },
    progress: init.progress,
    close: init.close,
    batches: () => feed.batches((records) => records.map(toValues)),
  });
}

/** Writes one JSON object a line, keys in column order. */
export class JsonlWriter implements TabularWriter {
  private readonly sink: Sink;
  private readonly keys: string[];

  constructor(
    target: TabularOutput,
    private readonly columns: string[],
    private readonly encoding: TextEncoding = 'utf-8',
  ) {
    this.sink = new Sink(target);
    this.keys = columns.map((c) => JSON.stringify(c));
  }

  async write(rows: RowValues[]): Promise<void> {
    while (this.keys.length < this.columns.length)
      this.keys.push(JSON.stringify(this.columns[this.keys.length]));
    let text = '';
    for (const row of rows) {
      let line = '{';
      for (let i = 0; i < this.keys.length; i++)
        line += `${i ? ',' : ''}${this.keys[i]}:${JSON.stringify(row[i] ?? null)}`;
      text += `${line}}\n`;
    }
    if (text) await this.sink.write(encodeText(text, this.encoding));
  }

  close(): Promise<void> {
    return this.sink.close();
  }
}
